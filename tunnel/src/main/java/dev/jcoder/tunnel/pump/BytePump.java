package dev.jcoder.tunnel.pump;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies bytes both ways between two {@link Duplex}es on two threads (virtual by default; pass
 * platform threads for blocking stdin/stdout). When one side's input ends, the other side's
 * output is half-closed and the opposite direction goes on. When a direction fails, both sides
 * are aborted, which also ends the other direction. Once both directions ended both sides are
 * closed and the result completes.
 */
public final class BytePump {
    private static final System.Logger LOG = System.getLogger(BytePump.class.getName());
    /** Matches the tunnel's largest data frame, so one read fills one frame. */
    private static final int BUFFER_SIZE = 64 * 1024 - 12;
    private static final ThreadFactory VIRTUAL = Thread.ofVirtual().name("pump-", 0).factory();

    private final Duplex first;
    private final Duplex second;
    private final AtomicLong firstToSecond = new AtomicLong();
    private final AtomicLong secondToFirst = new AtomicLong();
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    private final AtomicInteger running = new AtomicInteger(2);
    private final CompletableFuture<PumpResult> result = new CompletableFuture<>();

    private BytePump(Duplex first, Duplex second) {
        this.first = Objects.requireNonNull(first, "first");
        this.second = Objects.requireNonNull(second, "second");
    }

    /** Starts pumping on virtual threads. */
    public static CompletableFuture<PumpResult> start(Duplex first, Duplex second) {
        return start(first, second, VIRTUAL);
    }

    /** Starts pumping on threads from {@code threads}. */
    public static CompletableFuture<PumpResult> start(Duplex first, Duplex second, ThreadFactory threads) {
        BytePump pump = new BytePump(first, second);
        threads.newThread(() -> pump.copy(first, second, pump.firstToSecond)).start();
        threads.newThread(() -> pump.copy(second, first, pump.secondToFirst)).start();
        return pump.result;
    }

    /** Pumps on virtual threads and waits until both directions ended. */
    public static PumpResult run(Duplex first, Duplex second) throws InterruptedException {
        try {
            return start(first, second).get();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("The pump failed unexpectedly.", e.getCause());
        }
    }

    private void copy(Duplex from, Duplex to, AtomicLong counter) {
        byte[] buffer = new byte[BUFFER_SIZE];
        try {
            InputStream in = from.input();
            OutputStream out = to.output();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n > 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                    counter.addAndGet(n);
                }
            }
            to.closeWrite();
        } catch (IOException | RuntimeException e) {
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            if (failure.compareAndSet(null, cause)) {
                LOG.log(Level.DEBUG, "pump {0} -> {1} failed: {2}", from, to, cause.toString());
                quietly(first::abort);
                quietly(second::abort);
            }
        } finally {
            if (running.decrementAndGet() == 0) {
                quietly(first::close);
                quietly(second::close);
                result.complete(new PumpResult(firstToSecond.get(), secondToFirst.get(),
                        Optional.ofNullable(failure.get())));
            }
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "closing a pumped stream failed: {0}", e.toString());
        }
    }
}
