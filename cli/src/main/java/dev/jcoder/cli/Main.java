package dev.jcoder.cli;

import picocli.CommandLine;

/** Entry point of the {@code coder} jar. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line and returns its exit code (tests call this directly). */
    public static int run(String... args) {
        return RootCommand.commandLine().execute(args);
    }
}
