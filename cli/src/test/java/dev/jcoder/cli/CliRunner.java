package dev.jcoder.cli;

import dev.jcoder.cli.config.ConfigDirectory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@code coder} command lines in-process against one config directory, with stdin answers and captured output. */
public final class CliRunner {
    /** What one command line did. */
    public record Result(int exitCode, String out, String err) {
        /** Stdout without a trailing newline. */
        public String trimmedOut() {
            return out.strip();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Path configDirectory;

    public CliRunner(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    public ConfigDirectory config() {
        return new ConfigDirectory(configDirectory);
    }

    /** Saves a URL and session as {@code coder login} would. */
    public CliRunner loggedIn(URI url, String session) {
        config().saveUrl(url);
        config().saveSessionToken(session);
        return this;
    }

    public Result run(String... args) {
        return runWithInput("", args);
    }

    /** Runs with {@code stdin} as standard input; {@code --global-config} is appended to the arguments. */
    public Result runWithInput(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--global-config");
        all.add(configDirectory.toString());
        int exitCode = Main.run(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), all.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }
}
