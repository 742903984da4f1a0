package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, stopping and the host key kept across restarts. */
class SshLifecycleTest {
    @TempDir
    Path scratch;

    @Test
    void closeEndsSessionsProcessesAndEveryThread() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        TestServer server = TestServer.start(scratch, SshServerConfig.builder());
        int port = server.server.port();
        List<String> command = server.client.ssh("127.0.0.1", "echo pid=$$; exec sleep 600");
        List<String> ptyCommand = server.client.ssh("-tt", "127.0.0.1", "echo pty=$$; exec sleep 600");
        try (BackgroundClient pipes = new BackgroundClient(command, Map.of());
                BackgroundClient pty = new BackgroundClient(ptyCommand, Map.of())) {
            pipes.awaitStdout("pid=");
            pty.awaitStdout("pty=");
            long pipePid = pid(pipes.stdout(), "pid=");
            long ptyPid = pid(pty.stdout(), "pty=");
            assertThat(ProcessHandle.of(pipePid)).isPresent();
            assertThat(ProcessHandle.of(ptyPid)).isPresent();
            assertThat(server.server.stats().activeSessions(SessionType.SSH)).isEqualTo(2);

            server.close();

            assertThat(pipes.awaitExit()).isNotZero();
            assertThat(pty.awaitExit()).isNotZero();
            Awaitility.await("session processes gone").atMost(Duration.ofSeconds(10))
                    .until(() -> ProcessHandle.of(pipePid).isEmpty() && ProcessHandle.of(ptyPid).isEmpty());
        }
        Awaitility.await("server threads stopped").atMost(Duration.ofSeconds(10))
                .until(() -> newThreads(before).isEmpty());
        assertThat(server.server.stats().activeConnections()).isZero();
        assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
                .isInstanceOf(IOException.class);
    }

    @Test
    void hostKeyIsGeneratedOnceAndKeptInAnOpenSshFile() throws Exception {
        Path keyFile = scratch.resolve("keys/ssh_host_ed25519_key");
        String first;
        try (AgentSshServer server = AgentSshServer.create(SshServerConfig.builder().hostKeyFile(keyFile).build())) {
            first = server.hostPublicKey();
        }
        try (AgentSshServer server = AgentSshServer.create(SshServerConfig.builder().hostKeyFile(keyFile).build())) {
            assertThat(server.hostPublicKey()).isEqualTo(first);
        }

        assertThat(first).startsWith("ssh-ed25519 ");
        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        OpenSsh.Result derived = new OpenSsh(0, scratch).run(List.of("/usr/bin/ssh-keygen", "-y", "-f", keyFile.toString()), "");
        assertThat(derived.stdout()).startsWith(first);
    }

    @Test
    void withoutAKeyFileEachServerHasItsOwnKey() {
        try (AgentSshServer one = AgentSshServer.create(SshServerConfig.defaults());
                AgentSshServer two = AgentSshServer.create(SshServerConfig.defaults())) {
            assertThat(one.hostPublicKey()).isNotEqualTo(two.hostPublicKey());
        }
    }

    @Test
    void offeredHostKeyIsTheConfiguredOne() throws Exception {
        TestServer server = TestServer.start(scratch, SshServerConfig.builder());
        try {
            OpenSsh.Result scan = server.client.run(List.of("/usr/bin/ssh-keyscan", "-t", "ed25519",
                    "-p", Integer.toString(server.server.port()), "127.0.0.1"), "");
            assertThat(scan.stdout()).contains(server.server.hostPublicKey().split(" ")[1]);
        } finally {
            server.close();
        }
    }

    private static long pid(String output, String marker) {
        String line = output.lines().filter(l -> l.startsWith(marker)).findFirst().orElseThrow();
        return Long.parseLong(line.substring(marker.length()).trim());
    }

    /** Live threads that did not exist before, excluding JDK-wide ones (common pool, GC helpers). */
    private static Set<String> newThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> !before.contains(thread))
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("ssh") || name.contains("SshServer"))
                .collect(Collectors.toSet());
    }
}
