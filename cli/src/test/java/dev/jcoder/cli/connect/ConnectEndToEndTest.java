package dev.jcoder.cli.connect;

import static dev.jcoder.cli.connect.ConnectFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.cli.CliException;
import dev.jcoder.codersdk.CoderClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connecting to a workspace end to end: coderd in-process, the agent in-process and connected,
 * the CLI in-process (ssh with a command) or as a process (OpenSSH's ProxyCommand, port-forward),
 * real OpenSSH {@code ssh}/{@code scp}/{@code sftp}, the web terminal over a real WebSocket.
 */
class ConnectEndToEndTest {
    private static ConnectFixture fixture;

    @TempDir
    Path temp;

    @BeforeAll
    static void start() throws IOException {
        fixture = ConnectFixture.start();
    }

    @AfterAll
    static void stop() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static String workspaceName() {
        return fixture.workspace.name();
    }

    // ---- coder ssh with a command ----

    @Test
    void sshRunsACommandAndReturnsItsExitStatus() {
        var result = fixture.coder("ssh", workspaceName(), "--", "echo hello-from-$CODER_WORKSPACE_NAME; echo oops >&2; exit 3");
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
        assertThat(result.out()).contains("hello-from-" + workspaceName());
        assertThat(result.err()).contains("oops");
    }

    @Test
    void sshPassesStandardInputAndEnvironment() {
        var result = fixture.coder("line one\nline two\n", fixture.configDirectory,
                "ssh", "--env", "GREETING=hi", workspaceName(), "--", "echo $GREETING; wc -l");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("hi").containsPattern("(?m)^\\s*2\\s*$");
    }

    @Test
    void sshToAnUnknownAgentNamesTheAgents() {
        var result = fixture.coder("ssh", workspaceName() + ".nope", "--", "true");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("Agent \"nope\" not found");
    }

    @Test
    void interactiveSshGetsAPtyOfTheTerminalsSizeAndReturnsTheShellsStatus() throws Exception {
        // script(1) gives coder ssh a real terminal (40x100) on stdin/stdout, as a user's would be.
        String coder = fixture.launcher + " ssh --global-config " + fixture.configDirectory + " " + workspaceName();
        Process process = new ProcessBuilder("script", "-qec", "stty rows 40 cols 100; " + coder, "/dev/null").start();
        StringBuilder out = new StringBuilder();
        Thread.ofVirtual().start(() -> collect(process.getInputStream(), out));
        Thread.ofVirtual().start(() -> collect(process.getErrorStream(), out));
        try {
            var stdin = process.getOutputStream();
            stdin.write("echo size-$(stty size | tr ' ' x)-tty-$(tty | cut -c1-8)\r".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            await("remote PTY size").until(() -> contains(out, "size-40x100-tty-/dev/pts"));
            stdin.write("exit 5\r".getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(out.toString()).isTrue();
            assertThat(process.exitValue()).as(out.toString()).isEqualTo(5);
        } finally {
            process.destroyForcibly();
        }
    }

    // ---- OpenSSH through config-ssh and coder ssh --stdio ----

    private Path sshConfig() {
        Path config = temp.resolve("ssh_config");
        String previous = System.getProperty("jcoder.launcher");
        System.setProperty("jcoder.launcher", fixture.launcher.toString());
        try {
            var result = fixture.coder("config-ssh", "--ssh-config-file", config.toString(), "--yes");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        } finally {
            if (previous == null) {
                System.clearProperty("jcoder.launcher");
            } else {
                System.setProperty("jcoder.launcher", previous);
            }
        }
        return config;
    }

    private static ProcessResult run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String out = read(process.getInputStream());
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        return new ProcessResult(process.exitValue(), out, err.join());
    }

    private record ProcessResult(int exitCode, String out, String err) {}

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void openSshRunsCommandsCopiesFilesAndListsDirectoriesThroughTheProxyCommand() throws Exception {
        Path config = sshConfig();
        String host = "coder." + workspaceName();
        List<String> ssh = List.of("ssh", "-F", config.toString(), "-o", "BatchMode=yes");

        ProcessResult echo = run(concat(ssh, host, "echo ok-$((40+2)); exit 7"));
        assertThat(echo.out()).as(echo.err()).contains("ok-42");
        assertThat(echo.exitCode()).isEqualTo(7);

        byte[] data = new byte[8 * 1024 * 1024 + 17];
        new Random(7).nextBytes(data);
        Path upload = temp.resolve("upload.bin");
        Files.write(upload, data);
        Path remote = fixture.directory.resolve("remote-" + UUID.randomUUID() + ".bin");
        ProcessResult scpUp = run(List.of("scp", "-F", config.toString(), "-o", "BatchMode=yes", upload.toString(),
                host + ":" + remote));
        assertThat(scpUp.exitCode()).as(scpUp.err()).isZero();
        assertThat(sha256(Files.readAllBytes(remote))).isEqualTo(sha256(data));

        Path download = temp.resolve("download.bin");
        ProcessResult scpDown = run(List.of("scp", "-F", config.toString(), "-o", "BatchMode=yes", host + ":" + remote,
                download.toString()));
        assertThat(scpDown.exitCode()).as(scpDown.err()).isZero();
        assertThat(sha256(Files.readAllBytes(download))).isEqualTo(sha256(data));

        Path batch = temp.resolve("sftp-batch");
        Files.writeString(batch, "ls " + fixture.directory + "\n");
        ProcessResult sftp = run(List.of("sftp", "-F", config.toString(), "-o", "BatchMode=yes", "-b", batch.toString(), host));
        assertThat(sftp.exitCode()).as(sftp.err()).isZero();
        assertThat(sftp.out()).contains(remote.getFileName().toString());
    }

    private static List<String> concat(List<String> base, String... more) {
        var all = new java.util.ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    // ---- config-ssh ----

    @Test
    void configSshKeepsOtherEntriesRemovesStaleOnesAndIsIdempotent() throws IOException {
        Path config = temp.resolve("config");
        String mine = "Host build-box\n\tHostName build.example.com\n\tUser me\n";
        String stale = SshConfigBlock.START + "\n# old\nHost coder.deleted-workspace\n\tProxyCommand coder ssh --stdio deleted-workspace\n"
                + SshConfigBlock.END + "\n";
        String after = "\nHost after\n\tHostName after.example.com\n";
        Files.writeString(config, mine + "\n" + stale + after);

        var dryRun = fixture.coder("config-ssh", "--ssh-config-file", config.toString(), "--dry-run");
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
        assertThat(dryRun.out()).contains("-Host coder.deleted-workspace").contains("+Host coder." + workspaceName());
        assertThat(Files.readString(config)).contains("coder.deleted-workspace");

        var declined = fixture.coder("no\n", fixture.configDirectory, "config-ssh", "--ssh-config-file", config.toString());
        assertThat(declined.exitCode()).isNotZero();
        assertThat(Files.readString(config)).contains("coder.deleted-workspace");

        var accepted = fixture.coder("yes\n", fixture.configDirectory, "config-ssh", "--ssh-config-file", config.toString());
        assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
        String written = Files.readString(config);
        assertThat(written).startsWith(mine).endsWith(after).doesNotContain("deleted-workspace")
                .contains("Host coder." + workspaceName())
                .contains(" --stdio " + workspaceName())
                .containsOnlyOnce(SshConfigBlock.START).containsOnlyOnce(SshConfigBlock.END);

        var again = fixture.coder("config-ssh", "--ssh-config-file", config.toString(), "--yes");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("No changes to make.");
        assertThat(Files.readString(config)).isEqualTo(written);

        var prefixed = fixture.coder("config-ssh", "--ssh-config-file", config.toString(), "--yes", "--ssh-host-prefix", "jc-");
        assertThat(prefixed.exitCode()).isZero();
        assertThat(Files.readString(config)).contains("Host jc-" + workspaceName()).doesNotContain("Host coder.");
    }

    // ---- port-forward ----

    @Test
    void portForwardRelaysConnectionsAndReportsAClosedPort() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int closedPort = closed.getLocalPort();
            closed.close(); // nothing listens there any more
            Thread.ofVirtual().start(() -> {
                while (!echo.isClosed()) {
                    try {
                        Socket socket = echo.accept();
                        Thread.ofVirtual().start(() -> {
                            try (socket) {
                                socket.getInputStream().transferTo(socket.getOutputStream());
                            } catch (IOException e) {
                                // client gone
                            }
                        });
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            Process forward = new ProcessBuilder(fixture.launcher.toString(), "port-forward", "--global-config",
                    fixture.configDirectory.toString(), workspaceName(),
                    "--tcp", "0:" + echo.getLocalPort(), "--tcp", "0:" + closedPort).start();
            try {
                StringBuilder out = new StringBuilder();
                StringBuilder err = new StringBuilder();
                Thread.ofVirtual().start(() -> collect(forward.getInputStream(), out));
                Thread.ofVirtual().start(() -> collect(forward.getErrorStream(), err));
                await("port-forward ready").until(() -> contains(out, "Ready!"));
                int localEcho = localPort(out, echo.getLocalPort());
                int localClosed = localPort(out, closedPort);

                for (int i = 0; i < 3; i++) {
                    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), localEcho)) {
                        byte[] message = ("ping-" + i).getBytes(StandardCharsets.UTF_8);
                        socket.getOutputStream().write(message);
                        socket.shutdownOutput();
                        assertThat(socket.getInputStream().readAllBytes()).isEqualTo(message);
                    }
                }

                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), localClosed)) {
                    socket.setSoTimeout(30_000);
                    int read;
                    try {
                        read = socket.getInputStream().read();
                    } catch (IOException reset) {
                        read = -1;
                    }
                    assertThat(read).isEqualTo(-1);
                }
                await("refusal reported").until(() -> contains(err, "Nothing is listening on 127.0.0.1:" + closedPort));
            } finally {
                forward.destroy();
                forward.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static void collect(InputStream in, StringBuilder into) {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (into) {
                    into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // process ended
        }
    }

    private static boolean contains(StringBuilder text, String part) {
        synchronized (text) {
            return text.indexOf(part) >= 0;
        }
    }

    private static int localPort(StringBuilder out, int remote) {
        synchronized (out) {
            Matcher matcher = Pattern.compile("Forwarding 127\\.0\\.0\\.1:(\\d+) to port " + remote + " ").matcher(out);
            assertThat(matcher.find()).as(out.toString()).isTrue();
            return Integer.parseInt(matcher.group(1));
        }
    }

    // ---- web terminal ----

    /** A web-terminal client: sends Coder's JSON messages, collects the raw output. */
    private static final class TerminalClient implements WebSocket.Listener {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket socket;

        static TerminalClient open(CoderClient client, UUID agentId, UUID reconnect) {
            TerminalClient terminal = new TerminalClient();
            URI base = client.baseUrl();
            URI uri = URI.create("ws://" + base.getRawAuthority() + "/api/v2/workspaceagents/" + agentId
                    + "/pty?reconnect=" + reconnect + "&height=24&width=80");
            terminal.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .header("Coder-Session-Token", client.sessionToken().orElseThrow())
                    .buildAsync(uri, terminal).join();
            return terminal;
        }

        void type(String data) {
            socket.sendText("{\"data\":\"" + data.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "\\r") + "\"}", true).join();
        }

        String text() {
            synchronized (output) {
                return output.toString(StandardCharsets.UTF_8);
            }
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (output) {
                output.writeBytes(bytes);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }

    @Test
    void webTerminalReattachesToTheSameShellAndReplaysItsOutput() {
        UUID reconnect = UUID.randomUUID();
        TerminalClient first = TerminalClient.open(fixture.owner, fixture.agent.id(), reconnect);
        first.type("echo marker-$((40+2)) pid-$$\r");
        await("first output").until(() -> first.text().matches("(?s).*marker-42 pid-\\d+.*"));
        Matcher pid = Pattern.compile("marker-42 pid-(\\d+)").matcher(first.text());
        assertThat(pid.find()).isTrue();
        first.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();

        TerminalClient second = TerminalClient.open(fixture.owner, fixture.agent.id(), reconnect);
        await("replay").until(() -> second.text().contains("marker-42 pid-" + pid.group(1)));
        second.type("echo again-$$\r");
        await("same shell").until(() -> second.text().contains("again-" + pid.group(1)));
        second.type("exit\r");
        await("closed when the shell exits").until(second.closed::isDone);
    }

    @Test
    void webTerminalRejectsABadReconnectId() {
        URI uri = URI.create("ws://" + fixture.owner.baseUrl().getRawAuthority() + "/api/v2/workspaceagents/"
                + fixture.agent.id() + "/pty?reconnect=nope");
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Coder-Session-Token", fixture.owner.sessionToken().orElseThrow())
                .buildAsync(uri, new WebSocket.Listener() { }).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(400));
    }

    // ---- authorization ----

    @Test
    void anotherMemberCannotConnect() {
        CoderClient member = fixture.server.createUser(fixture.owner, dev.jcoder.coderd.testing.TestCoderd.uniqueName("member"));
        assertThatThrownBy(() -> ClientTunnel.dial(member, fixture.agent.id()))
                .isInstanceOf(CliException.class).hasMessageContaining("(404)");
        URI uri = URI.create("ws://" + member.baseUrl().getRawAuthority() + "/api/v2/workspaceagents/"
                + fixture.agent.id() + "/pty?reconnect=" + UUID.randomUUID());
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Coder-Session-Token", member.sessionToken().orElseThrow())
                .buildAsync(uri, new WebSocket.Listener() { }).join())
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e).getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void withoutASessionTheTunnelIsUnauthorized() {
        CoderClient anonymous = fixture.server.anonymous().withToken("not-a-token");
        assertThatThrownBy(() -> ClientTunnel.dial(anonymous, fixture.agent.id()))
                .isInstanceOf(CliException.class).hasMessageContaining("(401)");
    }

    @Test
    void connectingBumpsWorkspaceActivity() {
        var before = fixture.owner.workspace(fixture.workspace.id()).lastUsedAt();
        fixture.server.clock().advance(java.time.Duration.ofMinutes(5));
        var result = fixture.coder("ssh", workspaceName(), "--", "true");
        assertThat(result.exitCode()).as(result.toString()).isZero();
        await("last_used_at moved").until(() -> fixture.owner.workspace(fixture.workspace.id()).lastUsedAt().isAfter(before));
    }
}
