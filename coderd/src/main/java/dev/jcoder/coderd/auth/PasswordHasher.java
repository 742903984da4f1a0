package dev.jcoder.coderd.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256 password hashes in Coder's format {@code $pbkdf2-sha256$<iter>$<salt>$<hash>}
 * (raw standard base64, 16-byte salt, 64-byte key). Verification reads the iteration count from
 * the hash, so hashes made with Coder's older 1024 iterations still verify.
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 65535;
    private static final int SALT_BYTES = 16;
    private static final int KEY_BYTES = 64;
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    /**
     * Compared against when the user does not exist, so that unknown users take as long as known
     * ones. Computed in the background: it costs a full hash, which start-up need not wait for.
     */
    private final FutureTask<String> dummyHash;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this.iterations = iterations;
        this.dummyHash = new FutureTask<>(() -> hash("dummy password that no user has"));
        Thread.ofVirtual().name("password-dummy-hash").start(dummyHash);
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] key = derive(password, salt, iterations);
        return "$pbkdf2-sha256$" + iterations + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(key);
    }

    /** True when {@code password} matches {@code hash}; an unknown user (empty hash) takes the same time. */
    public boolean verify(String password, Optional<String> hash) {
        String stored = hash.filter(value -> !value.isEmpty()).orElseGet(this::dummyHash);
        boolean matches = compare(password, stored);
        return hash.isPresent() && !hash.get().isEmpty() && matches;
    }

    private String dummyHash() {
        try {
            return dummyHash.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing the dummy password hash.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot prepare the dummy password hash.", e.getCause());
        }
    }

    private static boolean compare(String password, String stored) {
        String[] parts = stored.split("\\$");
        // "", "pbkdf2-sha256", iterations, salt, hash
        if (parts.length != 5 || !parts[1].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[2]);
            byte[] salt = DECODER.decode(parts[3]);
            byte[] expected = DECODER.decode(parts[4]);
            byte[] actual = derive(password, salt, storedIterations, expected.length);
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        return derive(password, salt, iterations, KEY_BYTES);
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        try {
            // SunJCE encodes the password's characters as UTF-8, as Go's []byte(password) does.
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this JDK.", e);
        }
    }
}
