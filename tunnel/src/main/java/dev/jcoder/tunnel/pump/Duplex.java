package dev.jcoder.tunnel.pump;

import dev.jcoder.tunnel.yamux.Stream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.Objects;

/** A bidirectional byte stream that can half-close its output, as {@link BytePump} needs it. */
public interface Duplex {

    /** Where bytes come from. */
    InputStream input() throws IOException;

    /** Where bytes go. */
    OutputStream output() throws IOException;

    /** Signals the end of output to the other side (FIN, TCP shutdown), keeping input open. */
    void closeWrite() throws IOException;

    /** Closes both directions gracefully. Idempotent. */
    void close() throws IOException;

    /** Closes both directions because something failed (RST where the medium has one). Idempotent. */
    default void abort() throws IOException {
        close();
    }

    /** A yamux stream: half-close is FIN, abort is RST. */
    static Duplex of(Stream stream) {
        Objects.requireNonNull(stream, "stream");
        return new Duplex() {
            @Override
            public InputStream input() {
                return stream.inputStream();
            }

            @Override
            public OutputStream output() {
                return stream.outputStream();
            }

            @Override
            public void closeWrite() {
                stream.closeWrite();
            }

            @Override
            public void close() {
                stream.close();
            }

            @Override
            public void abort() {
                stream.reset();
            }

            @Override
            public String toString() {
                return stream.toString();
            }
        };
    }

    /** A connected TCP socket: half-close is {@code shutdownOutput}, abort closes with linger 0 (RST). */
    static Duplex of(Socket socket) {
        Objects.requireNonNull(socket, "socket");
        return new Duplex() {
            @Override
            public InputStream input() throws IOException {
                return socket.getInputStream();
            }

            @Override
            public OutputStream output() throws IOException {
                return socket.getOutputStream();
            }

            @Override
            public void closeWrite() throws IOException {
                if (!socket.isClosed() && !socket.isOutputShutdown()) {
                    socket.shutdownOutput();
                }
            }

            @Override
            public void close() throws IOException {
                socket.close();
            }

            @Override
            public void abort() throws IOException {
                if (!socket.isClosed()) {
                    socket.setSoLinger(true, 0);
                }
                socket.close();
            }

            @Override
            public String toString() {
                return socket.toString();
            }
        };
    }

    /**
     * A pair of plain streams (for example stdin and stdout): half-close closes {@code out};
     * {@code onClose} runs once both directions are done.
     */
    static Duplex of(InputStream in, OutputStream out, Closeable onClose) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(onClose, "onClose");
        return new Duplex() {
            @Override
            public InputStream input() {
                return in;
            }

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public void closeWrite() throws IOException {
                out.close();
            }

            @Override
            public void close() throws IOException {
                try (onClose; in; out) {
                    // closes all three, even if one fails
                }
            }
        };
    }
}
