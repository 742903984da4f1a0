package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder favorite} and {@code coder unfavorite}: favorites are listed first in the dashboard and starred in {@code coder list}. */
public final class FavoriteCommands {
    private FavoriteCommands() {}

    @Command(name = "favorite", aliases = {"fav", "favourite"}, description = "Add a workspace to your favorites")
    public static final class Favorite implements Runnable {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Override
        public void run() {
            CoderClient client = global.client();
            Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
            client.favoriteWorkspace(workspace.id());
            spec.commandLine().getOut().println("Workspace \"" + workspace.name() + "\" added to favorites.");
            spec.commandLine().getOut().flush();
        }
    }

    @Command(name = "unfavorite", aliases = {"unfav", "unfavourite"}, description = "Remove a workspace from your favorites")
    public static final class Unfavorite implements Runnable {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
        String workspaceName;

        @Override
        public void run() {
            CoderClient client = global.client();
            Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
            client.unfavoriteWorkspace(workspace.id());
            spec.commandLine().getOut().println("Workspace \"" + workspace.name() + "\" removed from favorites.");
            spec.commandLine().getOut().flush();
        }
    }
}
