package dev.jcoder.coderd.agentapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.ApiKeyAuthenticator;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.pubsub.Pubsub;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.WorkspaceAgentLogRow;
import dev.jcoder.coderd.store.WorkspaceAgentRow;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.WorkspaceAgentListeningPortsResponse;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAgentMetadata;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-facing agent endpoints: {@code GET /workspaceagents/{id}}, its {@code /logs} (JSON, or
 * with {@code ?follow} a WebSocket sending JSON arrays of new lines as they are stored),
 * {@code /watch-metadata} (server-sent events: the full list on start and after every change,
 * {@code ping} every 15 s) and {@code /listening-ports} (asked of the agent through its tunnel).
 * Reading an agent needs read access to its workspace; others get 404.
 */
public final class WorkspaceAgentsApi implements Api {
    private static final Logger log = LoggerFactory.getLogger(WorkspaceAgentsApi.class);
    private static final String BASE = "/api/v2/workspaceagents/{workspaceagent}";
    private static final String FOLLOW = "jcoder.agentLogs.follow";
    static final Duration SSE_PING = Duration.ofSeconds(15);

    private final ApiKeyAuthenticator authenticator;
    private final AgentConnections connections;
    private final Pubsub pubsub;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Semaphore> followers = new ConcurrentHashMap<>();

    private record Follow(UUID agentId, Store store, long after) {}

    public WorkspaceAgentsApi(ApiKeyAuthenticator authenticator, AgentConnections connections, Pubsub pubsub,
            InstantSource clock) {
        this.authenticator = authenticator;
        this.connections = connections;
        this.pubsub = pubsub;
        this.clock = clock;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get(BASE, this::agent);
        routes.get(BASE + "/logs", this::logs);
        routes.get(BASE + "/startup-logs", this::logs);
        routes.wsBeforeUpgrade(BASE + "/logs", this::beforeFollow);
        routes.ws(BASE + "/logs", this::configureFollow);
        routes.get(BASE + "/watch-metadata", this::watchMetadata);
        routes.get(BASE + "/listening-ports", this::listeningPorts);
    }

    private static Store store(Context ctx) {
        return Authenticated.require(ctx).store();
    }

    private static WorkspaceAgentRow agentRow(Context ctx, Store store) {
        return Requests.parseUuid(ctx.pathParam("workspaceagent")).flatMap(store::getWorkspaceAgentByID)
                .orElseThrow(NotFound::new);
    }

    private void agent(Context ctx) {
        Store store = store(ctx);
        WorkspaceAgentRow row = agentRow(ctx, store);
        ctx.json(AgentConverter.agent(row, store.getWorkspaceAppsByAgentID(row.id()),
                store.getWorkspaceAgentScriptsByAgentID(row.id()), store.getWorkspaceAgentLogSourcesByAgentID(row.id()),
                clock.instant()));
    }

    private void logs(Context ctx) {
        Store store = store(ctx);
        WorkspaceAgentRow row = agentRow(ctx, store);
        ctx.json(store.getWorkspaceAgentLogsAfter(row.id(), after(ctx)).stream().map(AgentConverter::log).toList());
    }

    private static long after(Context ctx) {
        String value = ctx.queryParam("after");
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ValidationFailed.field("after", "Query param \"after\" must be an integer (" + value + ").");
        }
    }

    // ---- logs, followed over a WebSocket ----

    private void beforeFollow(Context ctx) {
        if (Authenticated.from(ctx).isEmpty()) {
            authenticator.authenticate(ctx, true);
        }
        Store store = store(ctx);
        WorkspaceAgentRow row = agentRow(ctx, store);
        ctx.attribute(FOLLOW, new Follow(row.id(), store, after(ctx)));
    }

    private void configureFollow(WsConfig ws) {
        ws.onConnect(ctx -> {
            Follow follow = ctx.attribute(FOLLOW);
            if (follow == null) {
                ctx.closeSession(1011, "no agent to follow");
                return;
            }
            ctx.session.setIdleTimeout(Duration.ofHours(1));
            Semaphore wake = new Semaphore(0);
            followers.put(ctx.sessionId(), wake);
            Thread.ofVirtual().name("agent-logs-" + follow.agentId()).start(() -> streamLogs(ctx, follow, wake));
        });
        ws.onClose(ctx -> stopFollowing(ctx.sessionId()));
        ws.onError(ctx -> stopFollowing(ctx.sessionId()));
    }

    private void stopFollowing(String sessionId) {
        Semaphore wake = followers.remove(sessionId);
        if (wake != null) {
            wake.release();
        }
    }

    /** Sends new lines whenever pubsub says the agent stored some, re-reading after the last id sent. */
    private void streamLogs(WsContext ctx, Follow follow, Semaphore wake) {
        String session = ctx.sessionId();
        try (var subscription = pubsub.subscribe(AgentApi.logsChannel(follow.agentId()), payload -> wake.release())) {
            long last = follow.after();
            while (followers.containsKey(session)) {
                List<WorkspaceAgentLogRow> rows = follow.store().getWorkspaceAgentLogsAfter(follow.agentId(), last);
                if (!rows.isEmpty()) {
                    List<WorkspaceAgentLog> logs = rows.stream().map(AgentConverter::log).toList();
                    ctx.send(Json.mapper().writeValueAsString(logs));
                    last = rows.getLast().id();
                }
                wake.tryAcquire(30, TimeUnit.SECONDS);
                wake.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (JsonProcessingException | RuntimeException e) {
            log.debug("log stream of agent {} ended: {}", follow.agentId(), e.getMessage());
            try {
                ctx.closeSession(1011, "internal error");
            } catch (RuntimeException ignored) {
                // already closed
            }
        } finally {
            followers.remove(session);
        }
    }

    // ---- metadata, watched over server-sent events ----

    private void watchMetadata(Context ctx) throws IOException {
        Store store = store(ctx);
        WorkspaceAgentRow row = agentRow(ctx, store);
        ctx.status(200);
        ctx.contentType("text/event-stream");
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Accel-Buffering", "no");
        ctx.header("Connection", "keep-alive");
        OutputStream out = ctx.res().getOutputStream();
        Semaphore wake = new Semaphore(0);
        try (var subscription = pubsub.subscribe(AgentReportBatcher.metadataChannel(row.id()), payload -> wake.release())) {
            String previous = null;
            long nextPing = System.nanoTime() + SSE_PING.toNanos();
            while (true) {
                List<WorkspaceAgentMetadata> metadata = store.getWorkspaceAgentMetadata(row.id()).stream()
                        .map(m -> AgentConverter.metadata(m, clock.instant())).toList();
                String json = Json.mapper().writeValueAsString(metadata);
                if (!json.equals(previous)) {
                    event(out, "data", json);
                    previous = json;
                }
                long left = nextPing - System.nanoTime();
                if (left <= 0) {
                    event(out, "ping", "");
                    nextPing = System.nanoTime() + SSE_PING.toNanos();
                    continue;
                }
                if (wake.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    wake.drainPermits();
                }
            }
        } catch (IOException e) {
            // The client went away.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void event(OutputStream out, String type, String data) throws IOException {
        out.write(("event: " + type + "\n" + (data.isEmpty() ? "" : "data: " + data + "\n") + "\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- listening ports, asked of the agent ----

    private void listeningPorts(Context ctx) {
        Store store = store(ctx);
        WorkspaceAgentRow row = agentRow(ctx, store);
        var session = connections.session(row.id()).orElseThrow(() -> new ValidationFailed(
                "Agent state is " + row.status(clock.instant()).value() + ", it must be in the connected state."));
        WorkspaceAgentListeningPortsResponse ports;
        try {
            ports = AgentHttpClient.get(session, dev.jcoder.codersdk.agentsdk.AgentHttpApi.LISTENING_PORTS_PATH,
                    WorkspaceAgentListeningPortsResponse.class);
        } catch (IOException e) {
            ctx.status(502).json(Response.of("Failed to fetch listening ports from the agent.", e.getMessage()));
            return;
        }
        ctx.json(ports);
    }
}
