package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH connections handed to the server as streams ({@link AgentSshServer#serve}), the way the
 * agent's tunnel does. A TCP bridge stands in for the tunnel so that OpenSSH can be the client.
 */
class SshStreamTest {
    @TempDir
    Path scratch;

    private AgentSshServer server;
    private ServerSocket bridge;
    private OpenSsh client;
    private final List<CompletableFuture<Void>> connections = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = AgentSshServer.create(SshServerConfig.builder().workingDirectory(scratch).build());
        server.start();
        bridge = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!bridge.isClosed()) {
                try {
                    Socket socket = bridge.accept();
                    connections.add(server.serve(socket.getInputStream(), socket.getOutputStream(), () -> closeQuietly(socket)));
                } catch (IOException e) {
                    return;
                }
            }
        });
        client = new OpenSsh(bridge.getLocalPort(), scratch);
    }

    @AfterEach
    void stop() throws IOException {
        bridge.close();
        server.close();
    }

    @Test
    void commandsRunOverAStream() {
        OpenSsh.Result result = client.ssh("echo ok; echo err >&2; exit 4");

        assertThat(result.stdout()).isEqualTo("ok\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(result.exitCode()).isEqualTo(4);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> connections.stream().allMatch(CompletableFuture::isDone));
    }

    @Test
    void bulkDataCrossesTheStreamIntact() throws Exception {
        Path upload = scratch.resolve("upload.bin");
        byte[] data = new byte[20 * 1024 * 1024];
        new Random(7).nextBytes(data);
        Files.write(upload, data);
        Path copy = scratch.resolve("copy.bin");

        OpenSsh.Result result = client.run(client.scp(upload.toString(), "127.0.0.1:" + copy), "");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readAllBytes(copy)).isEqualTo(data);
        OpenSsh.Result download = client.ssh("cat " + copy + " | sha256sum");
        assertThat(download.stdout()).startsWith(sha256(data));
    }

    @Test
    void closingTheServerEndsStreamConnections() throws Exception {
        try (BackgroundClient ssh = new BackgroundClient(client.ssh("127.0.0.1", "echo ready; cat"), Map.of())) {
            ssh.awaitStdout("ready");
            assertThat(server.stats().activeConnections()).isEqualTo(1);

            server.close();

            assertThat(ssh.awaitExit()).isNotZero();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> connections.stream().allMatch(CompletableFuture::isDone));
        }
        assertThatThrownBy(() -> server.serve(InputStream.nullInputStream(), OutputStream.nullOutputStream(), () -> { }))
                .isInstanceOf(IllegalStateException.class);
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
