package dev.jcoder.coderd.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Coder's API key format: {@code <10-char id>-<22-char secret>}, alphanumeric. Only SHA-256 of the
 * secret is stored; presented secrets are compared in constant time.
 */
public final class ApiKeyGenerator {
    public static final int ID_LENGTH = 10;
    public static final int SECRET_LENGTH = 22;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final SecureRandom random = new SecureRandom();

    /** A new key's parts; {@link GeneratedKey#token()} is shown to the user once. */
    public GeneratedKey generate() {
        String id = randomString(ID_LENGTH);
        String secret = randomString(SECRET_LENGTH);
        return new GeneratedKey(id, secret, hashSecret(secret));
    }

    /** Splits a presented token into id and secret, or empty when it does not have Coder's shape. */
    public static Optional<ParsedToken> parse(String token) {
        int dash = token.indexOf('-');
        if (dash != ID_LENGTH || token.indexOf('-', dash + 1) >= 0 || token.length() != ID_LENGTH + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(new ParsedToken(token.substring(0, dash), token.substring(dash + 1)));
    }

    public static boolean secretMatches(String secret, byte[] storedHash) {
        return MessageDigest.isEqual(hashSecret(secret), storedHash);
    }

    static byte[] hashSecret(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JDK.", e);
        }
    }

    private String randomString(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    public record GeneratedKey(String id, String secret, byte[] hashedSecret) {
        public String token() {
            return id + "-" + secret;
        }
    }

    public record ParsedToken(String id, String secret) {}
}
