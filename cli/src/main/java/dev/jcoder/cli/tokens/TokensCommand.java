package dev.jcoder.cli.tokens;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coder tokens}: personal API tokens. */
@Command(name = "tokens", aliases = "token", description = {"Manage personal access tokens", "",
    "Tokens are used to authenticate automated clients to Coder.", "",
    "  - Create a token for automation:", "      $ coder tokens create", "",
    "  - List your tokens:", "      $ coder tokens ls", "",
    "  - Remove a token by name or ID:", "      $ coder tokens rm WuoWs4ZsMX"},
        subcommands = {
            TokensCreateCommand.class,
            TokensListCommand.class,
            TokensRemoveCommand.class,
        })
public final class TokensCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
