package dev.jcoder.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.coderd.BuildVersion;
import dev.jcoder.codersdk.BuildInfoResponse;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder version}: this CLI's version and, when a deployment is configured and reachable, the server's. */
@Command(name = "version", description = "Show coder version")
public final class VersionCommand implements Runnable, HasOutput {
    /** Coder's version fields, plus the server's build info when it could be fetched. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Info(String version, String buildTime, String externalUrl, boolean slim, boolean agpl,
            boolean boringCrypto, String serverUrl, BuildInfoResponse server) {}

    static final Output<Info> OUTPUT = Output.text(VersionCommand::text);

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Optional<URI> deployment = global.deploymentUrl();
        BuildInfoResponse server = deployment.flatMap(VersionCommand::buildInfo).orElse(null);
        Info info = new Info(BuildVersion.version(), "", "", false, true, false,
                deployment.map(URI::toString).orElse(null), server);
        output.print(spec.commandLine().getOut(), OUTPUT, info);
    }

    private static Optional<BuildInfoResponse> buildInfo(URI deployment) {
        try {
            return Optional.of(new CoderClient(deployment).buildInfo());
        } catch (UncheckedIOException | CoderApiException e) {
            return Optional.empty();
        }
    }

    private static String text(Info info) {
        StringBuilder text = new StringBuilder("Coder " + info.version() + "\n\n"
                + "Full build of jcoder (Java), supports the " + Style.bold("server") + " subcommand.");
        if (info.server() != null) {
            text.append("\n\nServer ").append(info.server().version()).append(" at ").append(info.serverUrl());
        } else if (info.serverUrl() != null) {
            text.append("\n\nServer at ").append(info.serverUrl()).append(" is not reachable.");
        }
        return text.toString();
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
