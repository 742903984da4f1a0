package dev.jcoder.coderd.auth;

import dev.jcoder.coderd.store.ApiKeyRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.LoginType;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/** Creates API keys (browser sessions and long-lived tokens) and stores only their hashes. */
public final class ApiKeyIssuer {
    private final ApiKeyGenerator generator = new ApiKeyGenerator();
    private final InstantSource clock;

    public ApiKeyIssuer(InstantSource clock) {
        this.clock = clock;
    }

    /** Stores a new key through {@code store} (which checks the caller may) and returns the token. */
    public String issue(Store store, UUID userId, LoginType loginType, Duration lifetime, ApiKeyScope scope,
            String tokenName, String ipAddress) {
        ApiKeyGenerator.GeneratedKey key = generator.generate();
        Instant now = clock.instant();
        store.insertAPIKey(new ApiKeyRow(key.id(), key.hashedSecret(), userId, now, now.plus(lifetime), now, now,
                loginType, lifetime.toSeconds(), ipAddress, scope, tokenName));
        return key.token();
    }
}
