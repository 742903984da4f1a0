package dev.jcoder.agent.pty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutputRingTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String text(OutputRing ring) {
        return new String(ring.snapshot(), StandardCharsets.US_ASCII);
    }

    @Test
    void keepsEverythingBelowCapacity() {
        OutputRing ring = new OutputRing(8);
        ring.append(bytes("abc"), 0, 3);
        ring.append(bytes("xdey"), 1, 2);
        assertThat(text(ring)).isEqualTo("abcde");
    }

    @Test
    void keepsTheNewestBytesWhenItWraps() {
        OutputRing ring = new OutputRing(8);
        ring.append(bytes("abcdef"), 0, 6);
        ring.append(bytes("ghij"), 0, 4);
        assertThat(text(ring)).isEqualTo("cdefghij");
        ring.append(bytes("kl"), 0, 2);
        assertThat(text(ring)).isEqualTo("efghijkl");
    }

    @Test
    void aWriteLargerThanTheBufferKeepsItsTail() {
        OutputRing ring = new OutputRing(4);
        ring.append(bytes("ab"), 0, 2);
        ring.append(bytes("0123456789"), 0, 10);
        assertThat(text(ring)).isEqualTo("6789");
    }
}
