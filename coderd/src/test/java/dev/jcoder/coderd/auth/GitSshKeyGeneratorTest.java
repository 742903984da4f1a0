package dev.jcoder.coderd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSshKeyGeneratorTest {
    @Test
    void opensshAcceptsThePrivateKeyAndDerivesTheSamePublicKey(@TempDir Path dir) throws Exception {
        var pair = new GitSshKeyGenerator().generate();
        Path key = dir.resolve("id_ed25519");
        Files.writeString(key, pair.privateKey());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", key.toString()).redirectErrorStream(true).start();
        String derived = new String(keygen.getInputStream().readAllBytes()).strip();
        assertThat(keygen.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(keygen.exitValue()).as(derived).isZero();
        assertThat(derived).startsWith(pair.publicKey());
    }
}
