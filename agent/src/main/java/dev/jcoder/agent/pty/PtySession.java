package dev.jcoder.agent.pty;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import com.pty4j.WinSize;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reconnecting PTY: a process on a pseudo-terminal whose output goes to a ring buffer and to
 * every attached stream. Attaching replays the buffer first, under the same lock the output loop
 * takes, so a client sees each byte exactly once. With nobody attached for the idle timeout the
 * process is killed; when the process exits every attached stream ends.
 */
final class PtySession {
    private static final Logger log = LoggerFactory.getLogger(PtySession.class);

    private final UUID id;
    private final PtyOptions options;
    private final Consumer<PtySession> onEnd;
    private final PtyProcess process;
    private final OutputRing ring;
    private final List<Stream> attached = new ArrayList<>();
    private long idleGeneration;
    private boolean ended;

    private PtySession(UUID id, PtyOptions options, PtyProcess process, Consumer<PtySession> onEnd) {
        this.id = id;
        this.options = options;
        this.process = process;
        this.onEnd = onEnd;
        this.ring = new OutputRing(options.bufferBytes());
    }

    static PtySession start(UUID id, PtyOptions options, String command, int height, int width,
            Consumer<PtySession> onEnd) throws IOException {
        Map<String, String> env = new HashMap<>(options.environment());
        env.putIfAbsent("TERM", "xterm-256color");
        PtyProcess process = new PtyProcessBuilder(options.argv(command).toArray(String[]::new))
                .setEnvironment(env)
                .setDirectory(options.directory().toString())
                .setInitialColumns(width > 0 ? width : 80)
                .setInitialRows(height > 0 ? height : 24)
                .setConsole(false)
                .start();
        PtySession session = new PtySession(id, options, process, onEnd);
        // pty4j reads block in native code: a platform thread, not a virtual one.
        Thread.ofPlatform().daemon().name("pty-" + id).start(session::pumpOutput);
        return session;
    }

    UUID id() {
        return id;
    }

    long pid() {
        return process.pid();
    }

    private void pumpOutput() {
        byte[] buffer = new byte[16 * 1024];
        try {
            var in = process.getInputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    broadcast(buffer, n);
                }
            }
        } catch (IOException e) {
            // the terminal closed: the process exited or was killed
        }
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        end();
    }

    private synchronized void broadcast(byte[] buffer, int n) {
        ring.append(buffer, 0, n);
        for (Stream stream : List.copyOf(attached)) {
            try {
                stream.write(buffer, 0, n);
            } catch (IOException e) {
                attached.remove(stream); // that client is gone; its serve loop detaches it too
                stream.reset();
            }
        }
    }

    /** Replays the buffer to {@code stream} and attaches it; false when the process already ended. */
    synchronized boolean attach(Stream stream, int height, int width) throws IOException {
        if (ended) {
            return false;
        }
        idleGeneration++;
        byte[] replay = ring.snapshot();
        if (replay.length > 0) {
            stream.write(replay, 0, replay.length);
        }
        attached.add(stream);
        resize(height, width);
        return true;
    }

    synchronized void detach(Stream stream) {
        attached.remove(stream);
        if (attached.isEmpty() && !ended) {
            long generation = ++idleGeneration;
            Thread.ofVirtual().name("pty-idle-" + id).start(() -> {
                try {
                    Thread.sleep(options.idleTimeout());
                } catch (InterruptedException e) {
                    return;
                }
                killIfStillIdle(generation);
            });
        }
    }

    private synchronized void killIfStillIdle(long generation) {
        if (generation == idleGeneration && attached.isEmpty() && !ended) {
            log.info("reconnecting pty {} idle for {}; ending it", id, options.idleTimeout());
            kill();
        }
    }

    void write(byte[] input) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write(input);
        in.flush();
    }

    void resize(int height, int width) {
        if (height > 0 && width > 0 && process.isAlive()) {
            process.setWinSize(new WinSize(width, height));
        }
    }

    void kill() {
        ProcessHandle.of(process.pid()).ifPresent(handle -> {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
            handle.destroyForcibly();
        });
    }

    private void end() {
        List<Stream> streams;
        synchronized (this) {
            ended = true;
            streams = List.copyOf(attached);
            attached.clear();
        }
        for (Stream stream : streams) {
            stream.close(); // FIN: the client sees the end of output
        }
        onEnd.accept(this);
    }
}
