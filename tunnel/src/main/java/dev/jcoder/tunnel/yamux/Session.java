package dev.jcoder.tunnel.yamux;

import dev.jcoder.tunnel.transport.CloseCodes;
import dev.jcoder.tunnel.transport.MessageTransport;
import dev.jcoder.tunnel.transport.TransportListener;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A yamux session over a {@link MessageTransport}: opens and accepts {@link Stream}s, answers and
 * sends pings, and tears every stream down when the transport ends.
 *
 * <p>A session owns two loops, both virtual threads: the {@code FrameWriter} and the keepalive
 * pinger. Both end when the session ends; {@link #terminated()} completes after they have.
 * Inbound bytes are decoded on the transport's thread without blocking.
 *
 * <p>Futures such as {@link Stream#established()} and {@link #ping()} complete on the transport's
 * thread: chain blocking work with the {@code *Async} variants, never directly.
 */
public final class Session implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Session.class.getName());
    private static final AtomicInteger SESSION_NUMBERS = new AtomicInteger();

    private record PendingPing(long startNanos, CompletableFuture<Duration> result) {
    }

    private final Role role;
    private final SessionConfig config;
    private final MessageTransport transport;
    private final String name;
    private final FrameWriter writer;
    private final FrameDecoder decoder;
    private final Map<Integer, Stream> streams = new ConcurrentHashMap<>();
    private final AtomicInteger nextStreamId;
    private final ReentrantLock acceptLock = new ReentrantLock();
    private final Condition acceptable = acceptLock.newCondition();
    private final ArrayDeque<Stream> backlog = new ArrayDeque<>();
    private final Map<Integer, PendingPing> pings = new ConcurrentHashMap<>();
    private final AtomicInteger nextPingId = new AtomicInteger();
    private final AtomicLong lastRttNanos = new AtomicLong();
    private final AtomicLong dataBytesReceived = new AtomicLong();
    private final AtomicLong windowGrowthLeft;
    private final AtomicBoolean goAwaySent = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final CountDownLatch endedLatch = new CountDownLatch(1);
    private final CompletableFuture<Void> keepAliveExited = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final CompletableFuture<Void> remoteGoAwayReceived = new CompletableFuture<>();
    private volatile boolean remoteGoAway;
    private volatile boolean inboundBroken;
    private volatile IOException endCause;
    private Thread keepAlive;

    private Session(Role role, MessageTransport transport, SessionConfig config) {
        this.role = Objects.requireNonNull(role, "role");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.config = Objects.requireNonNull(config, "config");
        this.name = "yamux-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-" + SESSION_NUMBERS.incrementAndGet();
        this.nextStreamId = new AtomicInteger(role.firstStreamId());
        this.windowGrowthLeft = new AtomicLong(config.windowGrowthBudget());
        this.decoder = new FrameDecoder(config.maxStreamWindow());
        this.writer = new FrameWriter(transport, config.maxMessageSize(), config.maxQueuedBytes(),
                e -> end(e, CloseCodes.INTERNAL_ERROR, "send failed"),
                () -> end(new SessionClosedException("The peer sent control frames (pings, new streams) "
                        + "faster than it read the answers.", null), CloseCodes.PROTOCOL_ERROR, "control flood"));
    }

    /** Starts the client end (odd stream ids) of a session on {@code transport}. */
    public static Session client(MessageTransport transport, SessionConfig config) {
        return start(new Session(Role.CLIENT, transport, config));
    }

    /** Starts the server end (even stream ids) of a session on {@code transport}. */
    public static Session server(MessageTransport transport, SessionConfig config) {
        return start(new Session(Role.SERVER, transport, config));
    }

    private static Session start(Session session) {
        // The transport starts first: MessageTransport promises start() before the first send.
        // Frames that arrive before the writer runs only queue; an early end stops it at once.
        session.transport.start(session.new Inbound());
        session.writer.start(session.name + "-writer");
        session.writer.exited().whenComplete((ignored, error) -> {
            // A writer that ended on its own (send failure) takes the session with it.
            if (!session.closing.get()) {
                session.end(new SessionClosedException("The tunnel writer stopped.", null),
                        CloseCodes.INTERNAL_ERROR, "writer stopped");
            }
        });
        if (session.config.keepAliveInterval().isZero()) {
            session.keepAliveExited.complete(null);
        } else {
            session.keepAlive = Thread.ofVirtual().name(session.name + "-keepalive").start(session::keepAliveLoop);
        }
        CompletableFuture.allOf(session.writer.exited(), session.keepAliveExited)
                .whenComplete((ignored, error) -> session.terminated.complete(null));
        return session;
    }

    /** This end's role. */
    public Role role() {
        return role;
    }

    /** The configuration this session runs with. */
    public SessionConfig config() {
        return config;
    }

    /**
     * Opens a stream. It can be written at once (the spec allows data before the ACK); use
     * {@link Stream#established()} to wait for the peer's acceptance.
     *
     * @throws SessionClosedException if the session ended or the peer sent GO_AWAY
     */
    public Stream open() throws IOException {
        checkOpen();
        if (remoteGoAway) {
            throw new SessionClosedException("The peer is going away and accepts no new streams.", null);
        }
        int id = nextStreamId.getAndAdd(2);
        if (id < 0) {
            throw new SessionClosedException("The session ran out of stream ids.", null);
        }
        Stream stream = new Stream(this, id, config.initialStreamWindow(), config.maxDataPayload());
        streams.put(id, stream);
        writer.ordered(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN, id, extraInitialWindow()));
        Duration timeout = config.streamOpenTimeout();
        CompletableFuture.delayedExecutor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> stream.onOpenTimeout(timeout));
        if (ended.get()) {
            stream.onSessionClosed(closedCause());
        }
        return stream;
    }

    /** Waits for the peer to open a stream and accepts it (sends the ACK). */
    public Stream accept() throws IOException {
        return accept(Duration.ZERO).orElseThrow();
    }

    /**
     * Like {@link #accept()}, waiting at most {@code timeout} ({@link Duration#ZERO}: forever).
     *
     * @return the stream, or empty when the timeout passed
     * @throws SessionClosedException once the session ended
     */
    public Optional<Stream> accept(Duration timeout) throws IOException {
        Stream stream;
        acceptLock.lock();
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (backlog.isEmpty()) {
                if (ended.get()) {
                    throw closedCause();
                }
                if (timeout.isZero()) {
                    acceptable.await();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Optional.empty();
                    }
                    acceptable.awaitNanos(left);
                }
            }
            stream = backlog.poll();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while accepting a stream.");
        } finally {
            acceptLock.unlock();
        }
        stream.markAccepted();
        writer.control(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.ACK, stream.id(), extraInitialWindow()));
        return Optional.of(stream);
    }

    /** Sends a PING; the future completes with the round-trip time, or fails when the session ends. */
    public CompletableFuture<Duration> ping() {
        CompletableFuture<Duration> result = new CompletableFuture<>();
        if (ended.get()) {
            result.completeExceptionally(closedCause());
            return result;
        }
        int opaque = nextPingId.incrementAndGet();
        pings.put(opaque, new PendingPing(System.nanoTime(), result));
        writer.control(new FrameHeader(FrameType.PING, Flags.SYN, 0, opaque));
        if (ended.get() && pings.remove(opaque) != null) {
            result.completeExceptionally(closedCause());
        }
        return result;
    }

    /** The last measured round-trip time, if any ping was answered yet. */
    public Optional<Duration> rtt() {
        long nanos = lastRttNanos.get();
        return nanos == 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }

    /**
     * Tells the peer that this side accepts no new streams (GO_AWAY, normal); streams already open
     * go on. Used to drain a replica before it shuts down.
     */
    public void goAway() {
        if (goAwaySent.compareAndSet(false, true)) {
            writer.control(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.NORMAL.code()));
        }
    }

    /**
     * Completes when the peer sends GO_AWAY (for example a coderd replica draining before it
     * stops): the agent should then dial a new tunnel while its open streams finish here.
     */
    public CompletableFuture<Void> remoteGoAwayReceived() {
        return remoteGoAwayReceived.copy();
    }

    /** Whether the peer sent GO_AWAY (no new streams can be opened). */
    public boolean isRemoteGoingAway() {
        return remoteGoAway;
    }

    /** Counters of this session so far. */
    public SessionStats stats() {
        return new SessionStats(writer.dataBytesSent(), dataBytesReceived.get(), writer.messagesSent(),
                streams.size(), rtt());
    }

    /** Number of streams not yet fully closed. */
    public int streamCount() {
        return streams.size();
    }

    /** Whether the session ended. */
    public boolean isClosed() {
        return ended.get();
    }

    /** Why the session ended, once it has. */
    public Optional<IOException> closeCause() {
        return Optional.ofNullable(endCause);
    }

    /** Completes once the session ended and its writer and keepalive loops have stopped. */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /**
     * Closes gracefully: GO_AWAY, then flushes what streams already wrote (at most the close
     * timeout), then closes the transport. Every stream's blocked calls fail afterwards.
     */
    @Override
    public void close() {
        if (ended.get() || !closing.compareAndSet(false, true)) {
            return;
        }
        goAway();
        writer.drain();
        try {
            writer.exited().get(config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.DEBUG, "{0}: flushing on close did not finish", name);
        }
        end(new SessionClosedException("The session was closed.", null), CloseCodes.NORMAL, "session closed");
    }

    @Override
    public String toString() {
        return name;
    }

    // ---- package-private plumbing for Stream and tests ----

    FrameWriter writer() {
        return writer;
    }

    long rttNanos() {
        return lastRttNanos.get();
    }

    void sendWindowUpdate(int streamId, long delta, int flags) {
        writer.control(new FrameHeader(FrameType.WINDOW_UPDATE, flags, streamId, (int) delta));
    }

    /** Takes up to {@code wanted} bytes of window growth from the session budget; returns what it got. */
    long reserveWindowGrowth(long wanted) {
        while (true) {
            long left = windowGrowthLeft.get();
            long granted = Math.min(left, wanted);
            if (granted <= 0) {
                return 0;
            }
            if (windowGrowthLeft.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    void release(Stream stream) {
        if (streams.remove(stream.id(), stream)) {
            windowGrowthLeft.addAndGet(stream.grownBy(config.initialStreamWindow()));
        }
    }

    java.util.Collection<Stream> openStreams() {
        return java.util.List.copyOf(streams.values());
    }

    boolean writerAlive() {
        return writer.isAlive();
    }

    boolean keepAliveAlive() {
        return keepAlive != null && !keepAliveExited.isDone();
    }

    // ---- inbound ----

    private final class Inbound implements TransportListener {
        @Override
        public void onBytes(ByteBuffer bytes) {
            if (inboundBroken || ended.get()) {
                return;
            }
            try {
                decoder.feed(bytes, Session.this::dispatch);
            } catch (ProtocolException e) {
                protocolError(e);
            }
        }

        @Override
        public void onClosed(int code, String reason) {
            end(new SessionClosedException("The tunnel closed (" + code + (reason.isEmpty() ? "" : " " + reason) + ").", null),
                    CloseCodes.NORMAL, "closed");
        }

        @Override
        public void onError(Throwable error) {
            end(new SessionClosedException("The tunnel connection failed.", error), CloseCodes.INTERNAL_ERROR, "error");
        }
    }

    private void dispatch(FrameHeader header, byte[] payload) throws ProtocolException {
        switch (header.type()) {
            case DATA, WINDOW_UPDATE -> onStreamFrame(header, payload);
            case PING -> onPing(header);
            case GO_AWAY -> onGoAway(header);
        }
    }

    private void onStreamFrame(FrameHeader header, byte[] payload) throws ProtocolException {
        int id = header.streamId();
        if (id == 0) {
            throw new ProtocolException("A " + header.type() + " frame used the session's stream id 0.");
        }
        Stream stream;
        if (header.has(Flags.SYN)) {
            stream = incoming(id);
            if (stream == null) {
                return;
            }
        } else {
            stream = streams.get(id);
            if (stream == null) {
                return; // a stream we already forgot (reset or closed); its late frames are harmless
            }
        }
        if (header.has(Flags.ACK)) {
            stream.onAck();
        }
        if (header.type() == FrameType.WINDOW_UPDATE) {
            stream.onWindowUpdate(header.unsignedLength());
        } else if (payload.length > 0) {
            dataBytesReceived.addAndGet(payload.length);
            if (!stream.onData(payload)) {
                throw new ProtocolException("Stream " + id + " received more than its receive window.");
            }
        }
        if (header.has(Flags.RST)) {
            stream.onReset();
        } else if (header.has(Flags.FIN)) {
            stream.onFin();
        }
    }

    /** Registers a stream the peer opened; null (after answering RST) if it is refused. */
    private Stream incoming(int id) throws ProtocolException {
        if (!role.isPeerStreamId(id)) {
            throw new ProtocolException("The peer opened stream " + id + " with this side's id parity.");
        }
        if (streams.containsKey(id)) {
            throw new ProtocolException("The peer opened stream " + id + " twice.");
        }
        if (goAwaySent.get()) {
            refuse(id);
            return null;
        }
        Stream stream = new Stream(this, id, config.initialStreamWindow(), config.maxDataPayload());
        acceptLock.lock();
        try {
            if (backlog.size() >= config.acceptBacklog()) {
                LOG.log(Level.DEBUG, "{0}: accept backlog full, refusing stream {1}", name, id);
                refuse(id);
                return null;
            }
            streams.put(id, stream);
            backlog.add(stream);
            acceptable.signal();
        } finally {
            acceptLock.unlock();
        }
        return stream;
    }

    private void refuse(int id) {
        writer.control(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, id, 0));
    }

    private void onPing(FrameHeader header) throws ProtocolException {
        if (header.streamId() != 0) {
            throw new ProtocolException("PING on stream " + header.streamId() + " instead of 0.");
        }
        if (header.has(Flags.SYN)) {
            writer.control(new FrameHeader(FrameType.PING, Flags.ACK, 0, header.length()));
        } else if (header.has(Flags.ACK)) {
            PendingPing pending = pings.remove(header.length());
            if (pending != null) {
                long rtt = Math.max(1, System.nanoTime() - pending.startNanos());
                lastRttNanos.set(rtt);
                pending.result().complete(Duration.ofNanos(rtt));
            }
        }
    }

    private void onGoAway(FrameHeader header) throws ProtocolException {
        if (header.streamId() != 0) {
            throw new ProtocolException("GO_AWAY on stream " + header.streamId() + " instead of 0.");
        }
        remoteGoAway = true;
        // Its natural dependant (dial a new tunnel) blocks, so it must not run on the transport's thread.
        if (!remoteGoAwayReceived.isDone()) {
            Thread.ofVirtual().name(name + "-goaway").start(() -> remoteGoAwayReceived.complete(null));
        }
        GoAwayCode code = GoAwayCode.fromCode(header.length());
        if (code != GoAwayCode.NORMAL) {
            end(new SessionClosedException("The peer ended the session: " + code + ".", null),
                    CloseCodes.NORMAL, "peer " + code);
        }
    }

    private void protocolError(ProtocolException e) {
        LOG.log(Level.WARNING, "{0}: yamux protocol error: {1}", name, e.getMessage());
        inboundBroken = true;
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        goAwaySent.set(true);
        writer.control(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code()));
        writer.drain();
        // Never wait on the transport's thread: finish once the GO_AWAY is out (or the timeout passed).
        writer.exited()
                .completeOnTimeout(null, config.closeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, error) -> end(
                        new SessionClosedException("The peer broke the yamux protocol.", e),
                        CloseCodes.PROTOCOL_ERROR, "protocol error"));
    }

    // ---- keepalive ----

    private void keepAliveLoop() {
        try {
            Duration interval = config.keepAliveInterval();
            // One ping right away: the round-trip time steers window growth.
            boolean first = true;
            while (first || !endedLatch.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                first = false;
                try {
                    ping().get(config.keepAliveTimeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    end(new SessionClosedException("The peer did not answer a keepalive ping within "
                            + config.keepAliveTimeout().toSeconds() + " s.", null),
                            CloseCodes.INTERNAL_ERROR, "keepalive timeout");
                    return;
                } catch (ExecutionException e) {
                    return; // the session ended
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            keepAliveExited.complete(null);
        }
    }

    // ---- teardown ----

    private void checkOpen() throws SessionClosedException {
        if (ended.get() || closing.get()) {
            throw closedCause();
        }
    }

    private SessionClosedException closedCause() {
        IOException cause = endCause;
        if (cause instanceof SessionClosedException closed) {
            return closed;
        }
        return new SessionClosedException("The session is closed.", cause);
    }

    /** Ends the session once: stops both loops, closes the transport, fails every waiter. */
    private void end(IOException cause, int closeCode, String reason) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        endCause = cause;
        closing.set(true);
        endedLatch.countDown();
        writer.stop();
        if (keepAlive != null) {
            keepAlive.interrupt();
        }
        try {
            transport.close(closeCode, reason);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, "{0}: closing the transport failed: {1}", name, e);
        }
        for (Stream stream : streams.values()) {
            stream.onSessionClosed(cause);
        }
        streams.clear();
        acceptLock.lock();
        try {
            for (Stream stream : backlog) {
                stream.onSessionClosed(cause);
            }
            backlog.clear();
            acceptable.signalAll();
        } finally {
            acceptLock.unlock();
        }
        for (Integer id : pings.keySet()) {
            PendingPing pending = pings.remove(id);
            if (pending != null) {
                pending.result().completeExceptionally(cause);
            }
        }
    }

    private int extraInitialWindow() {
        return config.initialStreamWindow() - SessionConfig.SPEC_INITIAL_WINDOW;
    }
}
