package dev.jcoder.coderd.http;

import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.ApiKeyRow;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.UserRow;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * The caller of a request, set by {@link ApiKeyAuthenticator}: the user, the key they presented,
 * their RBAC subject and a store that acts with their permissions.
 */
public record Authenticated(UserRow user, ApiKeyRow apiKey, Subject subject, AuthorizingStore store, TokenSource source) {
    private static final String ATTRIBUTE = "jcoder.authenticated";

    /** Where the token came from; only cookie-authenticated requests need CSRF protection. */
    public enum TokenSource { COOKIE, QUERY, HEADER }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    public static Optional<Authenticated> from(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /** The caller, or 401 when the request carries no valid session. */
    public static Authenticated require(Context ctx) {
        return from(ctx).orElseThrow(() -> new Unauthenticated(
                "Cookie \"coder_session_token\" or query parameter must be provided."));
    }
}
