package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder logs}: the provisioner logs of a workspace build, optionally followed until the build ends. */
@Command(name = "logs", sortOptions = false, description = {"View logs for a workspace", "",
    "  - Follow the latest build as it runs:", "", "      $ coder logs my-workspace -f", "",
    "  - The logs of the build before the latest:", "", "      $ coder logs my-workspace -n -1"})
public final class LogsCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Option(names = {"-n", "--build-number"}, paramLabel = "<int>", defaultValue = "0",
            description = "Only show logs for a specific build number. Defaults to the most recent build. If a negative number is "
                    + "provided, it is treated as an offset from the most recent build. For example, -1 would refer to the previous build.")
    int buildNumber;

    @Option(names = {"-f", "--follow"}, description = "Follow logs as they are emitted.")
    boolean follow;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        WorkspaceBuild build = build(client, workspace);
        out.println("--- Logs for workspace build #" + build.buildNumber() + " (ID: " + build.id() + " Template Version: "
                + build.templateVersionName() + ") ---");
        AtomicLong last = new AtomicLong();
        List<ProvisionerJobLog> stored = client.workspaceBuildLogs(build.id(), 0);
        for (ProvisionerJobLog line : stored) {
            out.println(format(line));
            last.set(line.id());
        }
        out.flush();
        if (follow) {
            out.println("--- Streaming logs ---");
            out.flush();
            try {
                client.followWorkspaceBuildLogs(build.id(), last.get(), line -> {
                    out.println(format(line));
                    out.flush();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("Interrupted while following the logs.");
            }
        }
    }

    private WorkspaceBuild build(CoderClient client, Workspace workspace) {
        int latest = workspace.latestBuild().buildNumber();
        int number = buildNumber < 0 ? latest + buildNumber : buildNumber;
        if (buildNumber < 0 && number < 1) {
            throw new CliException("Invalid build number offset " + buildNumber + ": the latest build is #" + latest + ".");
        }
        if (number == 0 || number == latest) {
            return workspace.latestBuild();
        }
        try {
            return client.workspaceBuildByNumber(workspace.ownerName(), workspace.name(), number);
        } catch (CoderApiException e) {
            if (e.statusCode() == 404) {
                throw new CliException("Workspace \"" + workspace.name() + "\" has no build #" + number + ".", e);
            }
            throw e;
        }
    }

    /** {@code 2026-11-25T09:30:00Z [info] [provisioner|Planning] output}, as Coder prints build logs. */
    static String format(ProvisionerJobLog line) {
        return line.createdAt().truncatedTo(ChronoUnit.SECONDS) + " [" + line.logLevel().value() + "] [provisioner|"
                + line.stage() + "] " + line.output();
    }
}
