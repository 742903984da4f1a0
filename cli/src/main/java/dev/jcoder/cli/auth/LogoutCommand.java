package dev.jcoder.cli.auth;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.config.ConfigDirectory;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import java.io.PrintWriter;
import java.net.URI;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coder logout}: ends the saved session on the server and forgets it locally. */
@Command(name = "logout", description = "Unauthenticate your local session")
public final class LogoutCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-y", "--yes"}, defaultValue = "${env:CODER_SKIP_PROMPT:-false}", description = "Bypass prompts. Env: $CODER_SKIP_PROMPT.")
    boolean yes;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        ConfigDirectory config = global.configDirectory();
        URI deployment = global.deploymentUrl().orElseThrow(() -> new CliException(
                "You are not logged in. Try logging in using 'coder login <url>'."));
        String session = config.sessionToken().orElseThrow(() -> new CliException(
                "You are not logged in. Try logging in using 'coder login " + deployment + "'."));
        if (!yes && !RootCommand.terminal(spec).confirm(out, "Are you sure you want to log out?")) {
            throw new CliException("Logout canceled.");
        }
        try {
            new CoderClient(deployment).withToken(session).logout();
        } catch (CoderApiException e) {
            if (e.statusCode() != 401) {
                throw e;
            }
            // The session has already expired or been deleted: forgetting it locally is all that is left.
        }
        config.deleteSession();
        out.println(Style.bold("> ") + "You are no longer logged in. You can log in using 'coder login <url>'.");
    }
}
