package dev.jcoder.coderd.http;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.metrics.RequestMetrics;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.Response;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin on virtual threads with the middleware chain every API request passes
 * (headers, metrics, authentication, rate limits, CSRF), the feature routes, Coder's 404 for
 * unknown API routes, and the dashboard for every other path. {@link #close()} drains in-flight
 * requests before stopping.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final String STARTED_AT = "jcoder.startedAt";
    /** Routes that work without a session; a valid session is still recognized on them. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/v2", "/api/v2/", "/api/v2/buildinfo",
            "/api/v2/updatecheck", "/api/v2/users/first", "/api/v2/users/login", "/api/v2/users/authmethods",
            "/api/v2/users/validate-password", "/api/v2/csp/reports");
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/v2/init-script/", "/api/v2/workspaceagents/me/");

    /** Answers API paths no route matched; recognized by identity in the authentication step. */
    private static final Handler UNKNOWN_API_ROUTE = ctx -> ErrorMapper.write(ctx, 404, Response.of("Route not found."));

    private final Javalin app;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();

    public HttpServer(CoderdConfig config, String version, InstantSource clock, ApiKeyAuthenticator authenticator,
            CsrfProtection csrf, RateLimiter apiLimiter, RateLimiter loginLimiter, RequestMetrics metrics,
            List<Api> apis, Handler site) {
        app = Javalin.create(javalin -> {
            javalin.concurrency.useVirtualThreads = true;
            javalin.jsonMapper(new JavalinJackson(Json.mapper(), true));
            javalin.http.maxRequestSize = Math.max(config.maxRequestBodyBytes(), 100L * 1024 * 1024);
            javalin.http.defaultContentType = "application/json; charset=utf-8";
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = config.httpHost();
            javalin.jetty.port = config.httpPort();

            javalin.requestLogger.http((ctx, millis) -> {
                Instant started = ctx.attribute(STARTED_AT);
                if (started != null) {
                    inFlight.decrementAndGet();
                    Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                    String route = matched == null ? "unknown" : matched.path;
                    metrics.finished(ctx.method().name(), route, ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000)));
                }
            });

            var routes = javalin.routes;
            routes.exception(ApiException.class, ErrorMapper::handle);
            routes.exception(HttpResponseException.class, ErrorMapper::handle);
            routes.exception(Exception.class, ErrorMapper::handleUnexpected);

            routes.before(ctx -> {
                ctx.attribute(STARTED_AT, clock.instant());
                inFlight.incrementAndGet();
                metrics.started();
                ctx.header(CoderClient.BUILD_VERSION_HEADER, version);
                ctx.header("X-Content-Type-Options", "nosniff");
                if (draining.get()) {
                    ctx.header("Connection", "close");
                    throw new HttpResponseException(503, "The server is shutting down.");
                }
            });
            routes.before(csrf::issueCookie);
            routes.before(ctx -> {
                // Dashboard pages: recognise a signed-in browser so index.html can carry the user.
                String path = ctx.path();
                if (!path.startsWith("/api/") && !path.startsWith("/assets/") && !path.equals("/healthz")) {
                    authenticator.authenticate(ctx, false);
                }
            });
            routes.beforeMatched("/api/*", ctx -> {
                Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
                if (matched != null && matched.handler == UNKNOWN_API_ROUTE) {
                    return; // Coder answers unknown API routes with 404 before asking who is calling.
                }
                String path = ctx.path();
                boolean isPublic = PUBLIC_PATHS.contains(path) || PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
                authenticator.authenticate(ctx, !isPublic);
                String limiterKey = Authenticated.from(ctx).map(auth -> "user:" + auth.user().id())
                        .orElse("ip:" + ctx.ip());
                if (!bypassesRateLimit(ctx)) {
                    if (path.equals("/api/v2/users/login")) {
                        loginLimiter.acquire("ip:" + ctx.ip());
                    }
                    apiLimiter.acquire(limiterKey);
                }
                csrf.check(ctx);
            });

            routes.get("/healthz", ctx -> ctx.contentType("text/plain; charset=utf-8").result("OK"));
            routes.get("/api/v2", HttpServer::hello);
            routes.get("/api/v2/", HttpServer::hello);
            for (Api api : apis) {
                api.register(routes);
            }
            for (HandlerType type : List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.PATCH,
                    HandlerType.DELETE)) {
                routes.addEndpoint(new Endpoint(type, "/api/*", UNKNOWN_API_ROUTE, Set.of()));
            }
            routes.get("/*", site);
        });
    }

    private static boolean bypassesRateLimit(Context ctx) {
        return "true".equalsIgnoreCase(ctx.header("X-Coder-Bypass-Ratelimit"))
                && Authenticated.from(ctx).map(auth -> auth.user().rbacRoles().contains("owner")).orElse(false);
    }

    private static void hello(Context ctx) {
        ctx.json(Response.of("👋"));
    }

    public HttpServer start() {
        app.start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Refuses new requests, waits up to {@code grace} for in-flight ones, then stops. */
    public void shutdown(Duration grace) {
        draining.set(true);
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            log.warn("stopping with {} requests still in flight after {}", inFlight.get(), grace);
        }
        app.stop();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
