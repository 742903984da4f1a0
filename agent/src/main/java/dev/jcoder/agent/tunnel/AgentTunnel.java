package dev.jcoder.agent.tunnel;

import dev.jcoder.agent.pty.ReconnectingPtyService;
import dev.jcoder.agent.ssh.AgentSshServer;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.AgentHttpApi;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceStatus;
import dev.jcoder.tunnel.transport.JdkWebSocketTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.SessionStats;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's end of its tunnel: dials {@code GET /api/v2/workspaceagents/me/tunnel} (WebSocket,
 * the agent is the yamux client), serves the streams coderd opens, and dials again with back-off
 * whenever the tunnel ends (server restart, network loss) or coderd sends GO_AWAY. Streams:
 * {@code ssh} goes straight into the SSH server, {@code tcp} to a port on the workspace's loopback
 * (or to the agent's own HTTP API, see {@link AgentHttpApi}), {@code speedtest} is answered here;
 * {@code reconnecting-pty} goes to the {@link ReconnectingPtyService} (the web terminal).
 */
public final class AgentTunnel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AgentTunnel.class);
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "localhost", "::1", "0.0.0.0");

    private final AgentClient client;
    private final AgentSshServer ssh;
    private final ReconnectingPtyService ptys;
    private final Function<String, byte[]> agentApi;
    private final RetryPolicy retry;
    private final Runnable onConnected;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong tcpConnections = new AtomicLong();
    private final AtomicLong bytesSentBefore = new AtomicLong();
    private final AtomicLong bytesReceivedBefore = new AtomicLong();
    private volatile Session session;
    private volatile boolean closed;
    private Thread dialer;

    /**
     * @param agentApi    answers a request path of the agent's HTTP API with a full HTTP response
     * @param onConnected runs after each successful dial (re-report state the server may have lost)
     */
    public AgentTunnel(AgentClient client, AgentSshServer ssh, ReconnectingPtyService ptys, Function<String, byte[]> agentApi,
            RetryPolicy retry, Runnable onConnected) {
        this.client = client;
        this.ssh = ssh;
        this.ptys = ptys;
        this.agentApi = agentApi;
        this.retry = retry;
        this.onConnected = onConnected;
    }

    public synchronized void start() {
        dialer = Thread.ofVirtual().name("agent-tunnel").start(this::dialLoop);
    }

    /** True while a tunnel is up. */
    public boolean connected() {
        Session current = session;
        return current != null && !current.isClosed();
    }

    /** Open port-forward connections. */
    public long tcpConnections() {
        return tcpConnections.get();
    }

    /** Payload bytes sent and received over every tunnel since the agent started: {@code [sent, received]}. */
    public long[] totalBytes() {
        Session current = session;
        SessionStats stats = current == null ? null : current.stats();
        return new long[] {
            bytesSentBefore.get() + (stats == null ? 0 : stats.dataBytesSent()),
            bytesReceivedBefore.get() + (stats == null ? 0 : stats.dataBytesReceived())};
    }

    private void dialLoop() {
        int failures = 0;
        while (!closed) {
            Session current;
            try {
                JdkWebSocketTransport transport = JdkWebSocketTransport.connect(http, client.tunnelUri(),
                        client.authHeaders(), Duration.ofSeconds(10)).join();
                current = Session.client(transport, SessionConfig.defaults());
            } catch (CompletionException | IllegalStateException e) {
                failures++;
                Throwable cause = e.getCause() == null ? e : e.getCause();
                log.debug("tunnel dial failed ({}); retrying", cause.toString());
                if (!sleep(retry.delay(failures))) {
                    return;
                }
                continue;
            }
            failures = 0;
            session = current;
            log.info("tunnel connected to {}", client.url());
            try {
                onConnected.run();
            } catch (RuntimeException e) {
                log.warn("after connecting: {}", e.toString());
            }
            acceptLoop(current);
            SessionStats last = current.stats();
            bytesSentBefore.addAndGet(last.dataBytesSent());
            bytesReceivedBefore.addAndGet(last.dataBytesReceived());
            session = null;
            if (!closed) {
                log.info("tunnel closed ({}); reconnecting", current.closeCause().map(Throwable::getMessage).orElse("GO_AWAY"));
            }
        }
    }

    private void acceptLoop(Session current) {
        // After a GO_AWAY from a draining coderd, stop accepting here so that the loop dials a new
        // tunnel at once; the old one's streams go on until coderd closes it.
        try {
            while (!closed && !current.isRemoteGoingAway()) {
                var stream = current.accept(Duration.ofSeconds(1));
                stream.ifPresent(s -> threads.submit(() -> serve(s)));
            }
        } catch (IOException e) {
            // the session ended
        }
        if (!current.isRemoteGoingAway()) {
            current.close();
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
            case ServiceRequest.Ssh ignored -> {
                ServiceHeaders.accept(stream);
                ssh.serve(stream.inputStream(), stream.outputStream(), stream::close);
            }
            case ServiceRequest.Tcp tcp when tcp.host().equals(AgentHttpApi.HOST) && tcp.port() == AgentHttpApi.PORT -> {
                ServiceHeaders.accept(stream);
                serveAgentApi(stream);
            }
            case ServiceRequest.Tcp tcp -> forward(stream, tcp);
            case ServiceRequest.Speedtest speedtest -> speedtest(stream, speedtest);
            case ServiceRequest.ReconnectingPty pty -> ptys.serve(stream, pty);
        }
        return null;
    }

    private void forward(Stream stream, ServiceRequest.Tcp tcp) throws IOException {
        if (!LOOPBACK_HOSTS.contains(tcp.host())) {
            ServiceHeaders.reject(stream, ServiceStatus.FORBIDDEN,
                    "The agent only forwards to the workspace's loopback, not to " + tcp.host() + ".");
            stream.close();
            return;
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(tcp.host().equals("0.0.0.0") ? "127.0.0.1" : tcp.host(), tcp.port()), 5000);
            socket.setTcpNoDelay(true);
        } catch (ConnectException e) {
            socket.close();
            ServiceHeaders.reject(stream, ServiceStatus.REFUSED,
                    "Nothing is listening on " + tcp.host() + ":" + tcp.port() + " in the workspace.");
            stream.close();
            return;
        }
        ServiceHeaders.accept(stream);
        tcpConnections.incrementAndGet();
        BytePump.start(Duplex.of(stream), Duplex.of(socket)).whenComplete((result, error) -> tcpConnections.decrementAndGet());
    }

    private void speedtest(Stream stream, ServiceRequest.Speedtest speedtest) throws IOException {
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

    /** Reads one HTTP request head and answers it with the API's response; the body (none for GET) is ignored. */
    private void serveAgentApi(Stream stream) throws IOException {
        InputStream in = stream.inputStream();
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && head.length() < 16 * 1024) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        String requestLine = head.toString().lines().findFirst().orElse("");
        String[] parts = requestLine.split(" ");
        byte[] response = parts.length >= 2 ? agentApi.apply(parts[0] + " " + parts[1]) : agentApi.apply("");
        stream.write(response, 0, response.length);
        stream.close();
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration);
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (dialer != null) {
            dialer.interrupt();
        }
        Session current = session;
        if (current != null) {
            current.close();
        }
        threads.shutdownNow();
    }
}
