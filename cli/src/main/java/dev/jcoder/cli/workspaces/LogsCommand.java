package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAgentLogSource;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.io.PrintWriter;
import java.time.temporal.ChronoUnit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder logs}: a workspace build's provisioner logs and its agents' logs, interleaved by
 * time; {@code -f} follows the build until it ends and then the agents.
 */
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
        List<WorkspaceAgent> agents = build.resources().stream().flatMap(resource -> resource.agents().stream()).toList();
        out.println("--- Logs for workspace build #" + build.buildNumber() + " (ID: " + build.id() + " Template Version: "
                + build.templateVersionName() + ") ---");
        // Stored lines of the build and of its agents, interleaved by time as Coder prints them.
        List<Line> lines = new ArrayList<>();
        AtomicLong lastBuildLog = new AtomicLong();
        for (ProvisionerJobLog line : client.workspaceBuildLogs(build.id(), 0)) {
            lines.add(new Line(line.createdAt(), format(line)));
            lastBuildLog.set(line.id());
        }
        Map<UUID, Long> lastAgentLog = new LinkedHashMap<>();
        for (WorkspaceAgent agent : agents) {
            long last = 0;
            for (WorkspaceAgentLog line : client.workspaceAgentLogs(agent.id(), 0)) {
                lines.add(new Line(line.createdAt(), format(agent, line)));
                last = line.id();
            }
            lastAgentLog.put(agent.id(), last);
        }
        lines.sort(Comparator.comparing(Line::time));
        lines.forEach(line -> out.println(line.text()));
        out.flush();
        if (follow) {
            out.println("--- Streaming logs ---");
            out.flush();
            follow(client, build, agents, lastBuildLog.get(), lastAgentLog, out);
        }
    }

    /**
     * The build's new lines until its job ends, then its agents' new lines as they arrive (until the
     * server closes the streams or the command is interrupted).
     */
    private static void follow(CoderClient client, WorkspaceBuild build, List<WorkspaceAgent> agents, long afterBuildLog,
            Map<UUID, Long> afterAgentLog, PrintWriter out) {
        try {
            client.followWorkspaceBuildLogs(build.id(), afterBuildLog, line -> print(out, format(line)));
            List<Thread> followers = new ArrayList<>();
            for (WorkspaceAgent agent : agents) {
                followers.add(Thread.ofVirtual().name("logs-" + agent.name()).start(() -> {
                    try {
                        client.followWorkspaceAgentLogs(agent.id(), afterAgentLog.getOrDefault(agent.id(), 0L), batch -> {
                            batch.forEach(line -> print(out, format(agent, line)));
                            return true;
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            for (Thread follower : followers) {
                follower.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while following the logs.");
        }
    }

    private static void print(PrintWriter out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    /** A log line to print and when it was written. */
    private record Line(Instant time, String text) {}

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

    /** {@code 2026-11-25T09:30:00Z [info] [agent.main|Startup Script] output}, as Coder prints agent logs. */
    static String format(WorkspaceAgent agent, WorkspaceAgentLog line) {
        String source = agent.logSources().stream().filter(candidate -> candidate.id().equals(line.sourceId()))
                .map(WorkspaceAgentLogSource::displayName).findFirst().orElse("");
        return line.createdAt().truncatedTo(ChronoUnit.SECONDS) + " [" + line.level().value() + "] [agent." + agent.name()
                + "|" + source + "] " + line.output();
    }

    /** {@code 2026-11-25T09:30:00Z [info] [provisioner|Planning] output}, as Coder prints build logs. */
    static String format(ProvisionerJobLog line) {
        return line.createdAt().truncatedTo(ChronoUnit.SECONDS) + " [" + line.logLevel().value() + "] [provisioner|"
                + line.stage() + "] " + line.output();
    }
}
