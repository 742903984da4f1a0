package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace agent as the API shows it. Connection timestamps are null (and omitted) until they
 * happen; agents of a template version's import plan never connect. {@code status} and
 * {@code health} are derived by the server from the connection timestamps and the lifecycle.
 */
public record WorkspaceAgent(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant firstConnectedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant lastConnectedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant disconnectedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant readyAt,
        WorkspaceAgentStatus status,
        WorkspaceAgentLifecycle lifecycleState,
        String name,
        UUID resourceId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String instanceId,
        String architecture,
        String operatingSystem,
        Map<String, String> environmentVariables,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String directory,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String expandedDirectory,
        String version,
        String apiVersion,
        List<WorkspaceApp> apps,
        int connectionTimeoutSeconds,
        String troubleshootingUrl,
        int logsLength,
        boolean logsOverflowed,
        List<String> subsystems,
        WorkspaceAgentHealth health,
        List<DisplayApp> displayApps,
        List<WorkspaceAgentLogSource> logSources,
        List<WorkspaceAgentScript> scripts,
        StartupScriptBehavior startupScriptBehavior) {
    public WorkspaceAgent {
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        apps = apps == null ? List.of() : List.copyOf(apps);
        directory = directory == null ? "" : directory;
        expandedDirectory = expandedDirectory == null ? "" : expandedDirectory;
        subsystems = subsystems == null ? List.of() : List.copyOf(subsystems);
        health = health == null ? WorkspaceAgentHealth.failing("agent has not yet connected") : health;
        displayApps = displayApps == null ? List.of() : List.copyOf(displayApps);
        logSources = logSources == null ? List.of() : List.copyOf(logSources);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        startupScriptBehavior = startupScriptBehavior == null ? StartupScriptBehavior.NON_BLOCKING : startupScriptBehavior;
    }

    /** An agent of a template version's import plan: it never connects and has no logs or scripts yet. */
    public WorkspaceAgent(UUID id, Instant createdAt, Instant updatedAt, Instant firstConnectedAt,
            Instant lastConnectedAt, Instant disconnectedAt, Instant startedAt, Instant readyAt,
            WorkspaceAgentStatus status, WorkspaceAgentLifecycle lifecycleState, String name, UUID resourceId,
            String instanceId, String architecture, String operatingSystem, Map<String, String> environmentVariables,
            String directory, String version, String apiVersion, List<WorkspaceApp> apps, int connectionTimeoutSeconds,
            String troubleshootingUrl) {
        this(id, createdAt, updatedAt, firstConnectedAt, lastConnectedAt, disconnectedAt, startedAt, readyAt, status,
                lifecycleState, name, resourceId, instanceId, architecture, operatingSystem, environmentVariables,
                directory, "", version, apiVersion, apps, connectionTimeoutSeconds, troubleshootingUrl, 0, false,
                List.of(), null, List.of(), List.of(), List.of(), StartupScriptBehavior.NON_BLOCKING);
    }
}
