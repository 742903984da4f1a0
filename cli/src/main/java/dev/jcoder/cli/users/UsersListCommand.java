package dev.jcoder.cli.users;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.User;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code coder users list}: every user the caller may see, as a table or JSON. */
@Command(name = "list", aliases = "ls", description = "Prints the list of users.")
public final class UsersListCommand implements Runnable, HasOutput {
    static final Output<User> OUTPUT = Output.table(UserColumns.ALL, "username", "email", "created at", "status")
            .sortedBy("username");

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Option(names = {"-q", "--search"}, paramLabel = "<query>", defaultValue = "",
            description = "Filter users with Coder's search syntax, e.g. \"status:active role:owner alice\".")
    String search;

    @Override
    public void run() {
        List<User> users = global.client().users(search, 0, 0).users();
        output.print(spec.commandLine().getOut(), OUTPUT, users);
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
