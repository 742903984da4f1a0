package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.UpdateWorkspaceAutomaticUpdatesRequest;
import dev.jcoder.codersdk.Workspace;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder autoupdate}: whether starts move the workspace to the template's active version. */
@Command(name = "autoupdate", description = "Toggle auto-update policy for a workspace",
        customSynopsis = "coder autoupdate <workspace> <always|never>")
public final class AutoupdateCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Parameters(index = "1", paramLabel = "<always|never>", description = "The policy: always or never.")
    String policy;

    @Override
    public void run() {
        AutomaticUpdates updates = switch (policy.strip().toLowerCase(Locale.ROOT)) {
            case "always" -> AutomaticUpdates.ALWAYS;
            case "never" -> AutomaticUpdates.NEVER;
            default -> throw new CliException("Invalid option \"" + policy + "\": must be one of [always never].");
        };
        CoderClient client = global.client();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        client.updateWorkspaceAutomaticUpdates(workspace.id(), new UpdateWorkspaceAutomaticUpdatesRequest(updates));
        spec.commandLine().getOut().println("Updated workspace \"" + workspace.name() + "\" auto-update policy to \""
                + updates.value() + "\"");
        spec.commandLine().getOut().flush();
    }
}
