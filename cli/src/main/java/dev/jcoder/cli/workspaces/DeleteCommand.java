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

/** {@code coder delete}: a delete build (destroys the infrastructure unless {@code --orphan}), after a confirmation. */
@Command(name = "delete", aliases = "rm", sortOptions = false, description = {"Delete a workspace", "",
    "  - Delete a workspace for another user (if you have permission):", "",
    "      $ coder delete <username>/<workspace_name>"})
public final class DeleteCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Option(names = "--orphan", description = "Delete a workspace without deleting its resources. This can delete a workspace in a "
            + "broken state, but may also lead to unaccounted cloud resources.")
    boolean orphan;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        Builds.confirm(spec, yes, "Confirm delete workspace?");
        WorkspaceBuild build = client.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.DELETE).withOrphan(orphan).withReason(BuildReason.CLI));
        BuildFollower.followToSuccess(client, build, out);
        Builds.done(out, workspace.name(), "deleted", Instant.now());
    }
}
