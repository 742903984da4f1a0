package dev.jcoder.cli.users;

import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.output.HasOutput;
import dev.jcoder.cli.output.Output;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.codersdk.User;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder users show <username|user_id|me>}. */
@Command(name = "show", description = {"Show a single user. Use 'me' to indicate the currently authenticated user.", "",
    "  coder users show me"})
public final class UsersShowCommand implements Runnable, HasOutput {
    static final Output<User> OUTPUT = Output.table(UserColumns.ALL,
            "id", "username", "name", "email", "status", "created at", "roles", "organizations");

    @Mixin
    GlobalOptions global;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<username|user_id|'me'>", description = "The user to show.")
    String user;

    @Override
    public void run() {
        output.print(spec.commandLine().getOut(), OUTPUT, global.client().user(user));
    }

    @Override
    public Output<?> output() {
        return OUTPUT;
    }
}
