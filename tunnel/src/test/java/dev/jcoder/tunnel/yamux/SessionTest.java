package dev.jcoder.tunnel.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcoder.tunnel.Bytes;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class SessionTest {

    @Test
    void openedStreamCarriesBytesBothWays() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            Stream opened = pair.client.open();
            opened.outputStream().write("hello".getBytes(StandardCharsets.UTF_8));
            Stream accepted = pair.server.accept();
            assertThat(accepted.id()).isEqualTo(opened.id()).isOdd();
            assertThat(new String(accepted.inputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("hello");
            accepted.outputStream().write("world".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(opened.inputStream().readNBytes(5), StandardCharsets.UTF_8)).isEqualTo("world");
            opened.established().get(5, TimeUnit.SECONDS);
            Stream fromServer = pair.server.open();
            assertThat(fromServer.id()).isEven();
            assertThat(pair.client.accept().id()).isEqualTo(fromServer.id());
        }
    }

    @Test
    void largeTransferArrivesIntactAcrossFragmentedMessages() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet(), 16 * 1024 + 7)) {
            Stream opened = pair.client.open();
            CompletableFuture<String> received = CompletableFuture.supplyAsync(() -> {
                try {
                    return Bytes.readAll(pair.server.accept().inputStream());
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }, Executors.newVirtualThreadPerTaskExecutor());
            long size = 64L * 1024 * 1024 + 13;
            String sent = Bytes.writeRandom(opened.outputStream(), size, 7);
            opened.closeWrite();
            assertThat(received.get(60, TimeUnit.SECONDS)).isEqualTo(sent + "/" + size);
            await().until(() -> pair.server.stats().dataBytesReceived() == size);
            SessionStats stats = pair.client.stats();
            assertThat(stats.dataBytesSent()).isEqualTo(size);
            // Coalesced: messages are up to 64 KiB; how full depends on how fast the producer is.
            assertThat(stats.messagesSent()).isBetween(size / 65536, size / 16384);
            assertThat(stats.dataBytesReceived()).isZero();
        }
    }

    @Test
    void manyConcurrentStreamsEchoIndependently() throws Exception {
        int streams = 64;
        long size = 300_000;
        // The pair closes first, which ends the accept loop, so the executor can then close.
        try (var threads = Executors.newVirtualThreadPerTaskExecutor();
                SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            threads.submit(() -> {
                while (true) {
                    Stream s = pair.server.accept();
                    threads.submit(() -> {
                        s.inputStream().transferTo(s.outputStream());
                        s.closeWrite();
                        return null;
                    });
                }
            });
            List<Future<String[]>> results = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                long seed = i;
                results.add(threads.submit(() -> {
                    Stream s = pair.client.open();
                    Future<String> echoed = threads.submit(() -> Bytes.readAll(s.inputStream()));
                    String sent = Bytes.writeRandom(s.outputStream(), size, seed);
                    s.closeWrite();
                    return new String[] {sent + "/" + size, echoed.get()};
                }));
            }
            for (Future<String[]> result : results) {
                String[] pairOfDigests = result.get(60, TimeUnit.SECONDS);
                assertThat(pairOfDigests[1]).isEqualTo(pairOfDigests[0]);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> pair.client.streamCount() == 0 && pair.server.streamCount() == 0);
        }
    }

    @Test
    void slowConsumerStopsTheWriterInsteadOfGrowingMemory() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet());
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            long size = 32L * 1024 * 1024;
            Future<String> writer = threads.submit(() -> {
                String digest = Bytes.writeRandom(opened.outputStream(), size, 3);
                opened.closeWrite();
                return digest;
            });
            // Nobody reads: the writer must block once the window is used up.
            await().atMost(Duration.ofSeconds(10)).until(() -> accepted.bufferedBytes() == accepted.receiveWindowSize());
            assertThat(writer.isDone()).isFalse();
            assertThat(accepted.bufferedBytes()).isEqualTo(SessionConfig.SPEC_INITIAL_WINDOW);
            // Reading one byte at a time (slower than the writer) never lets the buffer exceed the window.
            InputStream in = accepted.inputStream();
            long firstBytes = 0;
            while (firstBytes < 2 * 1024 * 1024) {
                firstBytes += in.read(new byte[1000]);
                assertThat(accepted.bufferedBytes()).isLessThanOrEqualTo(accepted.receiveWindowSize());
            }
            assertThat(accepted.receiveWindowSize()).isLessThanOrEqualTo(pair.server.config().maxStreamWindow());
            String rest = Bytes.readAll(in);
            assertThat(writer.get(30, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(Long.parseLong(rest.substring(rest.indexOf('/') + 1)) + firstBytes).isEqualTo(size);
        }
    }

    @Test
    void stalledStreamDoesNotBlockOtherStreams() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet());
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream stalled = pair.client.open();
            Stream stalledAccepted = pair.server.accept();
            Future<?> stuckWriter = threads.submit(() -> Bytes.writeRandom(stalled.outputStream(), 8L * 1024 * 1024, 1));
            await().until(() -> stalledAccepted.bufferedBytes() == stalledAccepted.receiveWindowSize());

            Stream moving = pair.client.open();
            Stream movingAccepted = pair.server.accept();
            Future<String> received = threads.submit(() -> Bytes.readAll(movingAccepted.inputStream()));
            String sent = Bytes.writeRandom(moving.outputStream(), 8L * 1024 * 1024, 2);
            moving.closeWrite();
            assertThat(received.get(30, TimeUnit.SECONDS)).isEqualTo(sent + "/" + (8L * 1024 * 1024));
            assertThat(stuckWriter.isDone()).isFalse();
            stalledAccepted.reset();
            assertThatThrownBy(() -> stuckWriter.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamResetException.class);
        }
    }

    @Test
    void manyStalledStreamsHoldAtMostTheirWindows() throws Exception {
        int streams = 40;
        try (SessionPair pair = SessionPair.open(SessionPair.quiet());
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Stream> accepted = new ArrayList<>();
            List<Future<?>> writers = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                Stream opened = pair.client.open();
                accepted.add(pair.server.accept());
                long seed = i;
                writers.add(threads.submit(() -> Bytes.writeRandom(opened.outputStream(), 4L * 1024 * 1024, seed)));
            }
            await().until(() -> accepted.stream().allMatch(s -> s.bufferedBytes() == s.receiveWindowSize()));
            long total = accepted.stream().mapToLong(Stream::bufferedBytes).sum();
            assertThat(total).isEqualTo((long) streams * SessionConfig.SPEC_INITIAL_WINDOW);
            assertThat(writers).noneMatch(Future::isDone);
            accepted.forEach(Stream::reset);
            for (Future<?> writer : writers) {
                assertThatThrownBy(() -> writer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StreamResetException.class);
            }
        }
    }

    @Test
    void randomResetsAndClosesNeverHangAnyone() throws Exception {
        java.util.Random random = new java.util.Random(99);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor();
                SessionPair pair = SessionPair.open(SessionPair.quiet(), 5000)) {
            threads.submit(() -> {
                while (true) {
                    Stream s = pair.server.accept();
                    int fate = Math.floorMod(s.id() * 31, 4);
                    threads.submit(() -> {
                        try {
                            byte[] buffer = new byte[8192];
                            long read = 0;
                            int n;
                            while ((n = s.inputStream().read(buffer)) >= 0) {
                                read += n;
                                if (fate == 0 && read > 100_000) {
                                    s.reset();
                                    return null;
                                }
                                if (fate == 1 && read > 50_000) {
                                    s.close();
                                    return null;
                                }
                                s.outputStream().write(buffer, 0, n);
                            }
                            s.closeWrite();
                        } catch (IOException expected) {
                            s.reset();
                        }
                        return null;
                    });
                }
            });
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                int size = 10_000 + random.nextInt(400_000);
                boolean resetEarly = random.nextInt(5) == 0;
                clients.add(threads.submit(() -> {
                    Stream s = pair.client.open();
                    Future<String> reader = threads.submit(() -> Bytes.readAll(s.inputStream()));
                    try {
                        Bytes.writeRandom(s.outputStream(), size, size);
                        if (resetEarly) {
                            s.reset();
                        } else {
                            s.closeWrite();
                        }
                    } catch (IOException expected) {
                        // reset or closed by the server
                    }
                    try {
                        reader.get(30, TimeUnit.SECONDS);
                    } catch (ExecutionException expected) {
                        // reset by either side
                    }
                    s.close();
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get(60, TimeUnit.SECONDS);
            }
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(pair.client.openStreams()).isEmpty();
                assertThat(pair.server.openStreams()).isEmpty();
            });
        }
    }

    @Test
    void windowGrowsForAConsumerThatKeepsUpAndStaysForOneThatDoesNot() throws Exception {
        SessionConfig config = SessionPair.quiet().withWindows(SessionConfig.SPEC_INITIAL_WINDOW, 2 * 1024 * 1024);
        try (SessionPair pair = SessionPair.open(config);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            // No RTT measured yet: a consumer that keeps its buffer near empty earns a larger window.
            Stream fast = pair.client.open();
            Stream fastAccepted = pair.server.accept();
            Future<String> drained = threads.submit(() -> Bytes.readAll(fastAccepted.inputStream()));
            Bytes.writeRandom(fast.outputStream(), 16L * 1024 * 1024, 1);
            fast.closeWrite();
            drained.get(30, TimeUnit.SECONDS);
            assertThat(fastAccepted.receiveWindowSize()).isEqualTo(2 * 1024 * 1024);

            Stream slow = pair.client.open();
            Stream slowAccepted = pair.server.accept();
            threads.submit(() -> Bytes.writeRandom(slow.outputStream(), 4L * 1024 * 1024, 2));
            await().until(() -> slowAccepted.bufferedBytes() == slowAccepted.receiveWindowSize());
            // Half a window read: credit goes back, but the buffer stayed full, so no growth.
            slowAccepted.inputStream().readNBytes(SessionConfig.SPEC_INITIAL_WINDOW / 2);
            await().until(() -> slowAccepted.bufferedBytes() == slowAccepted.receiveWindowSize());
            assertThat(slowAccepted.receiveWindowSize()).isEqualTo(SessionConfig.SPEC_INITIAL_WINDOW);
            slowAccepted.reset();
        }
    }

    @Test
    void windowGrowthStopsAtTheSessionBudget() throws Exception {
        SessionConfig config = SessionPair.quiet()
                .withWindows(SessionConfig.SPEC_INITIAL_WINDOW, 4 * 1024 * 1024)
                .withWindowGrowthBudget(SessionConfig.SPEC_INITIAL_WINDOW);
        try (SessionPair pair = SessionPair.open(config);
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            Future<String> drained = threads.submit(() -> Bytes.readAll(accepted.inputStream()));
            Bytes.writeRandom(opened.outputStream(), 8L * 1024 * 1024, 1);
            opened.closeWrite();
            drained.get(30, TimeUnit.SECONDS);
            assertThat(accepted.receiveWindowSize()).isEqualTo(2L * SessionConfig.SPEC_INITIAL_WINDOW);
        }
    }

    @Test
    void largerInitialWindowIsAnnouncedWithSynAndAck() throws Exception {
        SessionConfig config = SessionPair.quiet().withWindows(1024 * 1024, 4 * 1024 * 1024);
        try (SessionPair pair = SessionPair.open(config)) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            opened.established().get(5, TimeUnit.SECONDS);
            // The opener may send the whole 1 MiB before anyone reads.
            opened.outputStream().write(new byte[1024 * 1024]);
            await().until(() -> accepted.bufferedBytes() == 1024 * 1024);
            accepted.outputStream().write(new byte[1024 * 1024]);
            await().until(() -> opened.bufferedBytes() == 1024 * 1024);
        }
    }

    @Test
    void halfCloseLetsTheOtherDirectionFinish() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            Stream opened = pair.client.open();
            opened.outputStream().write("request".getBytes(StandardCharsets.UTF_8));
            opened.closeWrite();
            assertThatThrownBy(() -> opened.outputStream().write(1)).isInstanceOf(IOException.class);
            Stream accepted = pair.server.accept();
            assertThat(accepted.inputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("request");
            assertThat(accepted.inputStream().read()).isEqualTo(-1);
            accepted.outputStream().write("response".getBytes(StandardCharsets.UTF_8));
            accepted.closeWrite();
            assertThat(opened.inputStream().readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("response");
            await().until(() -> pair.client.streamCount() == 0 && pair.server.streamCount() == 0);
        }
    }

    @Test
    void resetFailsReadsAndWritesOnBothSides() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet());
                var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            Future<Integer> blockedRead = threads.submit(() -> opened.inputStream().read());
            accepted.reset();
            assertThatThrownBy(blockedRead::get).hasCauseInstanceOf(StreamResetException.class);
            await().untilAsserted(() -> assertThatThrownBy(() -> opened.outputStream().write(new byte[10]))
                    .isInstanceOf(StreamResetException.class).hasMessageContaining("by the peer"));
            assertThatThrownBy(() -> accepted.inputStream().read())
                    .isInstanceOf(StreamResetException.class).hasMessageContaining("locally");
            await().until(() -> pair.client.streamCount() == 0 && pair.server.streamCount() == 0);
        }
    }

    @Test
    void closingWithUnreadDataResetsThePeer() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            Stream opened = pair.client.open();
            opened.outputStream().write(new byte[1000]);
            Stream accepted = pair.server.accept();
            await().until(() -> accepted.bufferedBytes() == 1000);
            accepted.close();
            await().untilAsserted(() -> assertThatThrownBy(() -> opened.outputStream().write(new byte[10]))
                    .isInstanceOf(StreamResetException.class));
        }
    }

    @Test
    void readTimeoutFailsWithoutBreakingTheStream() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            accepted.setReadTimeout(Duration.ofMillis(100));
            assertThatThrownBy(() -> accepted.inputStream().read()).isInstanceOf(SocketTimeoutException.class);
            opened.outputStream().write(42);
            assertThat(accepted.inputStream().read()).isEqualTo(42);
        }
    }

    @Test
    void fullBacklogRefusesNewStreams() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet().withAcceptBacklog(2))) {
            Stream first = pair.client.open();
            Stream second = pair.client.open();
            Stream third = pair.client.open();
            assertThatThrownBy(() -> third.established().get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(StreamResetException.class);
            assertThat(pair.server.accept().id()).isEqualTo(first.id());
            assertThat(pair.server.accept().id()).isEqualTo(second.id());
            first.established().get(5, TimeUnit.SECONDS);
            assertThat(pair.server.accept(Duration.ofMillis(50))).isEmpty();
        }
    }

    @Test
    void pingMeasuresRoundTripTime() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            assertThat(pair.client.rtt()).isEmpty();
            Duration rtt = pair.client.ping().get(5, TimeUnit.SECONDS);
            assertThat(rtt).isPositive();
            assertThat(pair.client.rtt()).contains(rtt);
            assertThat(pair.server.ping().get(5, TimeUnit.SECONDS)).isPositive();
        }
    }

    @Test
    void keepAlivePingsOnItsOwn() throws Exception {
        SessionConfig config = SessionConfig.defaults().withKeepAlive(Duration.ofMillis(20), Duration.ofSeconds(5));
        try (SessionPair pair = SessionPair.open(config)) {
            await().until(() -> pair.client.rtt().isPresent() && pair.server.rtt().isPresent());
        }
    }

    @Test
    void goAwayRefusesNewStreamsButKeepsOpenOnes() throws Exception {
        try (SessionPair pair = SessionPair.open(SessionPair.quiet())) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            pair.server.goAway();
            pair.client.remoteGoAwayReceived().get(5, TimeUnit.SECONDS);
            assertThat(pair.client.isRemoteGoingAway()).isTrue();
            assertThatThrownBy(pair.client::open).isInstanceOf(SessionClosedException.class)
                    .hasMessageContaining("going away");
            opened.outputStream().write(7);
            assertThat(accepted.inputStream().read()).isEqualTo(7);
            // The side that sent GO_AWAY may still open streams towards the other side.
            Stream late = pair.server.open();
            assertThat(pair.client.accept().id()).isEqualTo(late.id());
        }
    }

    @Test
    void transportLossFailsEveryBlockedCallAndStopsTheLoops() throws Exception {
        SessionConfig config = SessionConfig.defaults().withKeepAlive(Duration.ofMillis(50), Duration.ofSeconds(5));
        SessionPair pair = SessionPair.open(config);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream opened = pair.client.open();
            Stream accepted = pair.server.accept();
            Future<?> writer = threads.submit(() -> Bytes.writeRandom(opened.outputStream(), Long.MAX_VALUE, 1));
            Future<?> reader = threads.submit(() -> {
                InputStream in = accepted.inputStream();
                byte[] buffer = new byte[10_000];
                long total = 0;
                while (total < 5_000_000) {
                    total += in.read(buffer);
                }
                return Bytes.readAll(in); // goes on reading until the transport dies
            });
            Future<Stream> acceptor = threads.submit(() -> pair.client.accept());
            Future<Integer> idleRead = threads.submit(() -> pair.client.open().inputStream().read());
            await().until(() -> pair.server.rtt().isPresent());
            Thread.yield();
            pair.pipe.client().disconnect();

            for (Future<?> blocked : List.of(writer, reader, acceptor, idleRead)) {
                assertThatThrownBy(() -> blocked.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SessionClosedException.class);
            }
            pair.client.terminated().get(10, TimeUnit.SECONDS);
            pair.server.terminated().get(10, TimeUnit.SECONDS);
            for (Session session : List.of(pair.client, pair.server)) {
                assertThat(session.isClosed()).isTrue();
                assertThat(session.writerAlive()).isFalse();
                assertThat(session.keepAliveAlive()).isFalse();
                assertThat(session.streamCount()).isZero();
                assertThat(session.closeCause()).isPresent();
                assertThatThrownBy(session::open).isInstanceOf(SessionClosedException.class);
                assertThatThrownBy(() -> session.ping().get()).hasCauseInstanceOf(SessionClosedException.class);
            }
            pair.pipe.client().deliveryStopped().get(5, TimeUnit.SECONDS);
            pair.pipe.server().deliveryStopped().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void closeFlushesWrittenDataThenEndsBothSessions() throws Exception {
        SessionConfig config = SessionConfig.defaults().withKeepAlive(Duration.ofMillis(50), Duration.ofSeconds(5));
        SessionPair pair = SessionPair.open(config);
        Stream opened = pair.client.open();
        String sent = Bytes.writeRandom(opened.outputStream(), 200_000, 5); // within the window: never blocks
        opened.closeWrite();
        Stream accepted = pair.server.accept();
        await().until(() -> accepted.bufferedBytes() > 0);
        pair.client.close();
        pair.client.terminated().get(10, TimeUnit.SECONDS);
        pair.server.terminated().get(10, TimeUnit.SECONDS);
        assertThat(pair.client.keepAliveAlive()).isFalse();
        assertThat(pair.server.keepAliveAlive()).isFalse();
        assertThat(pair.server.writerAlive()).isFalse();
        // Everything written before close, and the FIN, arrived before the transport closed.
        assertThat(Bytes.readAll(accepted.inputStream())).isEqualTo(sent + "/200000");
    }

    @Test
    void closeAfterTheReaderDrainedDeliversEverything() throws Exception {
        SessionPair pair = SessionPair.open(SessionPair.quiet());
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Stream opened = pair.client.open();
            Future<String> received = threads.submit(() -> Bytes.readAll(pair.server.accept().inputStream()));
            String sent = Bytes.writeRandom(opened.outputStream(), 5_000_000, 5);
            opened.closeWrite();
            pair.client.close(); // flushes the queued frames, including the FIN, before closing
            assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(sent + "/5000000");
            pair.server.terminated().get(10, TimeUnit.SECONDS);
        }
    }
}
