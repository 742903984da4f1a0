package dev.jcoder.tunnel.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

    private record Decoded(FrameHeader header, byte[] payload) {
    }

    @Test
    void headerRoundTripsEveryTypeAndFlag() throws Exception {
        for (FrameType type : FrameType.values()) {
            for (int flags = 0; flags <= 0xF; flags++) {
                FrameHeader header = new FrameHeader(type, flags, 0x7FFF_FFF1, 0xFFFF_FFFE);
                ByteBuffer buffer = ByteBuffer.allocate(FrameHeader.SIZE);
                header.encode(buffer);
                buffer.flip();
                assertThat(FrameHeader.decode(buffer)).isEqualTo(header);
            }
        }
    }

    @Test
    void headerIsBigEndianAsTheSpecSays() {
        ByteBuffer buffer = ByteBuffer.allocate(FrameHeader.SIZE);
        new FrameHeader(FrameType.WINDOW_UPDATE, Flags.SYN | Flags.FIN, 3, 0x01020304).encode(buffer);
        assertThat(buffer.array()).containsExactly(0, 1, 0, 5, 0, 0, 0, 3, 1, 2, 3, 4);
        assertThat(new FrameHeader(FrameType.PING, 0, 0, -1).unsignedLength()).isEqualTo(0xFFFF_FFFFL);
    }

    @Test
    void decoderReassemblesFramesSplitAnywhere() throws Exception {
        Random random = new Random(42);
        List<Decoded> sent = new ArrayList<>();
        ByteBuffer wire = ByteBuffer.allocate(1 << 20);
        for (int i = 0; i < 200; i++) {
            FrameType type = FrameType.values()[random.nextInt(4)];
            byte[] payload = type == FrameType.DATA ? new byte[random.nextInt(3000)] : new byte[0];
            random.nextBytes(payload);
            int length = type == FrameType.DATA ? payload.length : random.nextInt();
            FrameHeader header = new FrameHeader(type, random.nextInt(16), random.nextInt(1000), length);
            header.encode(wire);
            wire.put(payload);
            sent.add(new Decoded(header, payload));
        }
        wire.flip();
        List<Decoded> received = new ArrayList<>();
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        while (wire.hasRemaining()) {
            int n = Math.min(wire.remaining(), 1 + random.nextInt(50));
            ByteBuffer piece = wire.slice(wire.position(), n);
            wire.position(wire.position() + n);
            decoder.feed(piece, (h, p) -> received.add(new Decoded(h, p)));
            assertThat(piece.hasRemaining()).isFalse();
        }
        assertThat(received).hasSameSizeAs(sent);
        for (int i = 0; i < sent.size(); i++) {
            assertThat(received.get(i).header()).isEqualTo(sent.get(i).header());
            assertThat(received.get(i).payload()).isEqualTo(sent.get(i).payload());
        }
    }

    @Test
    void decoderRejectsUnknownVersionTypeAndOversizedData() {
        FrameDecoder decoder = new FrameDecoder(1024);
        assertThatThrownBy(() -> decoder.feed(ByteBuffer.wrap(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}), (h, p) -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("version 1");
        assertThatThrownBy(() -> new FrameDecoder(1024).feed(ByteBuffer.wrap(new byte[] {0, 9, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0}), (h, p) -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("type 9");
        ByteBuffer big = ByteBuffer.allocate(FrameHeader.SIZE);
        new FrameHeader(FrameType.DATA, 0, 1, 4096).encode(big);
        big.flip();
        assertThatThrownBy(() -> new FrameDecoder(1024).feed(big, (h, p) -> { }))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("4096");
    }
}
