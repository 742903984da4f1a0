package dev.jcoder.coderd.auth;

import dev.jcoder.codersdk.CoderClient;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Duration;

/** The browser session cookie {@code coder_session_token}: HttpOnly, SameSite=Lax, Secure on request. */
public final class SessionCookie {
    private final boolean secure;

    public SessionCookie(boolean secure) {
        this.secure = secure;
    }

    public void set(Context ctx, String token, Duration lifetime) {
        ctx.cookie(new Cookie(CoderClient.SESSION_TOKEN_COOKIE, token, "/", (int) lifetime.toSeconds(), secure, true,
                null, SameSite.LAX));
    }

    public void clear(Context ctx) {
        ctx.cookie(new Cookie(CoderClient.SESSION_TOKEN_COOKIE, "", "/", 0, secure, true, null, SameSite.LAX));
    }
}
