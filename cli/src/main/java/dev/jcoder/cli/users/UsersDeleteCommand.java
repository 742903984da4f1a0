package dev.jcoder.cli.users;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder users delete <user>}. */
@Command(name = "delete", aliases = "rm", description = "Delete a user by username or user_id.")
public final class UsersDeleteCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<username|user_id>", description = "The user to delete.")
    String user;

    @Override
    public void run() {
        CoderClient client = global.client();
        User target = client.user(user);
        client.deleteUser(target.id().toString());
        spec.commandLine().getOut().println("Successfully deleted " + Style.bold(target.username()) + ".");
    }
}
