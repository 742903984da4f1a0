package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Restores default signal dispositions for session processes. An agent started in the background
 * ({@code nohup ... &}, as templates do) ignores SIGHUP, SIGINT and SIGQUIT, and ignored signals
 * are inherited across {@code exec}: Ctrl-C would not interrupt anything in a shell, and a hangup
 * would not end a session's processes. The JDK cannot reset dispositions for a child, so each
 * session command is started through {@code env --default-signal} (GNU coreutils 8.31 or later)
 * when the workspace has it; otherwise commands start directly.
 */
final class SignalDefaults {
    private static final String ENV = "/usr/bin/env";

    private SignalDefaults() {
    }

    /** The argument prefix to start session commands with; empty when unsupported. */
    static List<String> launcherPrefix() {
        List<String> prefix = List.of(ENV, "--default-signal");
        if (!Files.isExecutable(Path.of(ENV))) {
            return List.of();
        }
        try {
            Process probe = new ProcessBuilder(ENV, "--default-signal", "true")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (probe.waitFor(5, TimeUnit.SECONDS) && probe.exitValue() == 0) {
                return prefix;
            }
            probe.destroyForcibly();
            return List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
