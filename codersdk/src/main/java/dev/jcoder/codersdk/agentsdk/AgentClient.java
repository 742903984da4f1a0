package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.WorkspaceAgentLogSource;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The agent's client of {@code /api/v2/workspaceagents/me/*}, authenticated by the agent token
 * (header {@code Coder-Session-Token}). Every method is one request and throws like
 * {@link CoderClient} ({@link CoderApiException} for an error answer, {@code UncheckedIOException}
 * when the server cannot be reached); wrap calls in {@link RetryPolicy#run} to ride out restarts.
 * Thread-safe.
 */
public final class AgentClient {
    /** The WebSocket that carries the agent's tunnel (yamux; the agent dials, coderd opens streams). */
    public static final String TUNNEL_PATH = "/api/v2/workspaceagents/me/tunnel";
    /** The status {@code PATCH /me/logs} answers once the agent's logs exceeded the server's limit. */
    public static final int LOGS_LIMIT_EXCEEDED_STATUS = 413;

    private static final String ME = "/api/v2/workspaceagents/me";

    private final CoderClient http;
    private final String token;

    public AgentClient(URI url, String token) {
        Objects.requireNonNull(url, "url");
        this.token = Objects.requireNonNull(token, "token");
        this.http = new CoderClient(url).withToken(token);
    }

    public URI url() {
        return http.baseUrl();
    }

    public Manifest manifest() {
        return http.get(ME + "/manifest", Manifest.class);
    }

    public void postStartup(PostStartupRequest request) {
        http.post(ME + "/startup", request, Void.class);
    }

    public void postLifecycle(PostLifecycleRequest request) {
        http.post(ME + "/report-lifecycle", request, Void.class);
    }

    /** Throws {@link CoderApiException} with status {@value #LOGS_LIMIT_EXCEEDED_STATUS} once the limit is exceeded. */
    public void patchLogs(PatchLogs request) {
        http.send("PATCH", ME + "/logs", request, Void.class);
    }

    public WorkspaceAgentLogSource postLogSource(PostLogSourceRequest request) {
        return http.post(ME + "/log-source", request, WorkspaceAgentLogSource.class);
    }

    public StatsResponse postStats(Stats stats) {
        return http.post(ME + "/report-stats", stats, StatsResponse.class);
    }

    public void postMetadata(PostMetadataRequest request) {
        http.post(ME + "/metadata", request, Void.class);
    }

    public void postAppHealth(PostAppHealthsRequest request) {
        http.post(ME + "/app-health", request, Void.class);
    }

    public GitSshKey gitSshKey() {
        return http.get(ME + "/gitsshkey", GitSshKey.class);
    }

    /** The tunnel's WebSocket URL ({@code ws:} or {@code wss:}). */
    public URI tunnelUri() {
        return URI.create(http.baseUrl().toString().replaceFirst("^http", "ws") + TUNNEL_PATH);
    }

    /** The headers that authenticate the agent, for the tunnel's WebSocket handshake. */
    public Map<String, String> authHeaders() {
        return Map.of(CoderClient.SESSION_TOKEN_HEADER, token);
    }
}
