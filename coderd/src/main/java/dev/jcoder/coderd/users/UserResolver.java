package dev.jcoder.coderd.users;

import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.store.UserRow;
import io.javalin.http.Context;

/** Loads the {@code {user}} path parameter: {@code me}, a user id or a username. */
public final class UserResolver {
    private UserResolver() {}

    public static UserRow resolve(Context ctx, Authenticated auth) {
        String reference = ctx.pathParam("user");
        if (reference.equalsIgnoreCase("me")) {
            return auth.user();
        }
        return Requests.parseUuid(reference)
                .flatMap(id -> auth.store().getUserByID(id))
                .or(() -> auth.store().getUserByEmailOrUsername("", reference))
                .filter(user -> !user.deleted())
                .orElseThrow(NotFound::new);
    }
}
