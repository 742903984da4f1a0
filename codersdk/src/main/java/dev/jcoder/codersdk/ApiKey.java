package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/** An API key or session without its secret. {@code id} is the token's 10-character prefix. */
public record ApiKey(
        String id,
        UUID userId,
        Instant lastUsed,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        LoginType loginType,
        ApiKeyScope scope,
        String tokenName,
        long lifetimeSeconds,
        String username) {}
