package dev.jcoder.coderd.agentapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.coderd.store.WorkspaceAgentLogRow;
import dev.jcoder.coderd.store.WorkspaceAgentLogSourceRow;
import dev.jcoder.coderd.store.WorkspaceAgentMetadataRow;
import dev.jcoder.coderd.store.WorkspaceAgentRow;
import dev.jcoder.coderd.store.WorkspaceAgentScriptRow;
import dev.jcoder.coderd.store.WorkspaceAppRow;
import dev.jcoder.codersdk.DisplayApp;
import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.StartupScriptBehavior;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentHealth;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAgentLogSource;
import dev.jcoder.codersdk.WorkspaceAgentMetadata;
import dev.jcoder.codersdk.WorkspaceAgentMetadataDescription;
import dev.jcoder.codersdk.WorkspaceAgentMetadataResult;
import dev.jcoder.codersdk.WorkspaceAgentScript;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceApp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Store rows of agents and what they report, as the API's records. */
final class AgentConverter {
    private AgentConverter() {}

    static WorkspaceApp app(WorkspaceAppRow row) {
        Healthcheck healthcheck = row.healthcheckUrl().isEmpty() ? null
                : new Healthcheck(row.healthcheckUrl(), row.healthcheckInterval(), row.healthcheckThreshold());
        return new WorkspaceApp(row.id(), row.url(), row.external(), row.slug(), row.displayName(), row.command(),
                row.icon(), row.subdomain(), "", row.sharingLevel(), healthcheck, row.health(), row.hidden(), row.openIn());
    }

    static WorkspaceAgentScript script(WorkspaceAgentScriptRow row) {
        return new WorkspaceAgentScript(row.id(), row.logSourceId(), row.logPath(), row.script(), row.cron(),
                row.runOnStart(), row.runOnStop(), row.startBlocksLogin(), Duration.ofSeconds(row.timeoutSeconds()).toNanos(),
                row.displayName());
    }

    static WorkspaceAgentMetadataDescription metadataDescription(WorkspaceAgentMetadataRow row) {
        return new WorkspaceAgentMetadataDescription(row.displayName(), row.key(), row.script(), row.intervalSeconds(),
                row.timeoutSeconds());
    }

    static WorkspaceAgentMetadata metadata(WorkspaceAgentMetadataRow row, Instant now) {
        WorkspaceAgentMetadataResult result = row.collectedAt()
                .map(at -> new WorkspaceAgentMetadataResult(at, Math.max(0, Duration.between(at, now).toSeconds()),
                        row.value(), row.error()))
                .orElse(new WorkspaceAgentMetadataResult(WorkspaceAgentMetadataResult.NEVER, 0, "", ""));
        return new WorkspaceAgentMetadata(result, metadataDescription(row));
    }

    static WorkspaceAgentLog log(WorkspaceAgentLogRow row) {
        LogLevel level;
        try {
            level = LogLevel.fromValue(row.level());
        } catch (IllegalArgumentException e) {
            level = LogLevel.INFO;
        }
        return new WorkspaceAgentLog(row.id(), row.createdAt(), row.output(), level, row.logSourceId());
    }

    static WorkspaceAgentLogSource logSource(WorkspaceAgentLogSourceRow row) {
        return new WorkspaceAgentLogSource(row.workspaceAgentId(), row.id(), row.createdAt(), row.displayName(), row.icon());
    }

    static Map<String, String> environment(String json) {
        try {
            return json == null || json.isBlank() ? Map.of()
                    : Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    /** The agent as {@code GET /workspaceagents/{id}} shows it, with Coder's status and health rules. */
    static WorkspaceAgent agent(WorkspaceAgentRow row, List<WorkspaceAppRow> apps, List<WorkspaceAgentScriptRow> scripts,
            List<WorkspaceAgentLogSourceRow> sources, Instant now) {
        WorkspaceAgentStatus status = row.status(now);
        return new WorkspaceAgent(row.id(), row.createdAt(), row.updatedAt(), row.firstConnectedAt().orElse(null),
                row.lastConnectedAt().orElse(null), row.disconnectedAt().orElse(null), row.startedAt().orElse(null),
                row.readyAt().orElse(null), status, row.lifecycleState(), row.name(), row.resourceId(),
                row.authInstanceId(), row.architecture(), row.operatingSystem(), environment(row.environmentVariables()),
                row.directory(), row.expandedDirectory(), row.version(), row.apiVersion(),
                apps.stream().map(AgentConverter::app).toList(), row.connectionTimeoutSeconds(), row.troubleshootingUrl(),
                row.logsLength(), row.logsOverflowed(), row.subsystems(), health(status, row.lifecycleState()),
                row.displayApps().stream().map(DisplayApp::fromValue).toList(),
                sources.stream().map(AgentConverter::logSource).toList(),
                scripts.stream().map(AgentConverter::script).toList(),
                scripts.stream().anyMatch(s -> s.runOnStart() && s.startBlocksLogin())
                        ? StartupScriptBehavior.BLOCKING : StartupScriptBehavior.NON_BLOCKING);
    }

    /** Coder's agent health: connected, and not failed or timed out while starting. */
    static WorkspaceAgentHealth health(WorkspaceAgentStatus status, WorkspaceAgentLifecycle lifecycle) {
        return switch (status) {
            case CONNECTING -> WorkspaceAgentHealth.failing("agent is connecting");
            case TIMEOUT -> WorkspaceAgentHealth.failing("agent is taking too long to connect");
            case DISCONNECTED -> WorkspaceAgentHealth.failing("agent has lost connection");
            case CONNECTED -> switch (lifecycle) {
                case START_TIMEOUT -> WorkspaceAgentHealth.failing("agent startup script timed out");
                case START_ERROR -> WorkspaceAgentHealth.failing("agent startup script exited with an error");
                case SHUTTING_DOWN, SHUTDOWN_TIMEOUT, SHUTDOWN_ERROR, OFF -> WorkspaceAgentHealth.failing("agent is shutting down");
                case CREATED, STARTING, READY -> WorkspaceAgentHealth.ok();
            };
        };
    }
}
