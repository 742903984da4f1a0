package dev.jcoder.tunnel.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallbackTransportTest {

    /** Records what a session would see. */
    private static final class Recorder implements TransportListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onBytes(ByteBuffer bytes) {
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            events.add("bytes " + new String(copy));
        }

        @Override
        public void onClosed(int code, String reason) {
            events.add("closed " + code + " " + reason);
        }

        @Override
        public void onError(Throwable error) {
            events.add("error " + error.getMessage());
        }
    }

    @Test
    void bytesAndEndBeforeStartAreReplayedInOrder() {
        CallbackTransport transport = new CallbackTransport(m -> CompletableFuture.completedFuture(null), (c, r) -> { });
        ByteBuffer reused = ByteBuffer.wrap("one".getBytes());
        transport.receive(reused);
        reused.clear().put("XXX".getBytes()); // the framework reuses its buffer: the early copy must not change
        transport.receive(ByteBuffer.wrap("two".getBytes()));
        transport.closed(1001, "going away");
        transport.failed(new RuntimeException("ignored: only the first end counts"));
        Recorder recorder = new Recorder();
        transport.start(recorder);
        assertThat(recorder.events).containsExactly("bytes one", "bytes two", "closed 1001 going away");
    }

    @Test
    void closeCallsTheFrameworkOnceAndEndsTheListener() {
        AtomicInteger closes = new AtomicInteger();
        CallbackTransport transport = new CallbackTransport(m -> CompletableFuture.completedFuture(null),
                (code, reason) -> closes.incrementAndGet());
        Recorder recorder = new Recorder();
        transport.start(recorder);
        transport.receive(ByteBuffer.wrap("hi".getBytes()));
        transport.close(1000, "bye");
        transport.close(1000, "bye");
        transport.closed(1000, "the framework reports it too");
        transport.receive(ByteBuffer.wrap("late".getBytes()));
        assertThat(closes).hasValue(1);
        assertThat(recorder.events).containsExactly("bytes hi", "closed 1000 bye");
        assertThat(transport.send(ByteBuffer.allocate(1))).isCompletedExceptionally();
    }

    @Test
    void senderExceptionsBecomeFailedFutures() {
        CallbackTransport transport = new CallbackTransport(m -> {
            throw new IllegalStateException("socket gone");
        }, (c, r) -> { });
        transport.start(new Recorder());
        assertThat(transport.send(ByteBuffer.allocate(1))).isCompletedExceptionally();
    }
}
