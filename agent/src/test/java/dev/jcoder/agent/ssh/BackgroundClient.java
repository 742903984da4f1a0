package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;

/** A client program left running while the test works with it; its output is collected as it comes. */
final class BackgroundClient implements AutoCloseable {
    private final Process process;
    private final StringBuffer stdout = new StringBuffer();
    private final StringBuffer stderr = new StringBuffer();

    BackgroundClient(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder.start();
        collect(process.getInputStream(), stdout);
        collect(process.getErrorStream(), stderr);
    }

    private static void collect(InputStream in, StringBuffer into) {
        Thread.ofPlatform().daemon().start(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // The process ended.
            }
        });
    }

    void awaitStdout(String text) {
        await(() -> stdout.toString().contains(text), "stdout containing " + text);
    }

    void awaitStderr(String text) {
        await(() -> stderr.toString().contains(text), "stderr containing " + text);
    }

    private void await(java.util.concurrent.Callable<Boolean> condition, String what) {
        Awaitility.await(what + " (stderr so far: " + stderr + ")")
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(condition);
    }

    String stdout() {
        return stdout.toString();
    }

    String stderr() {
        return stderr.toString();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    Process process() {
        return process;
    }

    int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("The client did not exit; stderr: " + stderr);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
