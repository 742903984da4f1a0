package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Interactive shells and commands on a PTY, driven through OpenSSH on a terminal the test owns. */
class SshPtyTest {
    @TempDir
    static Path scratch;

    private static TestServer server;

    @BeforeAll
    static void startServer() throws Exception {
        Path motd = Files.writeString(scratch.resolve("motd"), "Welcome to the jcoder test workspace\n");
        server = TestServer.start(scratch, SshServerConfig.builder().motdFile(motd).shell("/bin/bash"));
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void interactiveShellFollowsWindowResizes() throws Exception {
        List<String> command = new ArrayList<>(server.client.ssh("-t", "127.0.0.1"));
        try (TerminalClient terminal = new TerminalClient(command, 80, 24, Map.of("TERM", "vt100"))) {
            terminal.awaitOutput("Welcome to the jcoder test workspace");

            terminal.type("stty size; echo TERM=$TERM; shopt -q login_shell && echo LOGIN$((1+1)); pwd\r");
            terminal.awaitOutput("24 80");
            terminal.awaitOutput("TERM=vt100");
            terminal.awaitOutput("LOGIN2");
            terminal.awaitOutput(server.workingDirectory().toRealPath().toString());

            terminal.resize(132, 40);
            terminal.type("stty size\r");
            terminal.awaitOutput("40 132");

            terminal.type("exit 0\r");
            assertThat(terminal.awaitExit()).isZero();
        }
    }

    @Test
    void controlCInterruptsTheForegroundJob() throws Exception {
        List<String> command = new ArrayList<>(server.client.ssh("-t", "127.0.0.1"));
        try (TerminalClient terminal = new TerminalClient(command, 80, 24, Map.of("TERM", "vt100"))) {
            terminal.awaitOutput("Welcome to the jcoder test workspace");
            terminal.type("echo started$((2+2)); sleep 600\r");
            terminal.awaitOutput("started4");

            terminal.type("\u0003"); // what the terminal sends for Ctrl-C
            terminal.type("echo after$((3+3))\r");

            // Only runs once the sleep is gone: the shell reads the next line after its job ends.
            terminal.awaitOutput("after6");
            terminal.type("exit\r");
            assertThat(terminal.awaitExit()).isZero();
        }
    }

    @Test
    void shellWithoutPtyReadsCommandsFromStdin() {
        OpenSsh.Result result = server.client.run(server.client.ssh("-T", "127.0.0.1"), "echo from-stdin\nexit 7\n");

        assertThat(result.stdout()).contains("from-stdin").doesNotContain("Welcome");
        assertThat(result.exitCode()).isEqualTo(7);
    }

    @Test
    void commandOnForcedPtyHasATerminalAndExitStatus() {
        OpenSsh.Result result = server.client.run(server.client.ssh("-tt", "127.0.0.1", "tty; exit 5"), "");

        assertThat(result.stdout()).startsWith("/dev/pts/");
        assertThat(result.exitCode()).isEqualTo(5);
    }

    @Test
    void messageOfTheDayIsOnlyForInteractiveLogins() {
        OpenSsh.Result result = server.client.run(server.client.ssh("-tt", "127.0.0.1", "echo hi"), "");

        assertThat(result.stdout()).doesNotContain("Welcome").contains("hi");
    }
}
