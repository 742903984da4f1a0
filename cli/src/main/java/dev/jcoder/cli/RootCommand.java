package dev.jcoder.cli;

import dev.jcoder.cli.auth.LoginCommand;
import dev.jcoder.cli.auth.LogoutCommand;
import dev.jcoder.cli.auth.WhoamiCommand;
import dev.jcoder.cli.output.OutputOptions;
import dev.jcoder.cli.server.ServerCommand;
import dev.jcoder.cli.tokens.TokensCommand;
import dev.jcoder.cli.users.UsersCommand;
import dev.jcoder.codersdk.CoderApiException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code coder}: the root command. Subcommands are listed in {@link #SUBCOMMANDS}; each command
 * that talks to a deployment mixes in {@link GlobalOptions} ({@code --url}, {@code --token},
 * {@code --global-config}).
 */
@Command(
        name = "coder",
        mixinStandardHelpOptions = false,
        usageHelpAutoWidth = true,
        header = "jcoder: self-hosted cloud development environments, compatible with Coder.",
        description = {"", "Get started:", "  coder server                 run the control plane on http://127.0.0.1:3000",
            "  coder login <url>            sign in (creates the first user on a new deployment)",
            "  coder whoami                 show who you are signed in as",
            "  coder create dev -t <name>   create a workspace from a template (coder list shows yours)", ""})
public final class RootCommand implements Runnable {
    /**
     * The subcommands, in help order. Building a picocli model costs reflection over every option,
     * so a command line that names one of them gets a tree with only that one (see
     * {@link #commandLine(Terminal, String...)}): {@code coder whoami} does not pay for
     * {@code coder server}'s many options.
     */
    private static final List<Class<?>> SUBCOMMANDS = List.of(
            ServerCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            WhoamiCommand.class,
            VersionCommand.class,
            UsersCommand.class,
            TokensCommand.class,
            dev.jcoder.cli.templates.TemplatesCommand.class,
            dev.jcoder.cli.workspaces.CreateCommand.class,
            dev.jcoder.cli.workspaces.ListCommand.class,
            dev.jcoder.cli.workspaces.ShowCommand.class,
            dev.jcoder.cli.workspaces.StartCommand.class,
            dev.jcoder.cli.workspaces.StopCommand.class,
            dev.jcoder.cli.workspaces.RestartCommand.class,
            dev.jcoder.cli.workspaces.UpdateCommand.class,
            dev.jcoder.cli.workspaces.DeleteCommand.class,
            dev.jcoder.cli.workspaces.RenameCommand.class,
            dev.jcoder.cli.workspaces.LogsCommand.class,
            dev.jcoder.cli.workspaces.ScheduleCommand.class,
            dev.jcoder.cli.workspaces.FavoriteCommands.Favorite.class,
            dev.jcoder.cli.workspaces.FavoriteCommands.Unfavorite.class,
            dev.jcoder.cli.workspaces.AutoupdateCommand.class,
            dev.jcoder.cli.connect.SshCommand.class,
            dev.jcoder.cli.connect.ConfigSshCommand.class,
            dev.jcoder.cli.connect.PortForwardCommand.class,
            dev.jcoder.cli.agent.AgentCommand.class,
            AotTrainingCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show help.")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Terminal terminal;

    RootCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The terminal that the command line {@code spec} belongs to reads answers from. */
    public static Terminal terminal(CommandLine.Model.CommandSpec spec) {
        return ((RootCommand) spec.root().userObject()).terminal;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line with every subcommand: error messages without stack traces, Coder-like exit codes. */
    public static CommandLine commandLine() {
        return commandLine(Terminal.system());
    }

    /**
     * The command line for {@code args}, reading prompts' answers from {@code terminal}. When the
     * first argument names a subcommand (not {@code help}), only that subcommand is in the tree;
     * otherwise (help, no or unknown command) every subcommand is.
     */
    public static CommandLine commandLine(Terminal terminal, String... args) {
        CommandLine commandLine = new CommandLine(new RootCommand(terminal));
        String first = args.length == 0 ? "" : args[0];
        List<Class<?>> chosen = SUBCOMMANDS.stream().filter(type -> !first.equals("help") && names(type).contains(first)).toList();
        for (Class<?> type : chosen.isEmpty() ? SUBCOMMANDS : chosen) {
            commandLine.addSubcommand(type);
        }
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExecutionExceptionHandler(RootCommand::handleError);
        OutputOptions.describeColumns(commandLine);
        return commandLine;
    }

    private static List<String> names(Class<?> type) {
        Command command = type.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(command.aliases()));
        names.add(command.name());
        return names;
    }

    private static int handleError(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        switch (e) {
            case CoderApiException api -> err.println(Style.error(api.getMessage()));
            case CliException cli -> err.println(Style.error(cli.getMessage()));
            case UncheckedIOException io -> err.println(Style.error(describe(io)));
            case IllegalArgumentException argument -> err.println(Style.error(argument.getMessage()));
            default -> {
                err.println(Style.error(e.toString()));
                e.printStackTrace(err);
            }
        }
        err.flush();
        return 1;
    }

    /** The JDK's connection errors often have no message; say what happened instead of "null". */
    private static String describe(UncheckedIOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Throwable cause = e.getCause();
        if (message.endsWith(": null") && cause instanceof HttpConnectTimeoutException) {
            return message.substring(0, message.length() - "null".length()) + "the connection timed out.";
        }
        if (message.endsWith(": null") && cause instanceof ConnectException) {
            return message.substring(0, message.length() - "null".length()) + "connection refused. Is the server running?";
        }
        return message;
    }
}
