package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.EventStream;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Streams a build's logs as they happen (a heading per stage, then its lines) and waits for the
 * build to finish; a build that did not succeed is an error carrying the job's message, so the
 * command exits non-zero. Interrupting the CLI meanwhile cancels the build.
 */
final class BuildFollower {
    /** How long to wait for the build to show as finished after its log stream has closed. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private BuildFollower() {}

    static WorkspaceBuild follow(CoderClient client, WorkspaceBuild build, PrintWriter out) {
        // Ctrl-C while following cancels the build, as Coder's CLI does, instead of leaving it running unseen.
        Thread cancelOnInterrupt = new Thread(() -> {
            out.println("Gracefully canceling the build...");
            out.flush();
            try {
                client.cancelWorkspaceBuild(build.id());
            } catch (RuntimeException e) {
                // The build ended meanwhile, or the template does not let its users cancel: nothing more to do.
            }
        }, "cancel-build-" + build.buildNumber());
        Runtime.getRuntime().addShutdownHook(cancelOnInterrupt);
        try {
            return followUntilDone(client, build, out);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cancelOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or has run.
            }
        }
    }

    private static WorkspaceBuild followUntilDone(CoderClient client, WorkspaceBuild build, PrintWriter out) {
        AtomicReference<String> stage = new AtomicReference<>("");
        try {
            client.followWorkspaceBuildLogs(build.id(), 0, (ProvisionerJobLog line) -> {
                if (!line.stage().isEmpty() && !line.stage().equals(stage.get())) {
                    stage.set(line.stage());
                    out.println(Style.bold("==> ") + line.stage());
                }
                if (!line.output().isEmpty()) {
                    out.println(line.output());
                }
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the build.");
        }
        WorkspaceBuild done = client.workspaceBuild(build.id());
        if (done.job().completed()) {
            return done;
        }
        // The stream closes when the job ends; the job row can lag behind the last log line briefly.
        // The workspace's event stream says when it has caught up.
        long deadline = System.nanoTime() + SETTLE.toNanos();
        try (EventStream<Workspace> events = client.watchWorkspace(build.workspaceId())) {
            while (System.nanoTime() < deadline) {
                Optional<Workspace> event = events.next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
                if (event.isEmpty()) {
                    break;
                }
                WorkspaceBuild latest = event.get().latestBuild();
                if (latest.id().equals(build.id()) && latest.job().completed()) {
                    return latest;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the build.");
        }
        return client.workspaceBuild(build.id());
    }

    /** Follows the build and fails unless it succeeded. */
    static WorkspaceBuild followToSuccess(CoderClient client, WorkspaceBuild build, PrintWriter out) {
        WorkspaceBuild done = follow(client, build, out);
        if (done.job().status() != ProvisionerJobStatus.SUCCEEDED) {
            String error = done.job().error().isEmpty() ? "the job " + done.job().status().value() : done.job().error();
            throw new CliException("The workspace " + done.transition().value() + " build #" + done.buildNumber()
                    + " of \"" + done.workspaceName() + "\" failed: " + error);
        }
        return done;
    }
}
