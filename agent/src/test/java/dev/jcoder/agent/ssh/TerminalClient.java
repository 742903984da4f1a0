package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import org.awaitility.Awaitility;

/**
 * An OpenSSH client running on a terminal the test controls (a pty4j PTY), so the test can type
 * into it, read the screen output and resize its window like a user would.
 */
final class TerminalClient implements AutoCloseable {
    private final PtyProcess process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    TerminalClient(List<String> command, int columns, int rows, Map<String, String> environment) throws IOException {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        env.putAll(environment);
        process = new PtyProcessBuilder(command.toArray(String[]::new))
                .setEnvironment(env)
                .setInitialColumns(columns)
                .setInitialRows(rows)
                .start();
        // PTY reads block in native code: platform thread.
        reader = Thread.ofPlatform().daemon().name("test-terminal-reader").start(this::read);
    }

    private void read() {
        byte[] buffer = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                output.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // The terminal closed.
        }
    }

    void type(String text) throws IOException {
        process.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    void resize(int columns, int rows) {
        process.setWinSize(new WinSize(columns, rows));
    }

    /** Waits until the screen output contains {@code text}. */
    void awaitOutput(String text) {
        try {
            Awaitility.await("terminal output containing " + text)
                    .atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> output.toString().contains(text));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("The terminal never showed \"" + text + "\"; it showed:\n" + output, e);
        }
    }

    String output() {
        return output.toString();
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The ssh client did not exit; output so far:\n" + output);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            reader.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
