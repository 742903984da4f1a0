package dev.jcoder.agent.scripts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one shell command ({@code /bin/sh -c command}) with a given environment and working
 * directory, hands each output line (stdout and stderr merged) to a consumer, and kills the whole
 * process tree when it runs past its timeout or the caller is interrupted.
 */
public final class ScriptProcess {
    /** How a run ended. {@code exitCode} is -1 when the process was killed. */
    public record Outcome(int exitCode, boolean timedOut) {
        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }
    }

    private ScriptProcess() {}

    /**
     * Runs {@code command}; {@code timeout} zero or negative means no limit. Lines are read on a
     * platform thread (pipe reads are native I/O). Returns once the process ended and its output was
     * read, or right after the kill on timeout.
     */
    public static Outcome run(String command, Map<String, String> environment, Path directory, Duration timeout,
            Consumer<String> onLine) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("/bin/sh", "-c", command))
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        Thread reader = Thread.ofPlatform().daemon().name("script-output-" + process.pid()).start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    onLine.accept(line);
                }
            } catch (IOException e) {
                // The process was killed and its pipe closed.
            }
        });
        try {
            boolean ended = timeout.isZero() || timeout.isNegative()
                    ? waitForever(process)
                    : process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!ended) {
                kill(process);
                reader.join(Duration.ofSeconds(1));
                return new Outcome(-1, true);
            }
            // A background child may keep the pipe open after the script exited: read what is there, then stop.
            reader.join(Duration.ofSeconds(2));
            if (reader.isAlive()) {
                process.getInputStream().close();
            }
            return new Outcome(process.exitValue(), false);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
    }

    private static boolean waitForever(Process process) throws InterruptedException {
        process.waitFor();
        return true;
    }

    /** Kills the process and everything it started (children first, so none is re-parented and missed). */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.getInputStream().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
