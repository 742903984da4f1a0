package dev.jcoder.agent.ssh;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoServiceEventListener;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.util.closeable.AbstractCloseable;

/**
 * The SSH connections the server serves over caller-provided streams: MINA's acceptor does not
 * know them, so this service tracks them and closes them when the server closes.
 */
final class StreamSessions extends AbstractCloseable implements IoService {
    private final IoHandler handler;
    private final Map<Long, IoSession> sessions = new ConcurrentHashMap<>();
    private volatile IoServiceEventListener eventListener;

    StreamSessions(IoHandler handler) {
        this.handler = handler;
    }

    CompletableFuture<Void> serve(InputStream input, OutputStream output, Runnable closeStream) throws Exception {
        if (isClosing()) {
            closeStream.run();
            throw new IllegalStateException("The SSH server is closed.");
        }
        StreamIoSession session = new StreamIoSession(this, handler, input, output, closeStream);
        sessions.put(session.getId(), session);
        session.addCloseFutureListener(future -> sessions.remove(session.getId()));
        session.start();
        return session.ended();
    }

    @Override
    protected void doCloseImmediately() {
        for (IoSession session : sessions.values()) {
            session.close(true);
        }
        super.doCloseImmediately();
    }

    @Override
    public Map<Long, IoSession> getManagedSessions() {
        return Map.copyOf(sessions);
    }

    @Override
    public IoServiceEventListener getIoServiceEventListener() {
        return eventListener;
    }

    @Override
    public void setIoServiceEventListener(IoServiceEventListener listener) {
        this.eventListener = listener;
    }
}
