package dev.jcoder.cli.connect;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to a {@link Writer}, decoded as UTF-8 (a sequence split across writes is kept until it is
 * complete). For commands run in-process with picocli's writers instead of the process's stdout.
 */
final class WriterOutputStream extends OutputStream {
    private final Writer writer;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(8);
    private final CharBuffer chars = CharBuffer.allocate(8192);

    WriterOutputStream(Writer writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        ByteBuffer input;
        if (pending.position() > 0) {
            pending.flip();
            input = ByteBuffer.allocate(pending.remaining() + len);
            input.put(pending).put(b, off, len).flip();
            pending.clear();
        } else {
            input = ByteBuffer.wrap(b, off, len);
        }
        while (true) {
            var result = decoder.decode(input, chars, false);
            chars.flip();
            writer.append(chars);
            chars.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        pending.put(input); // an incomplete sequence (at most 3 bytes)
    }

    @Override
    public synchronized void flush() throws IOException {
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
