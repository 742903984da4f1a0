package dev.jcoder.cli;

import dev.jcoder.cli.server.ServerCommand;
import dev.jcoder.codersdk.CoderApiException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code coder}: the root command. Subcommands are listed here; each command that talks to a
 * deployment mixes in {@link GlobalOptions} ({@code --url}, {@code --token}, {@code --global-config}).
 */
@Command(
        name = "coder",
        mixinStandardHelpOptions = false,
        usageHelpAutoWidth = true,
        header = "jcoder: self-hosted cloud development environments, compatible with Coder.",
        description = {"", "Get started:", "  coder server                 run the control plane on http://127.0.0.1:3000",
            "  coder login <url>            sign in (creates the first user on a new deployment)",
            "  coder whoami                 show who you are signed in as", ""},
        subcommands = {
            ServerCommand.class,
            AotTrainingCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class RootCommand implements Runnable {
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line: error messages without stack traces, Coder-like exit codes. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new RootCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(RootCommand::handleError);
        return commandLine;
    }

    private static int handleError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        switch (e) {
            case CoderApiException api -> err.println(Style.error(api.getMessage()));
            case CliException cli -> err.println(Style.error(cli.getMessage()));
            case UncheckedIOException io -> err.println(Style.error(io.getMessage()));
            case IllegalArgumentException argument -> err.println(Style.error(argument.getMessage()));
            default -> {
                err.println(Style.error(e.toString()));
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }
}
