package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.Signal;

/**
 * A shell or command on a pseudo-terminal (pty4j), for sessions whose client sent {@code pty-req}.
 * stdout and stderr share the terminal, as with OpenSSH. Window changes resize the PTY, which
 * delivers SIGWINCH to the foreground job.
 */
final class PtyCommand extends ProcessCommand {
    /**
     * How long output that is still in the PTY may drain after the process exited. A background job
     * that keeps the terminal open must not keep the session open (OpenSSH closes it too).
     */
    private static final long DRAIN_MILLIS = 500;

    private PtyProcess process;

    PtyCommand(SessionSettings settings, Optional<String> commandLine) {
        super(settings, commandLine);
    }

    @Override
    protected void launch(Environment env, Map<String, String> processEnvironment) throws IOException {
        if (processEnvironment.getOrDefault("TERM", "").isBlank()) {
            processEnvironment.put("TERM", "xterm-256color"); // a client that named no terminal type
        }
        process = new PtyProcessBuilder(argv())
                .setEnvironment(processEnvironment)
                .setDirectory(settings.workingDirectory().toString())
                .setInitialColumns(dimension(env, Environment.ENV_COLUMNS, 80))
                .setInitialRows(dimension(env, Environment.ENV_LINES, 24))
                .setConsole(false)
                .start();
        if (commandLine.isEmpty()) {
            showMessageOfTheDay();
        }
        long pid = process.pid();
        platformThread("ssh-pty-in-" + pid, () -> pump(in, process.getOutputStream()));
        Thread output = platformThread("ssh-pty-out-" + pid, () -> pump(process.getInputStream(), out));
        Thread.ofVirtual().name("ssh-pty-wait-" + pid).start(() -> {
            try {
                int exitCode = process.waitFor();
                output.join(DRAIN_MILLIS);
                if (output.isAlive()) {
                    process.getInputStream().close(); // breaks the blocked read
                    output.join();
                }
                finish(exitCode);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                finish(255);
            }
        });
    }

    private void showMessageOfTheDay() throws IOException {
        Optional<String> motd = settings.messageOfTheDay();
        if (motd.isPresent()) {
            // The terminal is in raw mode on the client side, so lines need a carriage return.
            String text = motd.get().replace("\r\n", "\n").replace("\n", "\r\n");
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    @Override
    protected void onSignal(Signal signal, Environment env) {
        if (signal == Signal.WINCH) {
            process.setWinSize(new WinSize(
                    dimension(env, Environment.ENV_COLUMNS, 80), dimension(env, Environment.ENV_LINES, 24)));
            return;
        }
        super.onSignal(signal, env);
    }

    @Override
    protected long pid() {
        return process.pid();
    }

    @Override
    protected void terminate() {
        // pty4j's Process does not implement toHandle().
        ProcessHandle.of(process.pid()).ifPresent(PipeCommand::terminate);
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // The terminal is going away with the process.
        }
    }

    private static int dimension(Environment env, String name, int fallback) {
        try {
            int value = Integer.parseInt(env.getEnv().getOrDefault(name, ""));
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
