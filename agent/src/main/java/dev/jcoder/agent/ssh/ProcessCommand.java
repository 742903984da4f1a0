package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.Signal;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * A shell or command run as an OS process for one session channel, with blocking pumps between
 * the channel's streams and the process (MINA's stock {@code ProcessShellFactory} polls with small
 * buffers and measured much slower). Subclasses choose pipes or a PTY.
 *
 * <p>Exit reporting: once the process has exited and its output is drained, the output streams are
 * flushed and the exit status is sent. If the process died of a signal that the client sent, an
 * {@code exit-signal} request goes first (RFC 4254 section 6.10), then an {@code exit-status} of
 * 128 + the signal number, which is what OpenSSH clients turn into their own exit code.
 */
abstract class ProcessCommand implements Command {
    /** Size of each read from a process or channel; larger than an SSH packet so writes fill packets. */
    static final int BUFFER_SIZE = 64 * 1024;

    protected final SessionSettings settings;
    protected final Optional<String> commandLine;
    protected InputStream in;
    protected OutputStream out;
    protected OutputStream err;
    private ExitCallback exitCallback;
    private ChannelSession channel;
    private volatile Signal lastSignal;
    private final AtomicBoolean finished = new AtomicBoolean();

    /**
     * @param settings    what all sessions share
     * @param commandLine the command to run through the shell, or empty for an interactive shell
     */
    ProcessCommand(SessionSettings settings, Optional<String> commandLine) {
        this.settings = settings;
        this.commandLine = commandLine;
    }

    @Override
    public void setInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
        this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback callback) {
        this.exitCallback = callback;
    }

    @Override
    public final void start(ChannelSession channel, Environment env) throws IOException {
        this.channel = channel;
        Map<String, String> processEnvironment = SessionEnvironment.build(
                settings.account(), settings.baseEnvironment(), env, channel.getServerSession());
        launch(env, processEnvironment);
        env.addSignalListener((ignored, signal) -> onSignal(signal, env));
    }

    /** Starts the process and its pumps; must not block. */
    protected abstract void launch(Environment env, Map<String, String> processEnvironment) throws IOException;

    /** The running process's id, for signals. */
    protected abstract long pid();

    /** Stops the process after the channel closed without it exiting first. */
    protected abstract void terminate();

    /** The shell's argument vector: a login shell, or {@code shell -c command}. */
    protected final String[] argv() {
        String shell = settings.account().shell();
        List<String> argv = new ArrayList<>(settings.launcherPrefix());
        argv.add(shell);
        commandLine.ifPresentOrElse(command -> argv.addAll(List.of("-c", command)), () -> argv.add("-l"));
        return argv.toArray(String[]::new);
    }

    protected void onSignal(Signal signal, Environment env) {
        if (signal == Signal.WINCH) {
            return; // MINA reports window changes as WINCH; only PTY sessions care, see PtyCommand.
        }
        lastSignal = signal;
        Signals.send(pid(), signal);
    }

    /** Reports the exit to the client and lets MINA close the channel; runs at most once. */
    protected final void finish(int exitCode) {
        if (!finished.compareAndSet(false, true)) {
            return;
        }
        try {
            out.flush();
            err.flush();
        } catch (IOException e) {
            // The channel is already closing; there is nobody left to report to.
        }
        Signal signal = lastSignal;
        if (signal != null && exitCode == 128 + signal.getNumeric()) {
            sendExitSignal(signal);
        }
        exitCallback.onExit(exitCode);
    }

    private void sendExitSignal(Signal signal) {
        try {
            Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 64);
            buffer.putUInt(channel.getRecipient());
            buffer.putString("exit-signal");
            buffer.putBoolean(false);
            buffer.putString(signal.name());
            buffer.putBoolean(false); // core dumped: not knowable from a Java Process
            buffer.putString("");
            buffer.putString("");
            channel.writePacket(buffer);
        } catch (IOException e) {
            // The exit-status that follows still reports 128 + signal.
        }
    }

    @Override
    public final void destroy(ChannelSession channel) {
        if (!finished.get()) {
            terminate();
        }
    }

    /** Starts a named platform daemon thread: pumps block in native reads, which must not pin carriers. */
    static Thread platformThread(String name, Runnable task) {
        return Thread.ofPlatform().name(name).daemon().start(task);
    }

    /**
     * Copies until end of stream or an I/O error (either side closing ends the copy); returns whether
     * the source ended normally.
     */
    static boolean pump(InputStream from, OutputStream to) {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            int n;
            while ((n = from.read(buffer)) >= 0) {
                if (n > 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
