package dev.jcoder.agent.pty;

/** The last {@code capacity} bytes a terminal printed, replayed to a client that (re)attaches. Not thread-safe. */
final class OutputRing {
    private final byte[] buffer;
    private int start;
    private int size;

    OutputRing(int capacity) {
        this.buffer = new byte[capacity];
    }

    void append(byte[] bytes, int offset, int length) {
        if (length >= buffer.length) {
            System.arraycopy(bytes, offset + length - buffer.length, buffer, 0, buffer.length);
            start = 0;
            size = buffer.length;
            return;
        }
        int end = (start + size) % buffer.length;
        int first = Math.min(length, buffer.length - end);
        System.arraycopy(bytes, offset, buffer, end, first);
        System.arraycopy(bytes, offset + first, buffer, 0, length - first);
        int overflow = Math.max(0, size + length - buffer.length);
        start = (start + overflow) % buffer.length;
        size = Math.min(buffer.length, size + length);
    }

    /** The buffered bytes, oldest first. */
    byte[] snapshot() {
        byte[] copy = new byte[size];
        int first = Math.min(size, buffer.length - start);
        System.arraycopy(buffer, start, copy, 0, first);
        System.arraycopy(buffer, 0, copy, first, size - first);
        return copy;
    }
}
