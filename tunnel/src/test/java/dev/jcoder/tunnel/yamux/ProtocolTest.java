package dev.jcoder.tunnel.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcoder.tunnel.transport.CloseCodes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The session against a hand-driven peer: exact frames on the wire, and how it treats bad ones. */
@Timeout(30)
class ProtocolTest {

    private static SessionConfig quiet() {
        return SessionPair.quiet();
    }

    @Test
    void openSendsSynAndAcceptSendsAck() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.client(peer, quiet());
        Stream stream = session.open();
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN, 1, 0));
        stream.outputStream().write(new byte[] {1, 2, 3});
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.DATA, 0, 1, 3));
        stream.closeWrite();
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.DATA, Flags.FIN, 1, 0));

        peer.inject(new FrameHeader(FrameType.DATA, Flags.SYN, 2, 2), new byte[] {9, 8});
        Stream accepted = session.accept();
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.ACK, 2, 0));
        assertThat(accepted.inputStream().readNBytes(2)).containsExactly(9, 8);
        session.close();
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.NORMAL.code()));
        assertThat(peer.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.NORMAL);
    }

    @Test
    void queuedFramesFillWholeMessagesAndContinueInTheNext() throws Exception {
        RawPeer peer = new RawPeer();
        CompletableFuture<Void> held = new CompletableFuture<>();
        peer.gate = held;
        Session session = Session.client(peer, quiet());
        Stream stream = session.open(); // the SYN goes out alone and its send is held
        await().until(() -> peer.messageSizes.size() == 1);
        byte[] data = new byte[100_000];
        new java.util.Random(1).nextBytes(data);
        for (int off = 0; off < data.length; off += 30_000) {
            stream.write(data, off, Math.min(30_000, data.length - off));
        }
        peer.gate = CompletableFuture.completedFuture(null);
        held.complete(null);
        int wire = 4 * FrameHeader.SIZE + data.length;
        await().until(() -> peer.messageSizes.stream().mapToInt(Integer::intValue).sum() == FrameHeader.SIZE + wire);
        assertThat(peer.messageSizes).containsExactly(FrameHeader.SIZE, 65536, wire - 65536);
        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        for (byte[] payload : peer.payloads) {
            received.write(payload);
        }
        assertThat(received.toByteArray()).isEqualTo(data);
    }

    @Test
    void resetDropsQueuedFramesAndNeverOvertakesItsSyn() throws Exception {
        RawPeer peer = new RawPeer();
        CompletableFuture<Void> held = new CompletableFuture<>();
        peer.gate = held;
        Session session = Session.client(peer, quiet());
        Stream sent = session.open(); // its SYN is on the wire, the send is held
        await().until(() -> peer.messageSizes.size() == 1);
        sent.write(new byte[1000], 0, 1000);
        Stream unsent = session.open(); // its SYN is still queued
        unsent.write(new byte[1000], 0, 1000);
        unsent.reset();
        sent.reset();
        peer.gate = CompletableFuture.completedFuture(null);
        held.complete(null);
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN, 1, 0));
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 1, 0));
        session.close();
        // Nothing about stream 3 and no data: only the GO_AWAY follows.
        assertThat(peer.next().type()).isEqualTo(FrameType.GO_AWAY);
        assertThat(peer.payloads).isEmpty();
        assertThat(session.streamCount()).isZero();
    }

    @Test
    void consumerReturnsCreditAfterReadingHalfTheWindow() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.server(peer, quiet());
        int half = SessionConfig.SPEC_INITIAL_WINDOW / 2;
        peer.inject(new FrameHeader(FrameType.DATA, Flags.SYN, 1, half), new byte[half]);
        Stream stream = session.accept();
        assertThat(peer.next().has(Flags.ACK)).isTrue();
        stream.inputStream().readNBytes(half - 1);
        assertThat(peer.sent.poll(100, TimeUnit.MILLISECONDS)).isNull();
        stream.inputStream().read();
        FrameHeader update = peer.next();
        assertThat(update.type()).isEqualTo(FrameType.WINDOW_UPDATE);
        assertThat(update.streamId()).isEqualTo(1);
        assertThat(update.unsignedLength()).isGreaterThanOrEqualTo(half);
    }

    @Test
    void synAfterGoAwayIsRefusedWithReset() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.server(peer, quiet());
        session.goAway();
        assertThat(peer.next().type()).isEqualTo(FrameType.GO_AWAY);
        peer.inject(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN, 1, 0), new byte[0]);
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 1, 0));
        assertThat(session.accept(Duration.ofMillis(10))).isEmpty();
    }

    @Test
    void answersPingsAndIgnoresFramesForForgottenStreams() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.server(peer, quiet());
        peer.inject(new FrameHeader(FrameType.DATA, 0, 41, 3), new byte[3]);
        peer.inject(new FrameHeader(FrameType.PING, Flags.SYN, 0, 77), new byte[0]);
        assertThat(peer.sent.poll(5, TimeUnit.SECONDS)).isEqualTo(new FrameHeader(FrameType.PING, Flags.ACK, 0, 77));
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void dataBeyondTheWindowIsAProtocolError() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.server(peer, quiet());
        int tooMuch = SessionConfig.SPEC_INITIAL_WINDOW + 1;
        peer.inject(new FrameHeader(FrameType.DATA, Flags.SYN, 1, tooMuch), new byte[tooMuch]);
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.PROTOCOL_ERROR.code()));
        assertThat(peer.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        session.terminated().get(5, TimeUnit.SECONDS);
        assertThat(session.closeCause()).get().extracting(Throwable::getCause).isInstanceOf(ProtocolException.class);
    }

    @Test
    void badVersionAndWrongParityEndTheSession() throws Exception {
        RawPeer first = new RawPeer();
        Session a = Session.server(first, quiet());
        first.inject(new byte[] {7, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0});
        assertThat(first.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        a.terminated().get(5, TimeUnit.SECONDS);

        RawPeer second = new RawPeer();
        Session b = Session.server(second, quiet());
        second.inject(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN, 2, 0), new byte[0]); // even id from a client
        assertThat(second.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.PROTOCOL_ERROR);
        b.terminated().get(5, TimeUnit.SECONDS);
    }

    @Test
    void goAwayWithAnErrorEndsTheSession() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.client(peer, quiet());
        peer.inject(new FrameHeader(FrameType.GO_AWAY, 0, 0, GoAwayCode.INTERNAL_ERROR.code()), new byte[0]);
        session.terminated().get(5, TimeUnit.SECONDS);
        assertThat(session.closeCause()).get().extracting(Throwable::getMessage).asString().contains("INTERNAL_ERROR");
    }

    @Test
    void unacknowledgedOpenIsResetAfterTheTimeout() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.client(peer, quiet().withStreamOpenTimeout(Duration.ofMillis(200)));
        Stream stream = session.open();
        assertThat(peer.next().has(Flags.SYN)).isTrue();
        assertThatThrownBy(() -> stream.established().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(StreamResetException.class).hasMessageContaining("did not accept");
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 1, 0));
        await().until(() -> session.streamCount() == 0);
    }

    @Test
    void closedStreamWhosePeerNeverFinishesIsResetAfterTheCloseTimeout() throws Exception {
        RawPeer peer = new RawPeer();
        Session session = Session.client(peer, quiet().withStreamCloseTimeout(Duration.ofMillis(200)));
        Stream stream = session.open();
        assertThat(peer.next().has(Flags.SYN)).isTrue();
        peer.inject(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.ACK, 1, 0), new byte[0]);
        stream.close();
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.DATA, Flags.FIN, 1, 0));
        assertThat(session.streamCount()).isEqualTo(1); // waiting for the peer's FIN
        assertThat(peer.next()).isEqualTo(new FrameHeader(FrameType.WINDOW_UPDATE, Flags.RST, 1, 0));
        await().until(() -> session.streamCount() == 0);
    }

    @Test
    void peerThatFloodsPingsWithoutReadingIsCutOff() throws Exception {
        RawPeer peer = new RawPeer();
        peer.gate = new CompletableFuture<>(); // our first send never completes: the peer reads nothing
        Session session = Session.server(peer, quiet().withCloseTimeout(Duration.ofMillis(200)));
        for (int i = 0; i < 3 * FrameWriter.MAX_CONTROL_FRAMES && !session.isClosed(); i++) {
            peer.inject(new FrameHeader(FrameType.PING, Flags.SYN, 0, i), new byte[0]);
        }
        session.terminated().get(10, TimeUnit.SECONDS);
        assertThat(session.closeCause()).get().extracting(Throwable::getMessage).asString().contains("faster than it read");
        assertThat(peer.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.PROTOCOL_ERROR);
    }

    @Test
    void silentPeerFailsTheKeepAlive() throws Exception {
        RawPeer peer = new RawPeer(); // never answers pings
        Session session = Session.client(peer,
                SessionConfig.defaults().withKeepAlive(Duration.ofMillis(50), Duration.ofMillis(300)));
        Stream stream = session.open();
        session.terminated().get(10, TimeUnit.SECONDS);
        assertThat(session.closeCause()).get().extracting(Throwable::getMessage).asString().contains("keepalive");
        assertThat(peer.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(CloseCodes.INTERNAL_ERROR);
        assertThatThrownBy(() -> stream.inputStream().read()).isInstanceOf(SessionClosedException.class);
        assertThat(session.keepAliveAlive()).isFalse();
        assertThat(session.writerAlive()).isFalse();
    }

    @Test
    void wedgedTransportDoesNotKeepTheWriterAlive() throws Exception {
        // A transport whose sends never complete: close must still end within the close timeout.
        RawPeer base = new RawPeer();
        var wedged = new dev.jcoder.tunnel.transport.MessageTransport() {
            @Override
            public void start(dev.jcoder.tunnel.transport.TransportListener listener) {
                base.start(listener);
            }

            @Override
            public java.util.concurrent.CompletableFuture<Void> send(java.nio.ByteBuffer message) {
                return new java.util.concurrent.CompletableFuture<>();
            }

            @Override
            public void close(int code, String reason) {
                base.close(code, reason);
            }
        };
        Session session = Session.client(wedged, quiet().withCloseTimeout(Duration.ofMillis(300)));
        session.open();
        await().atMost(Duration.ofSeconds(5)).until(session::writerAlive);
        session.close();
        session.terminated().get(10, TimeUnit.SECONDS);
        assertThat(session.writerAlive()).isFalse();
    }
}
