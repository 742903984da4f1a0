package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.sshd.common.future.CloseFuture;
import org.apache.sshd.common.future.DefaultCloseFuture;
import org.apache.sshd.common.io.AbstractIoWriteFuture;
import org.apache.sshd.common.io.IoHandler;
import org.apache.sshd.common.io.IoService;
import org.apache.sshd.common.io.IoSession;
import org.apache.sshd.common.io.IoWriteFuture;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;
import org.apache.sshd.common.util.closeable.AbstractCloseable;

/**
 * MINA's view of one SSH connection carried by a pair of blocking byte streams (a tunnel stream)
 * instead of a TCP socket, which saves the loopback hop: one copy, a syscall pair and a socket per
 * connection.
 *
 * <p>One reader thread feeds MINA's session; one writer thread drains a queue of packets, because
 * MINA writes under its encode lock and expects {@link #writeBuffer} to return at once (its NIO2
 * transport queues without bound too; SSH channel windows bound what is in flight). Both are virtual
 * threads: the streams are expected to block in Java code (a yamux stream), not in native I/O.
 */
final class StreamIoSession extends AbstractCloseable implements IoSession {
    private static final AtomicLong IDS = new AtomicLong(1L << 40); // apart from MINA's NIO2 session ids
    private static final SocketAddress LOOPBACK = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    private static final int READ_SIZE = 64 * 1024;

    private final long id = IDS.incrementAndGet();
    private final IoService service;
    private final IoHandler handler;
    private final InputStream input;
    private final OutputStream output;
    private final Runnable closeStream;
    private final ConcurrentHashMap<Object, Object> attributes = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Object> writes = new LinkedBlockingQueue<>();
    private final AtomicBoolean handlerNotified = new AtomicBoolean();
    private final AtomicBoolean writerStopped = new AtomicBoolean();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Condition readResumed = readLock.newCondition();
    private boolean readSuspended;

    /** Marks the end of the queue: everything before it is written, then the writer stops. */
    private record Drain(DefaultCloseFuture done) {
    }

    private record Shutdown() {
    }

    private static final class WriteFuture extends AbstractIoWriteFuture {
        WriteFuture(Object id) {
            super(id, null);
        }
    }

    private record Write(byte[] bytes, WriteFuture future) {
    }

    StreamIoSession(IoService service, IoHandler handler, InputStream input, OutputStream output, Runnable closeStream) {
        this.service = service;
        this.handler = handler;
        this.input = input;
        this.output = output;
        this.closeStream = closeStream;
    }

    /** Creates the SSH session (it queues its greeting at once) and starts both pumps. */
    void start() throws Exception {
        Thread.ofVirtual().name("ssh-stream-writer-" + id).start(this::writeLoop);
        handler.sessionCreated(this);
        Thread.ofVirtual().name("ssh-stream-reader-" + id).start(this::readLoop);
    }

    /** Completes once the connection is closed and the stream released. */
    CompletableFuture<Void> ended() {
        return ended;
    }

    private void readLoop() {
        byte[] buffer = new byte[READ_SIZE];
        try {
            int n;
            while (!isClosing() && (n = input.read(buffer)) >= 0) {
                awaitReadResumed();
                if (n > 0) {
                    handler.messageReceived(this, new ByteArrayBuffer(buffer, 0, n));
                }
            }
        } catch (Throwable e) {
            if (!isClosing()) {
                try {
                    handler.exceptionCaught(this, e);
                } catch (Exception ignored) {
                    // The session is being torn down below either way.
                }
            }
        }
        close(true);
    }

    private void awaitReadResumed() throws InterruptedException {
        readLock.lock();
        try {
            while (readSuspended && !isClosing()) {
                readResumed.await();
            }
        } finally {
            readLock.unlock();
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                Object next = writes.take();
                switch (next) {
                    case Write write -> {
                        try {
                            output.write(write.bytes());
                            if (writes.isEmpty()) {
                                output.flush();
                            }
                            write.future().setValue(Boolean.TRUE);
                        } catch (IOException e) {
                            write.future().setValue(e);
                            close(true);
                        }
                    }
                    case Shutdown shutdown -> output.close();
                    case Drain drain -> {
                        output.flush();
                        drain.done().setClosed();
                        return;
                    }
                    default -> throw new IllegalStateException("Unknown write queue entry " + next);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            close(true);
        } finally {
            writerStopped.set(true);
            failPendingWrites();
        }
    }

    private void failPendingWrites() {
        Object next;
        while ((next = writes.poll()) != null) {
            if (next instanceof Write write) {
                write.future().setValue(new IOException("The SSH stream is closed."));
            } else if (next instanceof Drain drain) {
                drain.done().setClosed();
            }
        }
    }

    @Override
    public IoWriteFuture writeBuffer(Buffer buffer) {
        WriteFuture future = new WriteFuture(this);
        if (isClosing() && state.get() != State.Graceful) {
            future.setValue(new IOException("The SSH stream is closed."));
            return future;
        }
        byte[] bytes = new byte[buffer.available()];
        buffer.getRawBytes(bytes);
        writes.add(new Write(bytes, future));
        if (writerStopped.get()) {
            failPendingWrites(); // raced with the writer's exit; nobody else would complete it
        }
        return future;
    }

    @Override
    protected CloseFuture doCloseGracefully() {
        DefaultCloseFuture drained = new DefaultCloseFuture(this, futureLock);
        writes.add(new Drain(drained));
        return drained;
    }

    @Override
    protected void doCloseImmediately() {
        writes.add(new Drain(new DefaultCloseFuture(this, futureLock)));
        readLock.lock();
        try {
            readResumed.signalAll();
        } finally {
            readLock.unlock();
        }
        try {
            closeStream.run();
        } finally {
            if (handlerNotified.compareAndSet(false, true)) {
                try {
                    handler.sessionClosed(this);
                } catch (Exception e) {
                    // The SSH session is closing on its own; nothing is left to tell.
                }
            }
            super.doCloseImmediately();
            ended.complete(null);
        }
    }

    @Override
    public long getId() {
        return id;
    }

    @Override
    public SocketAddress getAcceptanceAddress() {
        return LOOPBACK;
    }

    @Override
    public SocketAddress getRemoteAddress() {
        return LOOPBACK;
    }

    @Override
    public SocketAddress getLocalAddress() {
        return LOOPBACK;
    }

    @Override
    public Object getAttribute(Object key) {
        return attributes.get(key);
    }

    @Override
    public Object setAttribute(Object key, Object value) {
        return attributes.put(key, value);
    }

    @Override
    public Object setAttributeIfAbsent(Object key, Object value) {
        return attributes.putIfAbsent(key, value);
    }

    @Override
    public Object removeAttribute(Object key) {
        return attributes.remove(key);
    }

    @Override
    public IoService getService() {
        return service;
    }

    @Override
    public void shutdownOutputStream() {
        writes.add(new Shutdown());
    }

    @Override
    public void suspendRead() {
        readLock.lock();
        try {
            readSuspended = true;
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public void resumeRead() {
        readLock.lock();
        try {
            readSuspended = false;
            readResumed.signalAll();
        } finally {
            readLock.unlock();
        }
    }

    @Override
    public String toString() {
        return "StreamIoSession[" + id + "]";
    }
}
