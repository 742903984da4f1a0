package dev.jcoder.tunnel.yamux;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One yamux stream: a bidirectional byte stream with TCP-like semantics.
 *
 * <ul>
 *   <li>{@link #read} blocks until data arrives; it returns -1 after the peer's FIN once the
 *       buffer is empty, throws {@link StreamResetException} after a reset and
 *       {@link SessionClosedException} when the session ended before the peer's FIN.</li>
 *   <li>{@link #write} blocks while the peer's receive window is exhausted (flow control) or the
 *       session's writer queue is full.</li>
 *   <li>{@link #closeWrite} half-closes (FIN); {@link #close} also stops reading (data that arrives
 *       afterwards, or was left unread, resets the stream as TCP would); {@link #reset} aborts.</li>
 * </ul>
 * Read and write may be used from different threads at once; one reader and one writer at a time.
 */
public final class Stream implements Closeable {
    private final Session session;
    private final int id;
    private final int maxPayload;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final CompletableFuture<Void> established = new CompletableFuture<>();
    private final InputStream input = new In();
    private final OutputStream output = new Out();

    // Receive side, guarded by lock. Invariant: receiveWindow + buffered + consumedUnacked == receiveTarget.
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private long buffered;
    private long receiveWindow;
    private long receiveTarget;
    private long consumedUnacked;
    private long lastUpdateNanos;

    // Send side and state, guarded by lock.
    private long sendWindow = SessionConfig.SPEC_INITIAL_WINDOW;
    private boolean localFin;
    private boolean remoteFin;
    private boolean readClosed;
    private boolean reset;
    private String resetReason = "";
    private IOException sessionFailure;
    private boolean released;

    private volatile Duration readTimeout = Duration.ZERO;
    private volatile Duration writeTimeout = Duration.ZERO;

    Stream(Session session, int id, int receiveWindow, int maxPayload) {
        this.session = session;
        this.id = id;
        this.maxPayload = maxPayload;
        this.receiveWindow = receiveWindow;
        this.receiveTarget = receiveWindow;
        this.lastUpdateNanos = System.nanoTime();
    }

    /** The yamux stream id: odd when the client side opened it, even for the server side. */
    public int id() {
        return id;
    }

    /** The session this stream belongs to. */
    public Session session() {
        return session;
    }

    /** Reads as {@link #read}. Closing it closes the stream. */
    public InputStream inputStream() {
        return input;
    }

    /** Writes as {@link #write}; {@code flush()} does nothing (the session's writer sends promptly). Closing it half-closes. */
    public OutputStream outputStream() {
        return output;
    }

    /**
     * Completes when the peer acknowledged the stream (for a stream this side opened) or when this
     * side accepted it; fails when the peer refused it or did not answer within the open timeout.
     */
    public CompletableFuture<Void> established() {
        return established;
    }

    /** Bounds each blocking read; {@link Duration#ZERO} (the default) waits forever. */
    public void setReadTimeout(Duration timeout) {
        this.readTimeout = requireNotNegative(timeout);
    }

    /** The current read timeout ({@link Duration#ZERO}: none). */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Bounds each blocking write; {@link Duration#ZERO} (the default) waits forever. */
    public void setWriteTimeout(Duration timeout) {
        this.writeTimeout = requireNotNegative(timeout);
    }

    /** The receive window this side currently grants (grows while the consumer keeps up). */
    public long receiveWindowSize() {
        lock.lock();
        try {
            return receiveTarget;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes received and not yet read. Bounded by {@link #receiveWindowSize()}. */
    public long bufferedBytes() {
        lock.lock();
        try {
            return buffered;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Reads up to {@code len} bytes, blocking until at least one is available.
     *
     * @return the number of bytes read, or -1 at the end of the stream (the peer's FIN)
     */
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        int n = 0;
        long update;
        lock.lock();
        try {
            long deadline = deadline(readTimeout);
            while (buffered == 0) {
                if (reset) {
                    throw new StreamResetException("The stream was reset" + resetReason + ".");
                }
                if (remoteFin) {
                    return -1;
                }
                if (readClosed) {
                    throw new IOException("The stream is closed.");
                }
                if (sessionFailure != null) {
                    throw new SessionClosedException(sessionFailure.getMessage(), sessionFailure);
                }
                await(readable, deadline, "read");
            }
            while (n < len && !chunks.isEmpty()) {
                byte[] chunk = chunks.peek();
                int take = Math.min(len - n, chunk.length - headOffset);
                System.arraycopy(chunk, headOffset, b, off + n, take);
                n += take;
                headOffset += take;
                if (headOffset == chunk.length) {
                    chunks.poll();
                    headOffset = 0;
                }
            }
            buffered -= n;
            consumedUnacked += n;
            update = windowUpdateDue();
        } finally {
            lock.unlock();
        }
        if (update > 0) {
            session.sendWindowUpdate(id, update, 0);
        }
        return n;
    }

    /** Writes all of {@code b[off, off+len)}, blocking for flow control. */
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        Duration timeout = writeTimeout;
        while (len > 0) {
            int n;
            long deadline;
            lock.lock();
            try {
                deadline = deadline(timeout);
                while (true) {
                    if (reset) {
                        throw new StreamResetException("The stream was reset" + resetReason + ".");
                    }
                    if (localFin) {
                        throw new IOException("The stream is closed for writing.");
                    }
                    if (sessionFailure != null) {
                        throw new SessionClosedException(sessionFailure.getMessage(), sessionFailure);
                    }
                    if (sendWindow > 0) {
                        break;
                    }
                    await(writable, deadline, "write");
                }
                n = (int) Math.min(Math.min(len, sendWindow), maxPayload);
                sendWindow -= n;
            } finally {
                lock.unlock();
            }
            byte[] payload = Arrays.copyOfRange(b, off, off + n);
            session.writer().data(new FrameHeader(FrameType.DATA, 0, id, n), payload, deadline);
            off += n;
            len -= n;
        }
    }

    /** Half-closes: sends FIN after the data written so far. Reading goes on. Idempotent. */
    public void closeWrite() {
        lock.lock();
        try {
            if (localFin || reset || sessionFailure != null) {
                localFin = true;
                return;
            }
            localFin = true;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        session.writer().ordered(new FrameHeader(FrameType.DATA, Flags.FIN, id, 0));
        releaseIfDone();
    }

    /**
     * Closes both directions: FIN for writing, and reading stops. If unread data is left, or data
     * arrives later, the stream is reset so the peer learns that it was not read.
     */
    @Override
    public void close() {
        closeWrite();
        boolean unread;
        lock.lock();
        try {
            readClosed = true;
            unread = buffered > 0;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
        if (unread) {
            reset();
            return;
        }
        Duration linger = session.config().streamCloseTimeout();
        CompletableFuture.delayedExecutor(linger.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(this::onCloseTimeout);
    }

    /** The peer did not finish its side within the close timeout after this side closed. */
    private void onCloseTimeout() {
        boolean stuck;
        lock.lock();
        try {
            stuck = !released && !remoteFin && sessionFailure == null;
        } finally {
            lock.unlock();
        }
        if (stuck) {
            if (markReset(": the peer did not close it in time")) {
                session.writer().reset(id);
            }
            releaseIfDone();
        }
    }

    /** Aborts the stream in both directions and tells the peer (RST). Idempotent. */
    public void reset() {
        if (markReset(" locally")) {
            session.writer().reset(id);
        }
        releaseIfDone();
    }

    @Override
    public String toString() {
        lock.lock();
        try {
            return "Stream[" + id + (localFin ? " finSent" : "") + (remoteFin ? " finReceived" : "")
                    + (readClosed ? " readClosed" : "") + (reset ? " reset" : "") + " buffered=" + buffered
                    + " sendWindow=" + sendWindow + "]";
        } finally {
            lock.unlock();
        }
    }

    // ---- called by the session's inbound path; never blocks ----

    /** Buffers a DATA payload; false if it exceeds the window this side granted (a protocol error). */
    boolean onData(byte[] payload) {
        boolean late;
        lock.lock();
        try {
            if (reset || sessionFailure != null) {
                return true;
            }
            if (payload.length > receiveWindow) {
                return false;
            }
            late = readClosed;
            if (!late) {
                receiveWindow -= payload.length;
                chunks.add(payload);
                buffered += payload.length;
                readable.signal();
            }
        } finally {
            lock.unlock();
        }
        if (late) {
            reset(); // data for a stream nobody reads any more: tell the sender, as TCP would
        }
        return true;
    }

    void onWindowUpdate(long delta) {
        if (delta == 0) {
            return;
        }
        lock.lock();
        try {
            sendWindow += delta;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void onAck() {
        established.complete(null);
    }

    void onFin() {
        lock.lock();
        try {
            remoteFin = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
        releaseIfDone();
    }

    void onReset() {
        markReset(" by the peer");
        releaseIfDone();
    }

    /** The session ended: wake everyone. Buffered data stays readable. */
    void onSessionClosed(IOException cause) {
        lock.lock();
        try {
            if (sessionFailure == null) {
                sessionFailure = cause;
            }
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        established.completeExceptionally(cause);
    }

    /** Called when the open timeout passed without an ACK. */
    void onOpenTimeout(Duration timeout) {
        if (!established.isDone()) {
            if (markReset(": the peer did not accept it within " + timeout.toSeconds() + " s")) {
                session.writer().reset(id);
            }
            releaseIfDone();
        }
    }

    /** Called once this side accepts the stream (after that the session sends the ACK). */
    void markAccepted() {
        established.complete(null);
    }

    /** Window growth this stream holds beyond the initial window; returned to the session when released. */
    long grownBy(int initialWindow) {
        lock.lock();
        try {
            return receiveTarget - initialWindow;
        } finally {
            lock.unlock();
        }
    }

    private boolean markReset(String reason) {
        lock.lock();
        try {
            if (reset) {
                return false;
            }
            reset = true;
            resetReason = reason;
            chunks.clear();
            buffered = 0;
            readable.signalAll();
            writable.signalAll();
        } finally {
            lock.unlock();
        }
        established.completeExceptionally(new StreamResetException("The stream was reset" + reason + "."));
        return true;
    }

    private void releaseIfDone() {
        boolean done;
        lock.lock();
        try {
            done = !released && (reset || (localFin && remoteFin));
            if (done) {
                released = true;
            }
        } finally {
            lock.unlock();
        }
        if (done) {
            session.release(this);
        }
    }

    /**
     * Decides, after a read, whether to return credit to the peer. Credit goes back once half the
     * window is consumed; the window doubles (within the session budget) when the consumer keeps
     * up and the previous half window took less than two round trips, i.e. the window, not the
     * consumer, limits throughput. Caller holds the lock.
     */
    private long windowUpdateDue() {
        if (remoteFin || reset || consumedUnacked < receiveTarget / 2) {
            return 0;
        }
        long now = System.nanoTime();
        long growth = 0;
        if (receiveTarget < session.config().maxStreamWindow() && buffered < receiveTarget / 4) {
            long rttNanos = session.rttNanos();
            boolean windowLimited = rttNanos <= 0 || now - lastUpdateNanos < 2 * rttNanos;
            if (windowLimited) {
                long wanted = Math.min(receiveTarget, session.config().maxStreamWindow() - receiveTarget);
                growth = session.reserveWindowGrowth(wanted);
                receiveTarget += growth;
            }
        }
        long delta = consumedUnacked + growth;
        receiveWindow += delta;
        consumedUnacked = 0;
        lastUpdateNanos = now;
        return delta;
    }

    private static long deadline(Duration timeout) {
        if (timeout.isZero()) {
            return 0;
        }
        long d = System.nanoTime() + timeout.toNanos();
        return d == 0 ? 1 : d;
    }

    private static void await(Condition condition, long deadline, String what) throws IOException {
        try {
            if (deadline == 0) {
                condition.await();
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SocketTimeoutException("Timed out waiting to " + what + " on the stream.");
            }
            condition.awaitNanos(left);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while waiting to " + what + " on the stream.");
        }
    }

    private static Duration requireNotNegative(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative");
        }
        return timeout;
    }

    private final class In extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = Stream.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return Stream.this.read(b, off, len);
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, bufferedBytes());
        }

        @Override
        public void close() {
            Stream.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            Stream.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Stream.this.write(b, off, len);
        }

        @Override
        public void close() {
            closeWrite();
        }
    }
}
