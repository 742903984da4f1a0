package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.LoginType;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code api_keys}: sessions (login type of the sign-in) and tokens ({@code token}). */
public record ApiKeyRow(
        String id,
        byte[] hashedSecret,
        UUID userId,
        Instant lastUsed,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        LoginType loginType,
        long lifetimeSeconds,
        String ipAddress,
        ApiKeyScope scope,
        String tokenName) {
    public ApiKeyRow {
        hashedSecret = hashedSecret.clone();
    }

    @Override
    public byte[] hashedSecret() {
        return hashedSecret.clone();
    }
}
