package dev.jcoder.coderd.http;

import dev.jcoder.coderd.errors.Forbidden;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Double-submit CSRF protection for browser sessions: every response gives the browser a readable
 * {@code csrf_token} cookie, and a cookie-authenticated request that changes state must echo it in
 * the {@code X-CSRF-TOKEN} header. A cross-site page can make the browser send the cookie but cannot
 * read it. Requests authenticated by header or query token are exempt, as in Coder.
 */
public final class CsrfProtection {
    public static final String COOKIE = "csrf_token";
    public static final String HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> EXEMPT_PATHS = Set.of("/api/v2/users/first", "/api/v2/csp/reports");

    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookie;

    public CsrfProtection(boolean secureCookie) {
        this.secureCookie = secureCookie;
    }

    /** Issues the token cookie if the browser has none. Runs for every request. */
    public void issueCookie(Context ctx) {
        if (ctx.cookie(COOKIE) == null) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Cookie cookie = new Cookie(COOKIE, token, "/", -1, secureCookie, false, null, SameSite.LAX);
            ctx.cookie(cookie);
        }
    }

    /** Rejects a cookie-authenticated state change that does not echo the CSRF token. */
    public void check(Context ctx) {
        if (SAFE_METHODS.contains(ctx.method().name()) || EXEMPT_PATHS.contains(ctx.path())
                || ctx.path().startsWith("/api/v2/workspaceagents/me/")) {
            return;
        }
        boolean cookieAuthenticated = Authenticated.from(ctx)
                .map(auth -> auth.source() == Authenticated.TokenSource.COOKIE)
                .orElse(false);
        if (!cookieAuthenticated) {
            return;
        }
        String expected = ctx.cookie(COOKIE);
        String presented = ctx.header(HEADER);
        if (expected == null || presented == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("CSRF token is missing or invalid.",
                    "Send the value of the \"" + COOKIE + "\" cookie in the \"" + HEADER + "\" header.");
        }
    }
}
