package dev.jcoder.coderd.http;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.auth.ApiKeyGenerator;
import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.ApiKeyRow;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.LoginType;
import dev.jcoder.codersdk.UserStatus;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds the caller of an API request from its token (cookie {@code coder_session_token}, then the
 * query parameter of the same name, then the {@code Coder-Session-Token} header, as Coder looks),
 * validates it and attaches an {@link Authenticated} to the request. Routes that need no
 * authentication still get the caller when a valid token is present.
 */
public final class ApiKeyAuthenticator {
    public static final String SIGNED_OUT = "You are signed out or your session has expired. Please sign in again to continue.";
    private static final Duration WRITE_INTERVAL = Duration.ofHours(1);

    private final AuthorizingStore validationStore;
    private final InstantSource clock;
    private final CoderdConfig config;

    /** @param store a store whose subject is replaced by the named system actor for key validation */
    public ApiKeyAuthenticator(AuthorizingStore store, InstantSource clock, CoderdConfig config) {
        // System actor: reads any API key and user to decide who the caller is.
        this.validationStore = store.as(Subject.system("api key validation"));
        this.clock = clock;
        this.config = config;
    }

    /** Authenticates if a token is present; throws 401 only when {@code required}. */
    public void authenticate(Context ctx, boolean required) {
        Optional<PresentedToken> token = presentedToken(ctx);
        if (token.isEmpty()) {
            if (required) {
                throw new Unauthenticated("Cookie \"coder_session_token\" or query parameter must be provided.");
            }
            return;
        }
        try {
            validate(ctx, token.get()).attachTo(ctx);
        } catch (Unauthenticated e) {
            if (required) {
                throw e;
            }
        }
    }

    private Authenticated validate(Context ctx, PresentedToken presented) {
        ApiKeyGenerator.ParsedToken parsed = ApiKeyGenerator.parse(presented.value())
                .orElseThrow(() -> new Unauthenticated(SIGNED_OUT, "Invalid API key format: the key must be <id>-<secret>."));
        ApiKeyRow key = validationStore.getAPIKeyByID(parsed.id())
                .filter(row -> ApiKeyGenerator.secretMatches(parsed.secret(), row.hashedSecret()))
                .orElseThrow(() -> new Unauthenticated(SIGNED_OUT, "API key is invalid."));
        Instant now = clock.instant();
        if (!now.isBefore(key.expiresAt())) {
            throw new Unauthenticated(SIGNED_OUT, "API key expired at " + key.expiresAt() + ".");
        }
        UserRow user = validationStore.getUserByID(key.userId())
                .filter(row -> !row.deleted())
                .orElseThrow(() -> new Unauthenticated(SIGNED_OUT, "The user of this API key no longer exists."));
        if (user.status() == UserStatus.SUSPENDED) {
            throw new Unauthenticated("User is not active (status = \"suspended\"). Contact an admin to reactivate your account.");
        }
        if (user.status() == UserStatus.DORMANT) {
            user = validationStore.updateUserStatus(user.id(), UserStatus.ACTIVE, now);
        }
        key = refresh(key, user, now, ctx.ip());
        Subject subject = subjectOf(user);
        return new Authenticated(user, key, subject, validationStore.as(subject), presented.source());
    }

    /** Writes last-used at most hourly, and slides a session's expiry while it is in use. */
    private ApiKeyRow refresh(ApiKeyRow key, UserRow user, Instant now, String ip) {
        boolean stale = Duration.between(key.lastUsed(), now).compareTo(WRITE_INTERVAL) >= 0;
        Duration lifetime = Duration.ofSeconds(key.lifetimeSeconds());
        boolean slide = key.loginType() != LoginType.TOKEN && !config.disableSessionExpiryRefresh()
                && Duration.between(now, key.expiresAt()).compareTo(lifetime.minus(WRITE_INTERVAL)) <= 0;
        if (!stale && !slide) {
            return key;
        }
        Instant expiresAt = slide ? now.plus(lifetime) : key.expiresAt();
        Instant lastUsed = stale ? now : key.lastUsed();
        validationStore.updateAPIKeyByID(key.id(), lastUsed, expiresAt, ip);
        if (stale) {
            validationStore.updateUserLastSeenAt(user.id(), now);
        }
        return new ApiKeyRow(key.id(), key.hashedSecret(), key.userId(), lastUsed, expiresAt, key.createdAt(), now,
                key.loginType(), key.lifetimeSeconds(), ip, key.scope(), key.tokenName());
    }

    /** The RBAC subject of a user: site roles and organization memberships. */
    public Subject subjectOf(UserRow user) {
        Map<UUID, Set<String>> organizations = validationStore.getOrganizationMembershipsByUserID(user.id()).stream()
                .collect(Collectors.toMap(OrganizationMemberRow::organizationId, member -> new HashSet<>(member.roles())));
        return Subject.user(user.id(), user.username(), Set.copyOf(user.rbacRoles()), organizations);
    }

    private static Optional<PresentedToken> presentedToken(Context ctx) {
        String cookie = ctx.cookie(CoderClient.SESSION_TOKEN_COOKIE);
        if (cookie != null && !cookie.isBlank()) {
            return Optional.of(new PresentedToken(cookie, Authenticated.TokenSource.COOKIE));
        }
        String query = ctx.queryParam(CoderClient.SESSION_TOKEN_COOKIE);
        if (query != null && !query.isBlank()) {
            return Optional.of(new PresentedToken(query, Authenticated.TokenSource.QUERY));
        }
        String header = ctx.header(CoderClient.SESSION_TOKEN_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(new PresentedToken(header.strip(), Authenticated.TokenSource.HEADER));
        }
        return Optional.empty();
    }

    private record PresentedToken(String value, Authenticated.TokenSource source) {}
}
