package dev.jcoder.cli.users;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.User;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder users suspend|activate <user>}: changes a user's status, after a confirmation. */
public abstract sealed class UsersStatusCommand implements Runnable
        permits UsersStatusCommand.Suspend, UsersStatusCommand.Activate {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    /** Accepted for compatibility with Coder's flags; nothing is printed as a table. */
    @Option(names = {"-c", "--column"}, split = ",", paramLabel = "<column>", hidden = true)
    List<String> columns;

    @Parameters(index = "0", paramLabel = "<username|user_id>", description = "The user.")
    String user;

    /** {@code suspend} or {@code activate}. */
    abstract String verb();

    /** {@code suspended} or {@code activated}. */
    abstract String pastTense();

    abstract User apply(CoderClient client, String user);

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        CoderClient client = global.client();
        User target = client.user(user);
        if (!yes && !RootCommand.terminal(spec).confirm(out, "Are you sure you want to " + verb() + " this user?")) {
            throw new CliException("Canceled: user " + target.username() + " was not " + pastTense() + ".");
        }
        apply(client, target.id().toString());
        out.println("User " + Style.bold(target.username()) + " has been " + pastTense() + "!");
    }

    @Command(name = "suspend", description = {"Update a user's status to 'suspended'. A suspended user cannot log into the platform.",
        "", "  coder users suspend example_user"})
    public static final class Suspend extends UsersStatusCommand {
        @Override
        String verb() {
            return "suspend";
        }

        @Override
        String pastTense() {
            return "suspended";
        }

        @Override
        User apply(CoderClient client, String user) {
            return client.suspendUser(user);
        }
    }

    @Command(name = "activate", description = {"Update a user's status to 'active'. Active users can fully interact with the platform.",
        "", "  coder users activate example_user"})
    public static final class Activate extends UsersStatusCommand {
        @Override
        String verb() {
            return "activate";
        }

        @Override
        String pastTense() {
            return "activated";
        }

        @Override
        User apply(CoderClient client, String user) {
            return client.activateUser(user);
        }
    }
}
