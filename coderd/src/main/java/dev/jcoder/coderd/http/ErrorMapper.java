package dev.jcoder.coderd.http;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Gone;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.PreconditionFailed;
import dev.jcoder.coderd.errors.RateLimited;
import dev.jcoder.coderd.errors.TooLarge;
import dev.jcoder.coderd.errors.Unauthenticated;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.codersdk.Response;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping from errors to Coder's response shape and status codes. */
public final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    public static int status(ApiException e) {
        // No default branch: a new kind of ApiException does not compile until it is mapped here.
        return switch (e) {
            case ValidationFailed ignored -> 400;
            case Unauthenticated ignored -> 401;
            case Forbidden ignored -> 403;
            case NotFound ignored -> 404;
            case Conflict ignored -> 409;
            case Gone ignored -> 410;
            case PreconditionFailed ignored -> 412;
            case TooLarge ignored -> 413;
            case RateLimited ignored -> 429;
        };
    }

    public static void handle(ApiException e, Context ctx) {
        write(ctx, status(e), new Response(e.getMessage(), e.detail(), e.validations()));
    }

    /** Javalin's own errors (for example a body over the server's hard limit). */
    public static void handle(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        String message = status == 413 ? "Request body is too large." : e.getMessage();
        write(ctx, status, Response.of(message));
    }

    /** Anything unexpected: 500 with a generic message; the details go to the log under a request id. */
    public static void handleUnexpected(Exception e, Context ctx) {
        String requestId = UUID.randomUUID().toString();
        log.error("request {} {} failed (request id {})", ctx.method(), ctx.path(), requestId, e);
        write(ctx, 500, Response.of("An internal server error occurred.", "Request ID: " + requestId));
    }

    public static void write(Context ctx, int status, Response body) {
        ctx.status(status);
        ctx.json(body);
    }
}
