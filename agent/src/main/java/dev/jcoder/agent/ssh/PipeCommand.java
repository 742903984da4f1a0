package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;

/**
 * A command (or a shell without a PTY, as in {@code ssh -T host}) whose stdin, stdout and stderr
 * are separate pipes, mapped to the channel's data, data and extended data streams.
 */
final class PipeCommand extends ProcessCommand {
    /** How long a process may take to exit after a hangup before it is killed. */
    static final long TERMINATE_GRACE_SECONDS = 2;

    private Process process;

    PipeCommand(SessionSettings settings, Optional<String> commandLine) {
        super(settings, commandLine);
    }

    @Override
    protected void launch(Environment env, Map<String, String> processEnvironment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv()).directory(settings.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(processEnvironment);
        process = builder.start();
        long pid = process.pid();
        platformThread("ssh-stdin-" + pid, () -> {
            pump(in, process.getOutputStream());
            closeQuietly(process.getOutputStream());
        });
        Thread stderr = platformThread("ssh-stderr-" + pid, () -> pump(process.getErrorStream(), err));
        platformThread("ssh-stdout-" + pid, () -> {
            pump(process.getInputStream(), out);
            try {
                stderr.join();
                finish(process.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    @Override
    protected long pid() {
        return process.pid();
    }

    @Override
    protected void terminate() {
        terminate(process.toHandle());
        closeQuietly(process.getOutputStream());
    }

    /**
     * Hangs up a process tree the way a closed SSH connection does, then kills what is left after a
     * grace period, so no pump thread stays blocked on a pipe that an orphaned child holds open.
     */
    static void terminate(ProcessHandle root) {
        var tree = java.util.stream.Stream.concat(java.util.stream.Stream.of(root), root.descendants()).toList();
        tree.forEach(handle -> Signals.send(handle.pid(), Signal.HUP));
        root.onExit()
                .orTimeout(TERMINATE_GRACE_SECONDS, TimeUnit.SECONDS)
                .whenComplete((ignored, timeout) -> tree.forEach(ProcessHandle::destroyForcibly));
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            // Closing a pipe whose process is gone cannot fail in a way that matters here.
        }
    }
}
