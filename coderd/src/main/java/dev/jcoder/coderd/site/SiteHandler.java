package dev.jcoder.coderd.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.codersdk.BuildInfoResponse;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.User;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard's files. Hashed assets under {@code /assets/} are cached for a year; index.html is
 * never cached and carries the build info and the signed-in user in meta tags, so the first paint
 * needs no extra round trip. Every page gets a Content-Security-Policy.
 */
public final class SiteHandler implements Handler {
    private static final String ROOT = "/site";
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: https:",
            "font-src 'self' data:",
            "connect-src 'self' ws: wss:",
            "frame-ancestors 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'");
    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("ttf", "font/ttf"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    private final BuildInfoResponse buildInfo;
    private final Function<Authenticated, User> userConverter;
    private final Optional<String> indexTemplate;

    public SiteHandler(BuildInfoResponse buildInfo, Function<Authenticated, User> userConverter) {
        this.buildInfo = buildInfo;
        this.userConverter = userConverter;
        this.indexTemplate = read(ROOT + "/index.html").map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    @Override
    public void handle(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
        String path = ctx.path();
        if (!path.contains("..") && !path.equals("/") && !path.endsWith("/")) {
            Optional<byte[]> file = read(ROOT + path);
            if (file.isPresent() && !path.equals("/index.html")) {
                String extension = path.substring(path.lastIndexOf('.') + 1);
                ctx.contentType(CONTENT_TYPES.getOrDefault(extension, "application/octet-stream"));
                ctx.header("Cache-Control", path.startsWith("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
                ctx.result(file.get());
                return;
            }
        }
        ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(indexTemplate.map(html -> withBootstrapData(html, ctx)).orElse(NOT_BUILT));
    }

    private String withBootstrapData(String html, Context ctx) {
        String user = Authenticated.from(ctx).map(userConverter).map(SiteHandler::toJson).orElse("");
        return html
                .replace("<meta property=\"build-info\" content=\"\"", "<meta property=\"build-info\" content=\"" + escape(toJson(buildInfo)) + "\"")
                .replace("<meta property=\"user\" content=\"\"", "<meta property=\"user\" content=\"" + escape(user) + "\"");
    }

    private static String toJson(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static Optional<byte[]> read(String resource) {
        try (InputStream in = SiteHandler.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String NOT_BUILT = """
            <!doctype html><html><head><meta charset="utf-8"><title>jcoder</title></head>
            <body><h1>jcoder</h1><p>The dashboard was not built into this server. The API is at <a href="/api/v2/buildinfo">/api/v2</a>.
            Run <code>./coder server</code> from the repository, which builds the dashboard (needs Node.js and npm).</p></body></html>
            """;
}
