package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.workspaces.parameters.BuildAction;
import dev.jcoder.cli.workspaces.parameters.BuildOptions;
import dev.jcoder.cli.workspaces.parameters.ParameterOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder update}: a start build on the template's active version, asking for parameters it added. */
@Command(name = "update", sortOptions = false, description = {"Will update and start a given workspace if it is out of date", "",
    "Use --always-prompt to change the parameter values of the workspace."})
public final class UpdateCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

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
        if (!workspace.outdated() && !alwaysPrompt) {
            out.println("Workspace isn't outdated!");
            out.flush();
            return;
        }
        WorkspaceBuild build = StartBuilds.start(spec, client, workspace, workspace.templateActiveVersionId(),
                BuildAction.UPDATE, parameterOptions.sources(buildOptions, alwaysPrompt));
        BuildFollower.followToSuccess(client, build, out);
        Builds.done(out, workspace.name(), "updated", Instant.now());
    }
}
