package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands run with {@code ssh host command}, through the real OpenSSH client. */
class SshExecTest {
    @TempDir
    static Path scratch;

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start(scratch, SshServerConfig.builder()
                .putEnvironment("CODER", "true")
                .putEnvironment("CODER_WORKSPACE_NAME", "dev"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void echoPrintsOkAndExitsZero() {
        OpenSsh.Result result = server.client.ssh("echo ok");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("ok\n");
    }

    @Test
    void exitStatusPropagates() {
        assertThat(server.client.ssh("exit 3").exitCode()).isEqualTo(3);
    }

    @Test
    void stderrIsSeparateFromStdout() {
        OpenSsh.Result result = server.client.ssh("echo out; echo err >&2; echo out2");

        assertThat(result.stdout()).isEqualTo("out\nout2\n");
        assertThat(result.stderr()).isEqualTo("err\n");
    }

    @Test
    void stdinReachesTheCommandAndEndsWithEof() {
        OpenSsh.Result result = server.client.run(server.client.ssh("127.0.0.1", "wc -l"), "a\nb\nc\n");

        assertThat(result.stdout().trim()).isEqualTo("3");
    }

    @Test
    void commandsHaveNoTerminalUnlessAsked() {
        OpenSsh.Result result = server.client.ssh("tty");

        assertThat(result.stdout()).isEqualTo("not a tty\n");
    }

    @Test
    void setEnvReachesTheCommand() {
        OpenSsh.Result result = server.client.run(
                server.client.ssh("-o", "SetEnv=FOO=bar", "127.0.0.1", "echo $FOO"), "");

        assertThat(result.stdout()).isEqualTo("bar\n");
    }

    @Test
    void sendEnvReachesTheCommand() {
        OpenSsh.Result result = server.client.run(
                server.client.ssh("-o", "SendEnv=JCODER_TEST_VAR", "127.0.0.1", "echo $JCODER_TEST_VAR"),
                "", java.util.Map.of("JCODER_TEST_VAR", "from-client"));

        assertThat(result.stdout()).isEqualTo("from-client\n");
    }

    @Test
    void agentBaseEnvironmentAndLoginVariablesAreSet() throws Exception {
        OpenSsh.Result result = server.client.ssh("echo $CODER $CODER_WORKSPACE_NAME; echo $HOME; echo $USER; pwd");

        List<String> lines = result.stdout().lines().toList();
        assertThat(lines.get(0)).isEqualTo("true dev");
        assertThat(lines.get(1)).isEqualTo(System.getProperty("user.home"));
        assertThat(lines.get(2)).isEqualTo(System.getProperty("user.name"));
        assertThat(Path.of(lines.get(3))).isEqualTo(server.workingDirectory().toRealPath());
    }

    @Test
    void sessionTypeMarkerIsNotPassedToTheCommand() {
        OpenSsh.Result result = server.client.run(server.client.ssh(
                "-o", "SetEnv=CODER_SSH_SESSION_TYPE=vscode", "127.0.0.1", "echo ${CODER_SSH_SESSION_TYPE-unset}"), "");

        assertThat(result.stdout()).isEqualTo("unset\n");
    }

    @Test
    void commandsStartWithDefaultSignalHandling() {
        // An agent started with `nohup ... &` ignores HUP, INT and QUIT; sessions must not inherit that.
        OpenSsh.Result result = server.client.ssh("grep SigIgn /proc/self/status");

        long ignored = Long.parseUnsignedLong(result.stdout().replace("SigIgn:", "").trim(), 16);
        long standardSignals = 0x7FFF_FFFFL; // 1..31; glibc keeps 32 and 33 for itself
        assertThat(ignored & standardSignals).as(result.stdout()).isZero();
    }

    @Test
    void largeOutputArrivesComplete() {
        OpenSsh.Result result = server.client.ssh("head -c 3000000 /dev/zero | tr '\\0' 'x'");

        assertThat(result.stdout()).hasSize(3_000_000);
    }

    @Test
    void manyConcurrentSessions() throws Exception {
        int sessions = 24;
        try (ExecutorService pool = Executors.newFixedThreadPool(sessions)) {
            List<Future<OpenSsh.Result>> results = IntStream.range(0, sessions)
                    .mapToObj(i -> pool.submit(() -> server.client.ssh("echo session-" + i)))
                    .toList();
            for (int i = 0; i < sessions; i++) {
                OpenSsh.Result result = results.get(i).get();
                assertThat(result.exitCode()).isZero();
                assertThat(result.stdout()).isEqualTo("session-" + i + "\n");
            }
        }
    }
}
