package dev.jcoder.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/** Entry point of the {@code coder} jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line on the process's terminal and returns its exit code. */
    public static int run(String... args) {
        return RootCommand.commandLine(Terminal.system(), args).execute(args);
    }

    /** Runs one command line with the given streams (tests use this); prompts read lines from {@code in}. */
    public static int run(PrintWriter out, PrintWriter err, InputStream in, String... args) {
        CommandLine commandLine = RootCommand.commandLine(Terminal.of(in), args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }
}
