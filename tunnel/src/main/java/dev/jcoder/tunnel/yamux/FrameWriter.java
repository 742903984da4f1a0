package dev.jcoder.tunnel.yamux;

import dev.jcoder.tunnel.transport.MessageTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one writer of a session. Frames from every stream are queued here and a single loop packs
 * them into messages of at most {@code maxMessageSize} bytes (a frame that does not fit is
 * continued in the next message), sends one, waits for its completion (the transport's
 * back-pressure) and goes on. Control frames overtake data; data, SYN and FIN
 * keep their order. Data producers block once {@code maxQueuedBytes} are waiting.
 */
final class FrameWriter {
    /** One queued frame: a header and, for DATA, the payload (owned by the writer). */
    private record Outbound(FrameHeader header, byte[] payload) {
        int size() {
            return FrameHeader.SIZE + payload.length;
        }
    }

    private static final byte[] EMPTY = new byte[0];
    /**
     * Control frames waiting to be sent. Legitimate traffic stays far below: a peer that keeps
     * sending pings or SYNs while never reading our answers (a compromised agent, say) would
     * otherwise grow this queue without bound.
     */
    static final int MAX_CONTROL_FRAMES = 16_384;

    private final MessageTransport transport;
    private final int maxMessageSize;
    private final int maxQueuedBytes;
    private final Consumer<IOException> onSendFailure;
    private final Runnable onControlOverflow;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition space = lock.newCondition();
    private final ArrayDeque<Outbound> control = new ArrayDeque<>();
    private final ArrayDeque<Outbound> ordered = new ArrayDeque<>();
    private final CompletableFuture<Void> exited = new CompletableFuture<>();
    private final ByteBuffer buffer;
    private final java.util.concurrent.atomic.LongAdder dataBytesSent = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder messagesSent = new java.util.concurrent.atomic.LongAdder();
    private long queuedBytes;
    // Only the loop's thread touches these: the part of a frame that did not fit the last message.
    private Outbound carry;
    private int carryOffset;
    private boolean draining;
    private boolean stopped;
    private volatile Thread thread;

    FrameWriter(MessageTransport transport, int maxMessageSize, int maxQueuedBytes,
            Consumer<IOException> onSendFailure, Runnable onControlOverflow) {
        this.transport = transport;
        this.maxMessageSize = maxMessageSize;
        this.maxQueuedBytes = maxQueuedBytes;
        this.onSendFailure = onSendFailure;
        this.onControlOverflow = onControlOverflow;
        this.buffer = ByteBuffer.allocate(maxMessageSize);
    }

    void start(String name) {
        thread = Thread.ofVirtual().name(name).start(this::run);
    }

    /** Queues a control frame (window update, ping, RST, go-away). Never blocks; dropped once stopped. */
    void control(FrameHeader header) {
        enqueue(control, new Outbound(header, EMPTY));
    }

    /** Queues a frame that must keep its order with data (SYN, FIN). Never blocks. */
    void ordered(FrameHeader header) {
        enqueue(ordered, new Outbound(header, EMPTY));
    }

    /**
     * Resets a stream: drops its frames still queued (they would be discarded by the peer anyway)
     * and queues an RST, which overtakes data. If the stream's SYN was still queued the peer never
     * heard of the stream, so nothing is sent at all; an RST must never overtake its SYN, or the
     * peer would ignore the RST and then accept a stream that nobody ends. Never blocks.
     */
    void reset(int streamId) {
        lock.lock();
        try {
            if (stopped || draining) {
                return;
            }
            boolean synQueued = false;
            long dropped = 0;
            for (var it = ordered.iterator(); it.hasNext(); ) {
                Outbound frame = it.next();
                if (frame.header().streamId() == streamId) {
                    synQueued |= frame.header().has(Flags.SYN);
                    dropped += frame.payload().length;
                    it.remove();
                }
            }
            if (dropped > 0) {
                queuedBytes -= dropped;
                space.signalAll();
            }
            if (!synQueued) {
                control.add(new Outbound(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, streamId, 0), EMPTY));
                work.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void enqueue(ArrayDeque<Outbound> queue, Outbound frame) {
        boolean overflow;
        lock.lock();
        try {
            if (stopped || draining) {
                return;
            }
            overflow = queue == control && control.size() >= MAX_CONTROL_FRAMES;
            if (!overflow) {
                queue.add(frame);
                work.signal();
            }
        } finally {
            lock.unlock();
        }
        if (overflow) {
            onControlOverflow.run();
        }
    }

    /**
     * Queues a DATA frame whose payload the writer now owns, waiting while the queue is full.
     *
     * @param deadlineNanos {@link System#nanoTime()} deadline, or 0 for none
     */
    void data(FrameHeader header, byte[] payload, long deadlineNanos) throws IOException {
        lock.lock();
        try {
            while (queuedBytes >= maxQueuedBytes && !stopped && !draining) {
                if (deadlineNanos == 0) {
                    space.await();
                } else {
                    long left = deadlineNanos - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException("Timed out waiting to write to the tunnel.");
                    }
                    space.awaitNanos(left);
                }
            }
            if (stopped || draining) {
                throw new SessionClosedException("The session is closed.", null);
            }
            ordered.add(new Outbound(header, payload));
            queuedBytes += payload.length;
            work.signal();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing to the tunnel.");
        } finally {
            lock.unlock();
        }
    }

    /** Sends what is queued, then ends the loop. New frames are refused from now on. */
    void drain() {
        lock.lock();
        try {
            draining = true;
            work.signal();
            space.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the loop now, discarding what is queued; blocked producers fail. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            control.clear();
            ordered.clear();
            queuedBytes = 0;
            work.signal();
            space.signalAll();
        } finally {
            lock.unlock();
        }
        // A send that never completes (a wedged transport) must not keep the loop alive.
        Thread loop = thread;
        if (loop != null && loop != Thread.currentThread()) {
            loop.interrupt();
        }
    }

    /** Completes when the loop has ended. */
    CompletableFuture<Void> exited() {
        return exited;
    }

    /** Whether the loop is running (started and its body not finished). */
    long dataBytesSent() {
        return dataBytesSent.sum();
    }

    long messagesSent() {
        return messagesSent.sum();
    }

    boolean isAlive() {
        return thread != null && !exited.isDone();
    }

    private void run() {
        List<Outbound> batch = new ArrayList<>();
        try {
            while (true) {
                int carryLeft = carry == null ? 0 : carry.size() - carryOffset;
                if (!takeBatch(batch, maxMessageSize - carryLeft, carry == null)) {
                    return;
                }
                buffer.clear();
                long payloadBytes = 0;
                if (carry != null) {
                    payloadBytes += put(carry, carryOffset);
                }
                for (Outbound frame : batch) {
                    payloadBytes += put(frame, 0);
                }
                batch.clear();
                buffer.flip();
                try {
                    transport.send(buffer).get();
                    dataBytesSent.add(payloadBytes);
                    messagesSent.increment();
                } catch (ExecutionException e) {
                    onSendFailure.accept(new IOException("The tunnel transport failed to send.", e.getCause()));
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            stop();
            exited.complete(null);
        }
    }

    /**
     * Copies the frame's bytes from {@code from} (counting the 12 header bytes) into the message
     * buffer. What does not fit is carried into the next message: the peer reads the tunnel as
     * a byte stream, so frames may span messages, and every message but the last of a burst is
     * full. Returns the payload bytes of a frame that was completed.
     */
    private long put(Outbound frame, int from) {
        int end = Math.min(frame.size(), from + buffer.remaining());
        if (from < FrameHeader.SIZE) {
            ByteBuffer header = ByteBuffer.allocate(FrameHeader.SIZE);
            frame.header().encode(header);
            buffer.put(header.array(), from, Math.min(FrameHeader.SIZE, end) - from);
        }
        int payloadFrom = Math.max(0, from - FrameHeader.SIZE);
        int payloadEnd = Math.max(0, end - FrameHeader.SIZE);
        buffer.put(frame.payload(), payloadFrom, payloadEnd - payloadFrom);
        if (end < frame.size()) {
            carry = frame;
            carryOffset = end;
            return 0;
        }
        carry = null;
        carryOffset = 0;
        return frame.payload().length;
    }

    /**
     * Moves frames into {@code batch} until they reach {@code budget} bytes (the last one may be
     * split by the caller). Waits for frames only when {@code mayWait}; false when the loop must end.
     */
    private boolean takeBatch(List<Outbound> batch, int budget, boolean mayWait) throws InterruptedException {
        lock.lock();
        try {
            while (control.isEmpty() && ordered.isEmpty()) {
                if (stopped) {
                    return false;
                }
                if (!mayWait) {
                    return true; // only the carried remainder goes out
                }
                if (draining) {
                    return false;
                }
                work.await();
            }
            if (stopped) {
                return false;
            }
            int size = 0;
            while (!control.isEmpty() && size < budget) {
                Outbound frame = control.poll();
                size += frame.size();
                batch.add(frame);
            }
            long taken = 0;
            while (!ordered.isEmpty() && size < budget) {
                Outbound frame = ordered.poll();
                size += frame.size();
                taken += frame.payload().length;
                batch.add(frame);
            }
            if (taken > 0) {
                queuedBytes -= taken;
                space.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
