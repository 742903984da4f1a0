package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ssh -L}, {@code ssh -R} and {@code ssh -A} through the real OpenSSH client. */
class SshForwardingTest {
    @TempDir
    static Path scratch;

    private static TestServer server;
    private static EchoServer echo;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(scratch, SshServerConfig.builder());
        echo = new EchoServer();
    }

    @AfterAll
    static void stopServer() throws Exception {
        echo.close();
        server.close();
    }

    @Test
    void localForwardReachesAServerBehindTheAgent() throws Exception {
        int localPort = EchoServer.freePort();
        List<String> command = server.client.ssh("-o", "ExitOnForwardFailure=yes",
                "-L", localPort + ":127.0.0.1:" + echo.port(), "127.0.0.1", "echo ready; cat");
        try (BackgroundClient ssh = new BackgroundClient(command, Map.of())) {
            // Local listeners exist before the session starts, so "ready" means the port is open.
            ssh.awaitStdout("ready");

            assertThat(EchoServer.roundTrip(localPort, "through -L")).isEqualTo("through -L");

            ssh.stdin().close();
            assertThat(ssh.awaitExit()).isZero();
        }
    }

    @Test
    void remoteForwardListensOnLoopbackInTheWorkspace() throws Exception {
        List<String> command = verbose("-o", "ExitOnForwardFailure=yes",
                "-R", "0:127.0.0.1:" + echo.port(), "127.0.0.1", "echo ready; cat");
        try (BackgroundClient ssh = new BackgroundClient(command, Map.of())) {
            ssh.awaitStderr("Allocated port");
            Matcher allocated = Pattern.compile("Allocated port (\\d+)").matcher(ssh.stderr());
            assertThat(allocated.find()).isTrue();
            int remotePort = Integer.parseInt(allocated.group(1));

            assertThat(EchoServer.roundTrip(remotePort, "through -R")).isEqualTo("through -R");

            ssh.stdin().close();
            assertThat(ssh.awaitExit()).isZero();
        }
    }

    @Test
    void remoteForwardOnAllInterfacesIsRefused() {
        OpenSsh.Result result = server.client.run(server.client.ssh("-o", "ExitOnForwardFailure=yes",
                "-R", "0.0.0.0:0:127.0.0.1:" + echo.port(), "127.0.0.1", "echo ran"), "");

        assertThat(result.exitCode()).isEqualTo(255);
        assertThat(result.stdout()).doesNotContain("ran");
    }

    @Test
    void agentForwardingExposesTheClientsAgent() throws Exception {
        Path socket = scratch.resolve("agent.sock");
        Path key = scratch.resolve("id_ed25519");
        try (BackgroundClient _ = new BackgroundClient(
                List.of("/usr/bin/ssh-agent", "-D", "-a", socket.toString()), Map.of())) {
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(socket));
            Map<String, String> withAgent = Map.of("SSH_AUTH_SOCK", socket.toString());
            assertThat(server.client.run(List.of("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C",
                    "forwarded-key", "-f", key.toString()), "").exitCode()).isZero();
            assertThat(server.client.run(List.of("/usr/bin/ssh-add", key.toString()), "", withAgent).exitCode()).isZero();

            OpenSsh.Result result = server.client.run(
                    server.client.ssh("-A", "127.0.0.1", "echo sock=$SSH_AUTH_SOCK; ssh-add -l"), "", withAgent);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).contains("sock=/").contains("forwarded-key");
            Path remoteSocket = Path.of(result.stdout().lines().filter(l -> l.startsWith("sock=")).findFirst()
                    .orElseThrow().substring("sock=".length()));
            Awaitility.await("agent socket removed with the connection").atMost(Duration.ofSeconds(10))
                    .until(() -> !Files.exists(remoteSocket.getParent()));
        }
    }

    /** ssh with INFO logging, which is where OpenSSH reports the port it was allocated for -R 0. */
    private static List<String> verbose(String... arguments) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/ssh", "-o", "LogLevel=INFO"));
        List<String> rest = server.client.ssh(arguments);
        command.addAll(rest.subList(1, rest.size()));
        return command;
    }
}
