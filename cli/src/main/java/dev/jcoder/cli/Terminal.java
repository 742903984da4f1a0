package dev.jcoder.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where commands read answers from: the console when the CLI runs in a terminal (secrets are read
 * without echo), otherwise one line of standard input per prompt, so scripts and tests can pipe answers.
 */
public final class Terminal {
    private final InputStream input;
    private final boolean useConsole;
    private Optional<Console> console;
    private BufferedReader lines;

    private Terminal(InputStream input, boolean useConsole) {
        this.input = input;
        this.useConsole = useConsole;
    }

    /** The process's terminal: the console if standard input and output are a terminal. */
    public static Terminal system() {
        return new Terminal(System.in, true);
    }

    /** Answers come from {@code input}, one line each; never interactive. */
    public static Terminal of(InputStream input) {
        return new Terminal(input, false);
    }

    /** The raw standard input (for commands that relay bytes, such as {@code coder ssh}). */
    public InputStream input() {
        return input;
    }

    /** True for the process's own terminal (standard input is the process's), false for tests' streams. */
    public boolean isSystem() {
        return useConsole;
    }

    /** True when a person can answer prompts (a console is attached). */
    public boolean interactive() {
        return console().isPresent();
    }

    /** Looked up on first use: most commands never prompt. */
    private Optional<Console> console() {
        if (console == null) {
            console = useConsole ? Optional.ofNullable(System.console()).filter(Console::isTerminal) : Optional.empty();
        }
        return console;
    }

    /** Prints {@code > text } and returns the answer, stripped; {@code fallback} when the answer is empty. */
    public String prompt(PrintWriter out, String text, String fallback) {
        String answer = ask(out, text + (fallback.isEmpty() ? "" : " (" + fallback + ")"), false).strip();
        return answer.isEmpty() ? fallback : answer;
    }

    public String prompt(PrintWriter out, String text) {
        return prompt(out, text, "");
    }

    /** Like {@link #prompt(PrintWriter, String)} without echo on a console; the answer is not stripped. */
    public String promptSecret(PrintWriter out, String text) {
        return ask(out, text, true);
    }

    /** Asks a yes/no question; {@code --yes} flags skip the call. */
    public boolean confirm(PrintWriter out, String text) {
        String answer = ask(out, text + " (yes/no)", false).strip().toLowerCase(java.util.Locale.ROOT);
        return answer.equals("yes") || answer.equals("y");
    }

    private String ask(PrintWriter out, String text, boolean secret) {
        out.print(Style.bold("> ") + text + " ");
        out.flush();
        if (console().isPresent()) {
            String answer;
            if (secret) {
                char[] password = console().get().readPassword();
                answer = password == null ? null : new String(password);
            } else {
                answer = console().get().readLine();
            }
            if (answer == null) {
                throw new CliException("No answer to \"" + text + "\": input closed.");
            }
            return answer;
        }
        try {
            if (lines == null) {
                lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            }
            String answer = lines.readLine();
            out.println();
            if (answer == null) {
                throw new CliException("No answer to \"" + text + "\": standard input is closed. "
                        + "Run the command in a terminal or pass the answer as a flag.");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read standard input: " + e.getMessage(), e);
        }
    }
}
