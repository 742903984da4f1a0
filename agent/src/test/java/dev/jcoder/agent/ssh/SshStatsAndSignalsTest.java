package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.util.buffer.Buffer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session accounting for the agent's stats, and signals sent by clients (through MINA's client, as OpenSSH's cannot). */
class SshStatsAndSignalsTest {
    @TempDir
    static Path scratch;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(scratch, SshServerConfig.builder());
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void sessionsAreCountedByTypeWhileOpen() throws Exception {
        SshStats stats = server.server.stats();
        var vscode = server.client.ssh("-o", "SetEnv=CODER_SSH_SESSION_TYPE=vscode", "127.0.0.1", "echo ready; cat");
        var plain = server.client.ssh("127.0.0.1", "echo ready; cat");
        var sftp = server.client.sftp("127.0.0.1");
        try (BackgroundClient one = new BackgroundClient(vscode, Map.of());
                BackgroundClient two = new BackgroundClient(plain, Map.of());
                BackgroundClient three = new BackgroundClient(sftp, Map.of())) {
            one.awaitStdout("ready");
            two.awaitStdout("ready");

            // Other tests' connections may still be closing, so wait for exactly these three.
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                SshStats.Snapshot snapshot = stats.snapshot();
                assertThat(snapshot.sessions(SessionType.VSCODE)).isEqualTo(1);
                assertThat(snapshot.sessions(SessionType.SSH)).isEqualTo(1);
                assertThat(snapshot.sessions(SessionType.SFTP)).isEqualTo(1);
                assertThat(snapshot.sessions(SessionType.JETBRAINS)).isZero();
                assertThat(snapshot.activeConnections()).isEqualTo(3);
            });

            one.stdin().close();
            two.stdin().close();
            three.stdin().close();
            one.awaitExit();
            two.awaitExit();
            three.awaitExit();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stats.snapshot().activeConnections() == 0);
        SshStats.Snapshot after = stats.snapshot();
        assertThat(after.sessions(SessionType.VSCODE) + after.sessions(SessionType.SSH) + after.sessions(SessionType.SFTP))
                .isZero();
    }

    @Test
    void bytesAreCountedInBothDirections() {
        SshStats.Snapshot before = server.server.stats().snapshot();

        server.client.run(server.client.ssh("127.0.0.1", "head -c 1000000 /dev/zero; wc -c >/dev/null"), "x".repeat(500_000));

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> server.server.stats().activeConnections() == 0);
        SshStats.Snapshot after = server.server.stats().snapshot();
        assertThat(after.bytesSent() - before.bytesSent()).isGreaterThan(1_000_000);
        assertThat(after.bytesReceived() - before.bytesReceived()).isGreaterThan(500_000);
    }

    @Test
    void signalFromTheClientReachesTheProcessAndComesBackAsExitSignal() throws Exception {
        try (SshClient client = SshClient.setUpDefaultClient()) {
            client.start();
            try (ClientSession session = client.connect("anyone", "127.0.0.1", server.server.port())
                    .verify(Duration.ofSeconds(30)).getSession()) {
                session.addPasswordIdentity("anything");
                session.auth().verify(Duration.ofSeconds(30));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (ChannelExec exec = session.createExecChannel("echo started; exec sleep 60")) {
                    exec.setOut(out);
                    exec.open().verify(Duration.ofSeconds(30));
                    Awaitility.await().atMost(Duration.ofSeconds(30))
                            .until(() -> out.toString(StandardCharsets.UTF_8).contains("started"));

                    sendSignal(exec, "TERM");

                    exec.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(30));
                    assertThat(exec.getExitSignal()).isEqualTo("TERM");
                    assertThat(exec.getExitStatus()).isEqualTo(128 + 15);
                }
            }
        }
    }

    /** RFC 4254 section 6.9; MINA's client has no method for it. */
    private static void sendSignal(ChannelExec channel, String signal) throws Exception {
        Buffer buffer = channel.getSession().createBuffer(SshConstants.SSH_MSG_CHANNEL_REQUEST, 32);
        buffer.putUInt(channel.getRecipient());
        buffer.putString("signal");
        buffer.putBoolean(false);
        buffer.putString(signal);
        channel.writePacket(buffer);
    }
}
