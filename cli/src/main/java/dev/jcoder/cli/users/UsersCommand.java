package dev.jcoder.cli.users;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder users}: manage the deployment's users. */
@Command(name = "users", aliases = "user", description = "Manage users",
        subcommands = {
            UsersListCommand.class,
            UsersCreateCommand.class,
            UsersShowCommand.class,
            UsersStatusCommand.Suspend.class,
            UsersStatusCommand.Activate.class,
            UsersDeleteCommand.class,
            UsersEditRolesCommand.class,
        })
public final class UsersCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
