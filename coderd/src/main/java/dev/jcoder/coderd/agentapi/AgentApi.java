package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.TooLarge;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.pubsub.Pubsub;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.NewWorkspaceAgentLog;
import dev.jcoder.coderd.store.WorkspaceAgentLogRow;
import dev.jcoder.coderd.store.WorkspaceAgentLogSourceRow;
import dev.jcoder.coderd.store.WorkspaceAgentMetadataUpdate;
import dev.jcoder.coderd.store.WorkspaceAgentRow;
import dev.jcoder.coderd.store.WorkspaceAgentStatsRow;
import dev.jcoder.coderd.store.WorkspaceAgentTokenRow;
import dev.jcoder.coderd.store.WorkspaceAppRow;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.GitSshKey;
import dev.jcoder.codersdk.agentsdk.Log;
import dev.jcoder.codersdk.agentsdk.Manifest;
import dev.jcoder.codersdk.agentsdk.MetadataResult;
import dev.jcoder.codersdk.agentsdk.PatchLogs;
import dev.jcoder.codersdk.agentsdk.PostAppHealthsRequest;
import dev.jcoder.codersdk.agentsdk.PostLifecycleRequest;
import dev.jcoder.codersdk.agentsdk.PostLogSourceRequest;
import dev.jcoder.codersdk.agentsdk.PostMetadataRequest;
import dev.jcoder.codersdk.agentsdk.PostStartupRequest;
import dev.jcoder.codersdk.agentsdk.Stats;
import dev.jcoder.codersdk.agentsdk.StatsResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code /api/v2/workspaceagents/me/*}: what an agent asks and reports, authenticated by its token
 * (Coder's v1 REST endpoints; Coder's current agents use dRPC over a WebSocket instead). Frequent
 * reports (metadata, stats) are queued for {@link AgentReportBatcher}; logs are stored at once
 * because the answer must say whether the agent's log limit was reached.
 */
public final class AgentApi implements Api {
    /** Coder's limit on an agent's stored log output. */
    public static final int LOG_LIMIT_BYTES = 1 << 20;
    /** Longest metadata value or error stored (longer ones are cut). */
    static final int MAX_METADATA_LENGTH = 10 * 1024;
    /** Most metadata results one report may carry (an agent has a handful of items). */
    static final int MAX_METADATA_RESULTS = 256;
    /** The agent API version agents of this server speak. */
    static final String API_VERSION = "2.0";
    static final String ME = "/api/v2/workspaceagents/me";

    private final AgentAuthenticator authenticator;
    private final AgentReportBatcher batcher;
    private final AgentTunnelEndpoint tunnel;
    private final Pubsub pubsub;
    private final InstantSource clock;
    private final CoderdConfig config;
    private final java.util.function.Consumer<UUID> workspaceChanged;

    /** @param workspaceChanged tells workspace watchers that an agent of the workspace changed */
    public AgentApi(AgentAuthenticator authenticator, AgentReportBatcher batcher, AgentTunnelEndpoint tunnel,
            Pubsub pubsub, InstantSource clock, CoderdConfig config, java.util.function.Consumer<UUID> workspaceChanged) {
        this.workspaceChanged = workspaceChanged;
        this.authenticator = authenticator;
        this.batcher = batcher;
        this.tunnel = tunnel;
        this.pubsub = pubsub;
        this.clock = clock;
        this.config = config;
    }

    /** The pubsub channel that announces new log lines of an agent (payload: Coder's {@code {"created_after": id}}). */
    public static String logsChannel(UUID agentId) {
        return "agent-logs:" + agentId;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.beforeMatched(ME + "/*", ctx -> {
            if (!ctx.path().equals(ME + "/tunnel") || ctx.method() != io.javalin.http.HandlerType.GET
                    || ctx.header("Upgrade") == null) {
                authenticator.authenticate(ctx);
            }
        });
        routes.get(ME + "/manifest", this::manifest);
        routes.post(ME + "/startup", this::startup);
        routes.post(ME + "/report-lifecycle", this::lifecycle);
        routes.patch(ME + "/logs", this::logs);
        routes.post(ME + "/log-source", this::logSource);
        routes.post(ME + "/report-stats", this::stats);
        routes.post(ME + "/metadata", this::metadata);
        routes.post(ME + "/app-health", this::appHealth);
        routes.get(ME + "/gitsshkey", this::gitSshKey);
        routes.wsBeforeUpgrade(AgentClient.TUNNEL_PATH, ctx -> tunnel.beforeUpgrade(ctx, authenticator.authenticate(ctx)));
        routes.ws(AgentClient.TUNNEL_PATH, tunnel::configure);
    }

    private <T> T body(Context ctx, Class<T> type) {
        return Requests.body(ctx, type, config.maxRequestBodyBytes());
    }

    private void manifest(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        AuthorizingStore store = caller.store();
        WorkspaceAgentTokenRow agent = caller.agent();
        WorkspaceAgentRow row = store.getWorkspaceAgentByID(agent.agentId()).orElseThrow(NotFound::new);
        ctx.json(new Manifest(agent.agentId(), agent.agentName(), agent.ownerUsername(), agent.workspaceId(),
                agent.workspaceName(), 0, "",
                store.getWorkspaceAppsByAgentID(agent.agentId()).stream().map(AgentConverter::app).toList(),
                AgentConverter.environment(row.environmentVariables()), row.directory(), row.motdFile(),
                store.getWorkspaceAgentMetadata(agent.agentId()).stream().map(AgentConverter::metadataDescription).toList(),
                store.getWorkspaceAgentScriptsByAgentID(agent.agentId()).stream().map(AgentConverter::script).toList(),
                row.displayApps()));
    }

    private void startup(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PostStartupRequest request = body(ctx, PostStartupRequest.class);
        for (String subsystem : request.subsystems()) {
            if (!Set.of("envbox", "envbuilder", "exectrace").contains(subsystem)) {
                throw ValidationFailed.field("subsystems", "Unknown subsystem \"" + subsystem
                        + "\" (one of envbox, envbuilder, exectrace).");
            }
        }
        caller.store().updateWorkspaceAgentStartupByID(caller.agentId(), limit(request.version(), 256),
                limit(request.expandedDirectory(), 4096), request.subsystems(), API_VERSION);
        ctx.status(200).json(dev.jcoder.codersdk.Response.of("OK"));
    }

    private void lifecycle(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PostLifecycleRequest request = body(ctx, PostLifecycleRequest.class);
        WorkspaceAgentLifecycle state = request.state();
        Instant at = request.changedAt();
        Optional<Instant> startedAt = state == WorkspaceAgentLifecycle.STARTING ? Optional.of(at) : Optional.empty();
        Optional<Instant> readyAt = switch (state) {
            case READY, START_TIMEOUT, START_ERROR -> Optional.of(at);
            case CREATED, STARTING, SHUTTING_DOWN, SHUTDOWN_TIMEOUT, SHUTDOWN_ERROR, OFF -> Optional.empty();
        };
        caller.store().updateWorkspaceAgentLifecycleStateByID(caller.agentId(), state, startedAt, readyAt);
        workspaceChanged.accept(caller.agent().workspaceId());
        ctx.status(204);
    }

    private void logs(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PatchLogs request = body(ctx, PatchLogs.class);
        if (request.logs().isEmpty()) {
            throw ValidationFailed.field("logs", "No logs were provided.");
        }
        List<NewWorkspaceAgentLog> lines = new ArrayList<>();
        for (Log log : request.logs()) {
            lines.add(new NewWorkspaceAgentLog(log.createdAt(), log.output().replace("\u0000", ""), log.level().value()));
        }
        Optional<List<WorkspaceAgentLogRow>> stored = caller.store().insertWorkspaceAgentLogs(caller.agentId(),
                request.logSourceId(), lines, LOG_LIMIT_BYTES);
        if (stored.isEmpty()) {
            throw new TooLarge("Logs limit exceeded",
                    "The agent's logs reached the limit of " + LOG_LIMIT_BYTES + " bytes; further lines are not stored.");
        }
        if (!stored.get().isEmpty()) {
            long first = stored.get().getFirst().id();
            pubsub.publish(logsChannel(caller.agentId()), "{\"created_after\":" + (first - 1) + "}");
        }
        ctx.status(200).json(dev.jcoder.codersdk.Response.of("OK"));
    }

    private void logSource(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PostLogSourceRequest request = body(ctx, PostLogSourceRequest.class);
        if (request.displayName().isBlank()) {
            throw ValidationFailed.field("display_name", "A log source needs a display name.");
        }
        WorkspaceAgentLogSourceRow row = new WorkspaceAgentLogSourceRow(request.id(), caller.agentId(), clock.instant(),
                limit(request.displayName(), 256), limit(request.icon(), 1024));
        caller.store().upsertWorkspaceAgentLogSource(row);
        ctx.status(201).json(AgentConverter.logSource(row));
    }

    private void stats(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        Stats stats = body(ctx, Stats.class);
        WorkspaceAgentTokenRow agent = caller.agent();
        String byProto;
        try {
            byProto = Json.mapper().writeValueAsString(stats.connectionsByProto());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        batcher.addStats(new WorkspaceAgentStatsRow(UUID.randomUUID(), clock.instant(), agent.ownerId(), agent.agentId(),
                agent.workspaceId(), agent.templateId(), byProto, Math.max(0, stats.connectionCount()),
                Math.max(0, stats.connectionMedianLatencyMs()), Math.max(0, stats.rxPackets()), Math.max(0, stats.rxBytes()),
                Math.max(0, stats.txPackets()), Math.max(0, stats.txBytes()), Math.max(0, stats.sessionCountVscode()),
                Math.max(0, stats.sessionCountJetbrains()), Math.max(0, stats.sessionCountReconnectingPty()),
                Math.max(0, stats.sessionCountSsh())), stats.hasSessions());
        ctx.json(StatsResponse.of(config.agentStatsRefreshInterval()));
    }

    private void metadata(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PostMetadataRequest request = body(ctx, PostMetadataRequest.class);
        if (request.metadata().size() > MAX_METADATA_RESULTS) {
            throw ValidationFailed.field("metadata", "At most " + MAX_METADATA_RESULTS + " results per request.");
        }
        // Results of keys the agent does not have are dropped by the batched UPDATE itself (it matches
        // agent and key), which spares every report a read of the agent's items.
        List<WorkspaceAgentMetadataUpdate> updates = new ArrayList<>();
        for (MetadataResult result : request.metadata()) {
            updates.add(new WorkspaceAgentMetadataUpdate(caller.agentId(), limit(result.key(), 128),
                    limit(result.value(), MAX_METADATA_LENGTH), limit(result.error(), MAX_METADATA_LENGTH),
                    result.collectedAt()));
        }
        batcher.addMetadata(updates);
        ctx.status(204);
    }

    private void appHealth(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        PostAppHealthsRequest request = body(ctx, PostAppHealthsRequest.class);
        Map<UUID, WorkspaceAppRow> apps = caller.store().getWorkspaceAppsByAgentID(caller.agentId()).stream()
                .collect(Collectors.toMap(WorkspaceAppRow::id, app -> app));
        Map<UUID, WorkspaceAppHealth> healths = new HashMap<>();
        for (var entry : request.healths().entrySet()) {
            WorkspaceAppRow app = apps.get(entry.getKey());
            if (app == null) {
                throw ValidationFailed.field("healths", "Workspace app " + entry.getKey() + " is not an app of this agent.");
            }
            if (app.healthcheckUrl().isEmpty()) {
                throw ValidationFailed.field("healths", "Workspace app \"" + app.slug() + "\" has no health check.");
            }
            if (entry.getValue() == null || entry.getValue() == WorkspaceAppHealth.DISABLED) {
                throw ValidationFailed.field("healths", "Health of app \"" + app.slug()
                        + "\" must be initializing, healthy or unhealthy.");
            }
            healths.put(entry.getKey(), entry.getValue());
        }
        caller.store().updateWorkspaceAppHealthsByAgentID(caller.agentId(), healths);
        workspaceChanged.accept(caller.agent().workspaceId());
        ctx.status(200).json(dev.jcoder.codersdk.Response.of("OK"));
    }

    private void gitSshKey(Context ctx) {
        AgentCaller caller = AgentCaller.require(ctx);
        var key = caller.store().getGitSSHKey(caller.agent().ownerId()).orElseThrow(() -> new NotFound(
                "The workspace owner has no Git SSH key."));
        ctx.json(new GitSshKey(key.publicKey(), key.privateKey()));
    }

    private static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
