package dev.jcoder.coderd.auth;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Generates a user's git SSH key: ed25519 (Coder's default {@code --ssh-keygen-algorithm}), written
 * in OpenSSH's own formats ({@code ssh-ed25519 AAAA...} and an unencrypted
 * {@code OPENSSH PRIVATE KEY}) so that {@code ssh} and {@code git} use it directly.
 */
public final class GitSshKeyGenerator {
    private static final String KEY_TYPE = "ssh-ed25519";
    private final SecureRandom random = new SecureRandom();

    public record OpenSshKeyPair(String privateKey, String publicKey) {}

    public OpenSshKeyPair generate() {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this JDK.", e);
        }
        // X.509 and PKCS#8 encodings of Ed25519 end with the raw 32-byte public key and seed.
        byte[] encodedPublic = pair.getPublic().getEncoded();
        byte[] encodedPrivate = pair.getPrivate().getEncoded();
        byte[] publicKey = Arrays.copyOfRange(encodedPublic, encodedPublic.length - 32, encodedPublic.length);
        byte[] seed = Arrays.copyOfRange(encodedPrivate, encodedPrivate.length - 32, encodedPrivate.length);
        byte[] publicBlob = publicBlob(publicKey);
        String publicText = KEY_TYPE + " " + Base64.getEncoder().encodeToString(publicBlob);
        return new OpenSshKeyPair(privateKeyPem(publicBlob, publicKey, seed), publicText);
    }

    private static byte[] publicBlob(byte[] publicKey) {
        return write(out -> {
            writeString(out, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
            writeString(out, publicKey);
        });
    }

    private String privateKeyPem(byte[] publicBlob, byte[] publicKey, byte[] seed) {
        int check = random.nextInt();
        byte[] privateSection = write(out -> {
            out.writeInt(check);
            out.writeInt(check);
            writeString(out, KEY_TYPE.getBytes(StandardCharsets.US_ASCII));
            writeString(out, publicKey);
            byte[] secret = new byte[64];
            System.arraycopy(seed, 0, secret, 0, 32);
            System.arraycopy(publicKey, 0, secret, 32, 32);
            writeString(out, secret);
            writeString(out, "coder".getBytes(StandardCharsets.US_ASCII));
            // Pad to the cipher block size (8 for "none") with 1, 2, 3, ...
            int size = out.size();
            for (int pad = 1; (size + pad - 1) % 8 != 0; pad++) {
                out.writeByte(pad);
            }
        });
        byte[] body = write(out -> {
            out.write("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII));
            writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
            writeString(out, "none".getBytes(StandardCharsets.US_ASCII));
            writeString(out, new byte[0]);
            out.writeInt(1);
            writeString(out, publicBlob);
            writeString(out, privateSection);
        });
        String encoded = Base64.getMimeEncoder(70, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(body);
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n" + encoded + "\n-----END OPENSSH PRIVATE KEY-----\n";
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }
}
