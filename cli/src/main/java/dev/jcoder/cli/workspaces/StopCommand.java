package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder stop}: a stop build, after a confirmation. */
@Command(name = "stop", sortOptions = false, description = "Stop a workspace")
public final class StopCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        Builds.confirm(spec, yes, "Confirm stop workspace?");
        WorkspaceBuild build = client.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withReason(BuildReason.CLI));
        BuildFollower.followToSuccess(client, build, out);
        Builds.done(out, workspace.name(), "stopped", Instant.now());
    }
}
