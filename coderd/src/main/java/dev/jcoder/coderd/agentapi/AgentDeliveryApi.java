package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.codersdk.agentsdk.AgentInitScript;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * How agents get into workspaces, without authentication as in Coder:
 * {@code GET /api/v2/init-script/{os}/{arch}} answers the bootstrap script with this deployment's
 * access URL, and {@code GET /bin/coder-<os>-<arch>} the agent bundle, with an ETag (the content's
 * SHA-256) so that a workspace that has it already gets 304. Only the bundles present in the
 * bundle directory are served; other names get a 404 that says which ones are.
 */
public final class AgentDeliveryApi implements Api {
    private static final String PREFIX = "coder-";

    private final Path bundleDirectory;
    private final Supplier<URI> accessUrl;
    private final ConcurrentHashMap<Path, CachedDigest> digests = new ConcurrentHashMap<>();

    private record CachedDigest(long size, long modified, String etag) {}

    public AgentDeliveryApi(Path bundleDirectory, Supplier<URI> accessUrl) {
        this.bundleDirectory = bundleDirectory;
        this.accessUrl = accessUrl;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/init-script/{os}/{arch}", this::initScript);
        routes.get("/bin/{name}", this::bundle);
        routes.head("/bin/{name}", this::bundle);
    }

    private void initScript(Context ctx) {
        String os = ctx.pathParam("os");
        String arch = ctx.pathParam("arch");
        String template = AgentInitScript.template(os, arch).orElseThrow(() -> new NotFound(
                "Unknown os/arch: " + os + "/" + arch + ".",
                "Init scripts exist for os " + AgentInitScript.OPERATING_SYSTEMS + " and arch " + AgentInitScript.ARCHITECTURES + "."));
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(AgentInitScript.render(template, accessUrl.get().toString(), "token"));
    }

    private void bundle(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        Path file = bundleDirectory.resolve(name).normalize();
        if (!name.startsWith(PREFIX) || !file.getParent().equals(bundleDirectory.normalize()) || !Files.isRegularFile(file)) {
            List<String> served = served();
            throw new NotFound("The agent binary \"" + name + "\" is not served by this deployment.",
                    served.isEmpty()
                            ? "No agent bundle has been built; run scripts/build-agent-bundle (./coder does it on build)."
                            : "This deployment serves: " + String.join(", ", served) + ".");
        }
        String etag = "\"" + digest(file) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType("application/octet-stream");
        // The bundle is gzip inside already; compressing it again (the init script's curl sends
        // Accept-Encoding) would gain nothing and contradict the Content-Length, so the body is sent as is.
        ctx.disableCompression();
        ctx.header("Content-Length", Long.toString(Files.size(file)));
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return;
        }
        InputStream in = Files.newInputStream(file);
        ctx.result(in);
    }

    private List<String> served() throws IOException {
        if (!Files.isDirectory(bundleDirectory)) {
            return List.of();
        }
        try (var files = Files.list(bundleDirectory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(PREFIX) && !n.endsWith(".tmp"))
                    .sorted().toList();
        }
    }

    /** The file's SHA-256, computed again only when its size or modification time changed. */
    private String digest(Path file) throws IOException {
        long size = Files.size(file);
        long modified = Files.getLastModifiedTime(file).toMillis();
        CachedDigest cached = digests.get(file);
        if (cached != null && cached.size() == size && cached.modified() == modified) {
            return cached.etag();
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
            String etag = HexFormat.of().formatHex(sha.digest());
            digests.put(file, new CachedDigest(size, modified, etag));
            return etag;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
