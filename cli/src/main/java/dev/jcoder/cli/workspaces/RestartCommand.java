package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.workspaces.parameters.BuildAction;
import dev.jcoder.cli.workspaces.parameters.BuildOptions;
import dev.jcoder.cli.workspaces.parameters.ParameterOptions;
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

/** {@code coder restart}: a stop build then a start build, each followed to its end. */
@Command(name = "restart", sortOptions = false, description = "Restart a workspace")
public final class RestartCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Option(names = "--always-prompt", description = "Always prompt all parameters. Does not pull parameter values from existing workspace.")
    boolean alwaysPrompt;

    @Mixin
    ParameterOptions parameterOptions;

    @Mixin
    BuildOptions buildOptions;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        // Settle the parameters (asking if needed) before anything is stopped, as Coder does.
        CreateWorkspaceBuildRequest startRequest = StartBuilds.prepare(spec, client, workspace,
                StartBuilds.versionToStart(workspace), BuildAction.RESTART, parameterOptions.sources(buildOptions, alwaysPrompt));
        Builds.confirm(spec, yes, "Restart workspace?");
        WorkspaceBuild stop = client.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withReason(BuildReason.CLI));
        BuildFollower.followToSuccess(client, stop, out);
        WorkspaceBuild start = client.createWorkspaceBuild(workspace.id(), startRequest);
        BuildFollower.followToSuccess(client, start, out);
        Builds.done(out, workspace.name(), "restarted", Instant.now());
    }
}
