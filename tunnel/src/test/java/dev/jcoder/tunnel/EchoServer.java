package dev.jcoder.tunnel;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback TCP server that echoes each connection until its input ends, then half-closes. */
public final class EchoServer implements AutoCloseable {
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private EchoServer() throws IOException {
        server = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public static EchoServer start() throws IOException {
        return new EchoServer();
    }

    public int port() {
        return server.getLocalPort();
    }

    private Void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                threads.submit(() -> {
                    try (socket) {
                        socket.getInputStream().transferTo(socket.getOutputStream());
                        socket.shutdownOutput();
                    }
                    return null;
                });
            }
        } catch (IOException e) {
            return null; // closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }
}
