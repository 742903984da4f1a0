package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scp (SFTP-based and legacy) and sftp through the real OpenSSH clients. */
class SshFileTransferTest {
    private static final int FIFTY_MEGABYTES = 50 * 1024 * 1024;

    @TempDir
    static Path scratch;

    private static TestServer server;
    private static Path original;
    private static String originalSha256;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestServer.start(scratch, SshServerConfig.builder());
        original = scratch.resolve("original.bin");
        writeRandom(original, FIFTY_MEGABYTES);
        originalSha256 = sha256(original);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void scpFiftyMegabytesBothWays() throws Exception {
        Path remote = scratch.resolve("remote-sftp.bin");
        Path back = scratch.resolve("back-sftp.bin");

        assertThat(run(server.client.scp(original.toString(), "127.0.0.1:" + remote)).exitCode()).isZero();
        assertThat(sha256(remote)).isEqualTo(originalSha256);
        assertThat(run(server.client.scp("127.0.0.1:" + remote, back.toString())).exitCode()).isZero();
        assertThat(sha256(back)).isEqualTo(originalSha256);
    }

    @Test
    void legacyScpProtocolFiftyMegabytesBothWays() throws Exception {
        Path remote = scratch.resolve("remote-legacy.bin");
        Path back = scratch.resolve("back-legacy.bin");

        assertThat(run(server.client.scp("-O", original.toString(), "127.0.0.1:" + remote)).exitCode()).isZero();
        assertThat(sha256(remote)).isEqualTo(originalSha256);
        assertThat(run(server.client.scp("-O", "127.0.0.1:" + remote, back.toString())).exitCode()).isZero();
        assertThat(sha256(back)).isEqualTo(originalSha256);
    }

    @Test
    void legacyScpRelativeTargetIsTheHomeDirectory() throws Exception {
        Path small = Files.writeString(scratch.resolve("jcoder-scp-home-test.txt"), "hello");
        Path inHome = Path.of(System.getProperty("user.home"), small.getFileName().toString());
        try {
            assertThat(run(server.client.scp("-O", small.toString(), "127.0.0.1:")).exitCode()).isZero();
            assertThat(Files.readString(inHome)).isEqualTo("hello");
        } finally {
            Files.deleteIfExists(inHome);
        }
    }

    @Test
    void recursiveCopyBothProtocols() throws Exception {
        Path tree = Files.createDirectories(scratch.resolve("tree/sub"));
        Files.writeString(tree.resolve("leaf.txt"), "leaf");
        Files.writeString(tree.getParent().resolve("top.txt"), "top");

        run(server.client.scp("-r", tree.getParent().toString(), "127.0.0.1:" + scratch.resolve("copy-sftp")));
        run(server.client.scp("-O", "-r", tree.getParent().toString(), "127.0.0.1:" + scratch.resolve("copy-legacy")));

        for (String copy : java.util.List.of("copy-sftp", "copy-legacy")) {
            assertThat(Files.readString(scratch.resolve(copy).resolve("sub/leaf.txt"))).isEqualTo("leaf");
            assertThat(Files.readString(scratch.resolve(copy).resolve("top.txt"))).isEqualTo("top");
        }
    }

    @Test
    void rsyncOverSshWorks() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/rsync")), "rsync is installed");
        Path source = Files.createDirectories(scratch.resolve("rsync-source"));
        Files.writeString(source.resolve("a.txt"), "rsync content");
        String rsh = String.join(" ", server.client.ssh()) ;

        run(java.util.List.of("/usr/bin/rsync", "-a", "-e", rsh, source + "/", "127.0.0.1:" + scratch.resolve("rsync-target")));

        assertThat(Files.readString(scratch.resolve("rsync-target/a.txt"))).isEqualTo("rsync content");
    }

    @Test
    void sftpBatchListsMakesDirectoriesPutsAndGets() throws Exception {
        Path dir = scratch.resolve("sftp-dir");
        Path small = Files.writeString(scratch.resolve("small.txt"), "sftp content\n");
        Path fetched = scratch.resolve("fetched.txt");
        String batch = String.join("\n",
                "pwd",
                "mkdir " + dir,
                "put " + small + " " + dir + "/uploaded.txt",
                "ls -l " + dir,
                "get " + dir + "/uploaded.txt " + fetched,
                "") ;

        OpenSsh.Result result = server.client.run(server.client.sftp("-b", "-", "127.0.0.1"), batch);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Remote working directory: " + System.getProperty("user.home"));
        assertThat(result.stdout()).contains("uploaded.txt");
        assertThat(Files.isDirectory(dir)).isTrue();
        assertThat(Files.readString(fetched)).isEqualTo("sftp content\n");
    }

    private static OpenSsh.Result run(java.util.List<String> command) {
        OpenSsh.Result result = server.client.run(command, "");
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        return result;
    }

    private static void writeRandom(Path file, int size) throws IOException {
        Random random = new Random(42);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int written = 0; written < size; written += chunk.length) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
