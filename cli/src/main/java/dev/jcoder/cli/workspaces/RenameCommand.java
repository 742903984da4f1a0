package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.UpdateWorkspaceRequest;
import dev.jcoder.codersdk.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder rename}: renames a workspace after the user types its current name (renames can lose data). */
@Command(name = "rename", sortOptions = false, description = "Rename a workspace")
public final class RenameCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Parameters(index = "1", paramLabel = "<new name>", description = "The new name.")
    String newName;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        out.println(Style.bold("WARNING:") + " A rename can result in data loss if a resource references the workspace name "
                + "in the template (e.g volumes). Please backup any data before proceeding.");
        out.println("See: https://coder.com/docs/templates/resource-persistence#%EF%B8%8F-persistence-pitfalls");
        out.flush();
        if (!yes) {
            String answer = RootCommand.terminal(spec).prompt(out, "Type \"" + workspace.name() + "\" to confirm rename:");
            if (!answer.equals(workspace.name())) {
                throw new CliException("Input \"" + answer + "\" does not match the workspace name \"" + workspace.name() + "\".");
            }
        }
        client.updateWorkspace(workspace.id(), new UpdateWorkspaceRequest(newName));
        out.println("Workspace \"" + workspace.name() + "\" renamed to \"" + newName + "\"");
        out.flush();
    }
}
