package dev.jcoder.tunnel.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcoder.tunnel.Bytes;
import dev.jcoder.tunnel.EchoServer;
import dev.jcoder.tunnel.TestAgent;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionClosedException;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The real chain over loopback: the agent dials with the JDK WebSocket client, coderd accepts
 * with Javalin/Jetty through {@link CallbackTransport}, and coderd opens streams to the agent.
 */
@Timeout(240)
class WebSocketTunnelTest {
    private static final SessionConfig CONFIG = SessionConfig.defaults();

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        http.close();
    }

    private Session dial(JavalinTunnelServer server) throws Exception {
        JdkWebSocketTransport transport = JdkWebSocketTransport
                .connect(http, server.uri(), Map.of("Coder-Session-Token", "agent-token"), Duration.ofSeconds(10))
                .get(10, TimeUnit.SECONDS);
        return Session.client(transport, CONFIG);
    }

    @Test
    void coderdReachesTheAgentOverAWebSocket() throws Exception {
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG); EchoServer echo = EchoServer.start()) {
            Session agentSession = dial(server);
            Session coderd = server.nextSession();
            try (TestAgent ignored = TestAgent.serve(agentSession)) {
                assertThat(coderd.ping().get(10, TimeUnit.SECONDS)).isPositive();
                assertThat(agentSession.ping().get(10, TimeUnit.SECONDS)).isPositive();

                // Eight port-forward connections at once, 8 MiB each way, checked end to end.
                List<Future<String[]>> transfers = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    long seed = i;
                    transfers.add(threads.submit(() -> {
                        Stream stream = coderd.open();
                        ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(echo.port()));
                        Future<String> echoed = threads.submit(() -> Bytes.readAll(stream.inputStream()));
                        long size = 8L * 1024 * 1024;
                        String sent = Bytes.writeRandom(stream.outputStream(), size, seed);
                        stream.closeWrite();
                        return new String[] {sent + "/" + size, echoed.get()};
                    }));
                }
                for (Future<String[]> transfer : transfers) {
                    String[] digests = transfer.get(60, TimeUnit.SECONDS);
                    assertThat(digests[1]).isEqualTo(digests[0]);
                }

                Stream speed = coderd.open();
                ServiceHeaders.connect(speed, new ServiceRequest.Speedtest(3_000_000));
                speed.closeWrite(); // nothing to upload
                assertThat(Bytes.readAll(speed.inputStream())).endsWith("/3000000");
                await().until(() -> coderd.streamCount() == 0 && agentSession.streamCount() == 0);
            }
            agentSession.terminated().get(10, TimeUnit.SECONDS);
            coderd.terminated().get(10, TimeUnit.SECONDS);
            assertThat(coderd.closeCause()).isPresent();
        }
    }

    @Test
    void twoHundredConcurrentConnectionsShareOneTunnel() throws Exception {
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG); EchoServer echo = EchoServer.start()) {
            Session agentSession = dial(server);
            Session coderd = server.nextSession();
            try (TestAgent ignored = TestAgent.serve(agentSession)) {
                List<Future<String[]>> connections = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    long seed = i;
                    connections.add(threads.submit(() -> {
                        Stream stream = coderd.open();
                        ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(echo.port()));
                        Future<String> echoed = threads.submit(() -> Bytes.readAll(stream.inputStream()));
                        String sent = Bytes.writeRandom(stream.outputStream(), 200_000, seed);
                        stream.closeWrite();
                        return new String[] {sent + "/200000", echoed.get()};
                    }));
                }
                for (Future<String[]> connection : connections) {
                    String[] digests = connection.get(60, TimeUnit.SECONDS);
                    assertThat(digests[1]).isEqualTo(digests[0]);
                }
                await().until(() -> coderd.streamCount() == 0 && agentSession.streamCount() == 0);
            }
        }
    }

    @Test
    void connectionLossMidTransferFailsBothEnds() throws Exception {
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG)) {
            JdkWebSocketTransport transport = JdkWebSocketTransport
                    .connect(http, server.uri(), Map.of(), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            Session agentSession = Session.client(transport, CONFIG);
            Session coderd = server.nextSession();
            try (TestAgent ignored = TestAgent.serve(agentSession)) {
                Stream download = coderd.open();
                ServiceHeaders.connect(download, new ServiceRequest.Speedtest(Long.MAX_VALUE / 2));
                Future<String> reading = threads.submit(() -> Bytes.readAll(download.inputStream()));
                await().until(() -> coderd.stats().dataBytesReceived() > 20_000_000);
                transport.abort();
                assertThatThrownBy(() -> reading.get(30, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(SessionClosedException.class);
                coderd.terminated().get(30, TimeUnit.SECONDS);
                agentSession.terminated().get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void agentSeesTheServerGoAway() throws Exception {
        Session agentSession;
        Future<Integer> blockedRead;
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG)) {
            agentSession = dial(server);
            Session coderd = server.nextSession();
            Stream stream = coderd.open();
            stream.outputStream().write(1);
            Stream accepted = agentSession.accept();
            InputStream in = accepted.inputStream();
            assertThat(in.read()).isEqualTo(1);
            blockedRead = threads.submit(() -> in.read());
        } // the server stops: its sockets close under the agent
        // Generous: stopping Jetty on a loaded 2-core machine can take many seconds.
        assertThatThrownBy(() -> blockedRead.get(90, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SessionClosedException.class);
        agentSession.terminated().get(60, TimeUnit.SECONDS);
        assertThat(agentSession.isClosed()).isTrue();
    }

    @Test
    void agentCloseEndsTheServerSession() throws Exception {
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG)) {
            Session agentSession = dial(server);
            Session coderd = server.nextSession();
            Future<Stream> accepting = threads.submit(() -> coderd.accept());
            agentSession.close();
            assertThatThrownBy(() -> accepting.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(SessionClosedException.class);
            coderd.terminated().get(30, TimeUnit.SECONDS);
            agentSession.terminated().get(30, TimeUnit.SECONDS);
            assertThat(coderd.isRemoteGoingAway()).isTrue();
        }
    }

    @Test
    void failedHandshakeFailsTheConnect() throws Exception {
        try (JavalinTunnelServer server = JavalinTunnelServer.start(CONFIG)) {
            var wrongPath = java.net.URI.create(server.uri().toString().replace("/tunnel", "/nowhere"));
            assertThatThrownBy(() -> JdkWebSocketTransport.connect(http, wrongPath, Map.of(), Duration.ofSeconds(5))
                    .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }
}
