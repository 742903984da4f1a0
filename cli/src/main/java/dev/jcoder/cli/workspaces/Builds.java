package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.workspaces.parameters.ParameterPrompter;
import dev.jcoder.cli.workspaces.parameters.ParameterResolver;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** Small pieces the workspace commands share: confirmations, the parameter resolver, template lookups, messages. */
final class Builds {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH);

    private Builds() {}

    /** Asks {@code question} unless {@code yes}; "no" (or no answer) cancels the command. */
    static void confirm(CommandSpec spec, boolean yes, String question) {
        if (yes) {
            return;
        }
        if (!RootCommand.terminal(spec).confirm(spec.commandLine().getOut(), question)) {
            throw new CliException("Canceled.");
        }
    }

    static ParameterResolver resolver(CommandSpec spec) {
        PrintWriter out = spec.commandLine().getOut();
        return new ParameterResolver(new ParameterPrompter(RootCommand.terminal(spec), out), out);
    }

    static Template template(CoderClient client, String organization, String name) {
        try {
            return client.templateByName(organization, name);
        } catch (CoderApiException e) {
            if (e.statusCode() == 404) {
                throw new CliException("Template \"" + name + "\" does not exist in organization \"" + organization
                        + "\". See 'coder templates list'.", e);
            }
            throw e;
        }
    }

    /** {@code The dev workspace has been started at Nov 25 09:30:00!} */
    static void done(PrintWriter out, String workspace, String what, Instant now) {
        out.println();
        out.println("The " + Style.bold(workspace) + " workspace has been " + what + " at "
                + STAMP.format(now.atZone(ZoneId.systemDefault())) + "!");
        out.flush();
    }
}
