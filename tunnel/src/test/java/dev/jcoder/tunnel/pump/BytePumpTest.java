package dev.jcoder.tunnel.pump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.jcoder.tunnel.Bytes;
import dev.jcoder.tunnel.EchoServer;
import dev.jcoder.tunnel.TestAgent;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceResponse;
import dev.jcoder.tunnel.service.ServiceStatus;
import dev.jcoder.tunnel.transport.PipeTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import dev.jcoder.tunnel.yamux.StreamResetException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BytePumpTest {
    private static final SessionConfig CONFIG = SessionConfig.defaults().withKeepAlive(Duration.ZERO, Duration.ofSeconds(30));

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** coderd (server end) and an agent (client end, serving streams) joined by a pipe. */
    private record Tunnel(Session coderd, Session agentSession, TestAgent agent) implements AutoCloseable {
        static Tunnel open() {
            PipeTransport.Pair pipe = PipeTransport.pair();
            Session agentSession = Session.client(pipe.client(), CONFIG);
            Session coderd = Session.server(pipe.server(), CONFIG);
            return new Tunnel(coderd, agentSession, TestAgent.serve(agentSession));
        }

        @Override
        public void close() {
            agent.close();
            coderd.close();
            coderd.terminated().orTimeout(10, TimeUnit.SECONDS).join();
            agentSession.terminated().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    @Test
    void portForwardEchoesThroughTheTunnelWithHalfClose() throws Exception {
        try (EchoServer echo = EchoServer.start(); Tunnel tunnel = Tunnel.open()) {
            Stream stream = tunnel.coderd().open();
            ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(echo.port()));
            Future<String> echoed = threads.submit(() -> Bytes.readAll(stream.inputStream()));
            long size = 20L * 1024 * 1024;
            String sent = Bytes.writeRandom(stream.outputStream(), size, 11);
            stream.closeWrite(); // FIN → agent shuts the socket's output → echo ends → FIN back
            assertThat(echoed.get(30, TimeUnit.SECONDS)).isEqualTo(sent + "/" + size);
            await().until(() -> tunnel.coderd().streamCount() == 0 && tunnel.agentSession().streamCount() == 0);
        }
    }

    @Test
    void closedPortIsReportedAsRefused() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (Tunnel tunnel = Tunnel.open()) {
            Stream stream = tunnel.coderd().open();
            assertThatThrownBy(() -> ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(closedPort)))
                    .isInstanceOf(ServiceHeaderException.class)
                    .hasMessage("Nothing is listening on 127.0.0.1:" + closedPort + " in the workspace.")
                    .extracting(e -> ((ServiceHeaderException) e).status()).isEqualTo(ServiceStatus.REFUSED);
            Stream ssh = tunnel.coderd().open();
            assertThatThrownBy(() -> ServiceHeaders.connect(ssh, new ServiceRequest.Ssh()))
                    .isInstanceOf(ServiceHeaderException.class).hasMessageContaining("no SSH server");
            await().until(() -> tunnel.coderd().streamCount() == 0 && tunnel.agentSession().streamCount() == 0);
        }
    }

    @Test
    void silentAcceptorTimesOutTheConnect() throws Exception {
        PipeTransport.Pair pipe = PipeTransport.pair();
        Session opener = Session.client(pipe.client(), CONFIG);
        Session silent = Session.server(pipe.server(), CONFIG);
        try {
            Stream stream = opener.open();
            assertThatThrownBy(() -> ServiceHeaders.connect(stream, new ServiceRequest.Ssh(), Duration.ofMillis(200)))
                    .isInstanceOf(java.net.SocketTimeoutException.class);
            assertThat(stream.readTimeout()).isZero();
            Stream accepted = silent.accept();
            await().untilAsserted(() -> assertThatThrownBy(() -> accepted.inputStream().readAllBytes())
                    .isInstanceOf(StreamResetException.class));
        } finally {
            opener.close();
            silent.close();
        }
    }

    @Test
    void relayForwardsStreamsAndRefusalsBetweenTwoTunnels() throws Exception {
        // CLI ⇄ replica (one session), replica ⇄ agent (another): the replica relays by pumping.
        PipeTransport.Pair cliPipe = PipeTransport.pair();
        Session cli = Session.client(cliPipe.client(), CONFIG);
        Session replica = Session.server(cliPipe.server(), CONFIG);
        try (EchoServer echo = EchoServer.start(); Tunnel tunnel = Tunnel.open()) {
            threads.submit(() -> {
                while (true) {
                    Stream fromCli = replica.accept();
                    threads.submit(() -> Relay.forward(fromCli, tunnel.coderd(),
                            request -> request instanceof ServiceRequest.Ssh
                                    ? Optional.of(ServiceResponse.error(ServiceStatus.FORBIDDEN, "You may not SSH into this workspace."))
                                    : Optional.empty(),
                            Duration.ofSeconds(10)));
                }
            });
            Stream stream = cli.open();
            ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(echo.port()));
            Future<String> echoed = threads.submit(() -> Bytes.readAll(stream.inputStream()));
            String sent = Bytes.writeRandom(stream.outputStream(), 5_000_000, 3);
            stream.closeWrite();
            assertThat(echoed.get(30, TimeUnit.SECONDS)).isEqualTo(sent + "/5000000");
            await().until(() -> replica.streamCount() == 0 && tunnel.coderd().streamCount() == 0);

            // Refusals reach the CLI: the agent's (closed port) and the relay's own policy.
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            assertThatThrownBy(() -> ServiceHeaders.connect(cli.open(), ServiceRequest.Tcp.loopback(closedPort)))
                    .isInstanceOf(ServiceHeaderException.class)
                    .hasMessage("Nothing is listening on 127.0.0.1:" + closedPort + " in the workspace.");
            assertThatThrownBy(() -> ServiceHeaders.connect(cli.open(), new ServiceRequest.Ssh()))
                    .isInstanceOf(ServiceHeaderException.class)
                    .hasMessage("You may not SSH into this workspace.")
                    .extracting(e -> ((ServiceHeaderException) e).status()).isEqualTo(ServiceStatus.FORBIDDEN);
            await().until(() -> replica.streamCount() == 0 && tunnel.coderd().streamCount() == 0
                    && cli.streamCount() == 0);
        } finally {
            cli.close();
            replica.close();
        }
    }

    @Test
    void failureOnOneSideResetsTheOther() throws Exception {
        try (ServerSocket rude = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Tunnel tunnel = Tunnel.open()) {
            threads.submit(() -> {
                Socket socket = rude.accept();
                socket.getInputStream().read();
                socket.setSoLinger(true, 0);
                socket.close(); // RST
                return null;
            });
            Stream stream = tunnel.coderd().open();
            ServiceHeaders.connect(stream, ServiceRequest.Tcp.loopback(rude.getLocalPort()));
            assertThatThrownBy(() -> {
                byte[] block = new byte[64 * 1024];
                while (true) {
                    stream.write(block, 0, block.length);
                }
            }).isInstanceOf(StreamResetException.class);
            assertThatThrownBy(() -> stream.inputStream().read()).isInstanceOf(StreamResetException.class);
        }
    }

    @Test
    void pumpBetweenSocketsCountsBytesAndClosesBoth() throws Exception {
        try (ServerSocket left = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket right = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                Socket leftClient = new Socket(InetAddress.getLoopbackAddress(), left.getLocalPort());
                Socket rightClient = new Socket(InetAddress.getLoopbackAddress(), right.getLocalPort())) {
            Socket leftServer = left.accept();
            Socket rightServer = right.accept();
            var result = BytePump.start(Duplex.of(leftServer), Duplex.of(rightServer));
            Future<String> atRight = threads.submit(() -> Bytes.readAll(rightClient.getInputStream()));
            String sentRight = Bytes.writeRandom(leftClient.getOutputStream(), 100_000, 1);
            leftClient.shutdownOutput();
            assertThat(atRight.get(10, TimeUnit.SECONDS)).isEqualTo(sentRight + "/100000");
            // The other direction is still open after the half-close.
            String sentLeft = Bytes.writeRandom(rightClient.getOutputStream(), 50_000, 2);
            rightClient.shutdownOutput();
            assertThat(Bytes.readAll(leftClient.getInputStream())).isEqualTo(sentLeft + "/50000");
            PumpResult done = result.get(10, TimeUnit.SECONDS);
            assertThat(done).isEqualTo(new PumpResult(100_000, 50_000, java.util.Optional.empty()));
            assertThat(done.clean()).isTrue();
            assertThat(leftServer.isClosed()).isTrue();
            assertThat(rightServer.isClosed()).isTrue();
        }
    }

    @Test
    void stdioStyleDuplexClosesItsResources() throws Exception {
        var in = new java.io.ByteArrayInputStream("ping".getBytes());
        var out = new java.io.ByteArrayOutputStream();
        var closed = new java.util.concurrent.atomic.AtomicBoolean();
        try (EchoServer echo = EchoServer.start();
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), echo.port())) {
            PumpResult result = BytePump.run(Duplex.of(in, out, () -> closed.set(true)), Duplex.of(socket));
            assertThat(out.toString()).isEqualTo("ping");
            assertThat(result).isEqualTo(new PumpResult(4, 4, java.util.Optional.empty()));
            assertThat(closed).isTrue();
        } catch (IOException e) {
            throw e;
        }
    }
}
