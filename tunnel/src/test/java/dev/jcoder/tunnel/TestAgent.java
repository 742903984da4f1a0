package dev.jcoder.tunnel;

import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceStatus;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The agent's side of the tunnel in miniature: accepts streams, reads their header and serves
 * {@code tcp} (connect and pump, "refused" when nothing listens) and {@code speedtest}; anything
 * else is answered as unsupported. Stops when the session ends or on {@link #close()}.
 */
public final class TestAgent implements AutoCloseable {
    private final Session session;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    private TestAgent(Session session) {
        this.session = session;
    }

    /** Serves the streams the peer opens on {@code session}. */
    public static TestAgent serve(Session session) {
        TestAgent agent = new TestAgent(session);
        agent.threads.submit(agent::acceptLoop);
        return agent;
    }

    private Void acceptLoop() {
        try {
            while (true) {
                Stream stream = session.accept();
                threads.submit(() -> serve(stream));
            }
        } catch (IOException e) {
            return null; // the session ended
        }
    }

    private Void serve(Stream stream) throws IOException {
        ServiceRequest request;
        try {
            request = ServiceHeaders.readRequest(stream.inputStream());
        } catch (ServiceHeaderException e) {
            ServiceHeaders.reject(stream, e.status(), e.getMessage());
            stream.close();
            return null;
        }
        switch (request) {
            case ServiceRequest.Tcp tcp -> {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), 5000);
                } catch (ConnectException e) {
                    socket.close();
                    ServiceHeaders.reject(stream, ServiceStatus.REFUSED,
                            "Nothing is listening on " + tcp.host() + ":" + tcp.port() + " in the workspace.");
                    stream.close();
                    return null;
                }
                ServiceHeaders.accept(stream);
                BytePump.start(Duplex.of(stream), Duplex.of(socket));
            }
            case ServiceRequest.Speedtest speedtest -> {
                ServiceHeaders.accept(stream);
                InputStream in = stream.inputStream();
                threads.submit(() -> in.transferTo(OutputStream.nullOutputStream()));
                byte[] block = new byte[64 * 1024];
                long left = speedtest.downloadBytes();
                while (left > 0) {
                    int n = (int) Math.min(left, block.length);
                    stream.write(block, 0, n);
                    left -= n;
                }
                stream.closeWrite();
            }
            case ServiceRequest.Ssh ssh -> {
                ServiceHeaders.reject(stream, ServiceStatus.UNSUPPORTED, "This agent has no SSH server.");
                stream.close();
            }
            case ServiceRequest.ReconnectingPty pty -> {
                ServiceHeaders.reject(stream, ServiceStatus.UNSUPPORTED, "This agent has no PTYs.");
                stream.close();
            }
        }
        return null;
    }

    @Override
    public void close() {
        session.close();
        threads.shutdownNow();
    }
}
