package dev.jcoder.agent.pty;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How reconnecting PTYs start: the shell (run as a login shell, or with {@code -c} for a
 * command), its environment and working directory, how much output is kept for reattaching, and
 * how long a session lives with nobody attached (Coder's agent: 5 minutes).
 */
public record PtyOptions(String shell, Map<String, String> environment, Path directory, int bufferBytes,
        Duration idleTimeout) {
    public static final int DEFAULT_BUFFER_BYTES = 64 * 1024;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(5);

    public PtyOptions {
        environment = Map.copyOf(environment);
        if (bufferBytes <= 0) {
            throw new IllegalArgumentException("bufferBytes must be positive");
        }
    }

    /** The workspace user's shell ({@code $SHELL}, else {@code /bin/sh}) with the defaults. */
    public static PtyOptions of(Map<String, String> environment, Path directory) {
        String shell = environment.getOrDefault("SHELL", System.getenv().getOrDefault("SHELL", "/bin/sh"));
        if (shell.isBlank() || !java.nio.file.Files.isExecutable(Path.of(shell))) {
            shell = "/bin/sh";
        }
        Path start = java.nio.file.Files.isDirectory(directory) ? directory : Path.of(System.getProperty("user.home"));
        return new PtyOptions(shell, environment, start, DEFAULT_BUFFER_BYTES, DEFAULT_IDLE_TIMEOUT);
    }

    public PtyOptions withIdleTimeout(Duration timeout) {
        return new PtyOptions(shell, environment, directory, bufferBytes, timeout);
    }

    List<String> argv(String command) {
        return command.isBlank() ? List.of(shell, "-l") : List.of(shell, "-c", command);
    }
}
