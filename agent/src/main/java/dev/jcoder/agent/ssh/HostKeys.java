package dev.jcoder.agent.ssh;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.Optional;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyPairProvider;

/**
 * The server's ed25519 host key: generated once and kept in an OpenSSH-format private key file
 * (mode 0600), so clients that pinned it keep trusting the agent across restarts; or kept in
 * memory only when no file is configured.
 */
final class HostKeys {
    private static final String COMMENT = "jcoder-agent";

    private HostKeys() {
    }

    /** Loads the key from {@code file}, creating the file with a new key if it does not exist. */
    static KeyPair load(Optional<Path> file) {
        try {
            if (file.isEmpty()) {
                return generate();
            }
            Path path = file.get();
            if (Files.exists(path)) {
                return read(path);
            }
            KeyPair keyPair = generate();
            write(path, keyPair);
            return keyPair;
        } catch (IOException e) {
            throw new UncheckedIOException("The SSH host key could not be loaded or created: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The SSH host key could not be generated or parsed: " + e.getMessage(), e);
        }
    }

    static KeyPairProvider provider(KeyPair keyPair) {
        return KeyPairProvider.wrap(keyPair);
    }

    private static KeyPair generate() throws GeneralSecurityException {
        return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
    }

    private static KeyPair read(Path path) throws IOException, GeneralSecurityException {
        Iterator<KeyPair> keys = new FileKeyPairProvider(path).loadKeys(null).iterator();
        if (!keys.hasNext()) {
            throw new IOException("The host key file " + path + " holds no key.");
        }
        return keys.next();
    }

    /** Writes through a temporary file so a crash never leaves a half-written key behind. */
    private static void write(Path path, KeyPair keyPair) throws IOException, GeneralSecurityException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, ".hostkey", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.TRUNCATE_EXISTING)) {
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, COMMENT, null, out);
            }
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
