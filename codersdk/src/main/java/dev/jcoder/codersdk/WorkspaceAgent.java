package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A workspace agent as the API shows it. Connection timestamps are null (and omitted) until they
 * happen; agents of a template version's import plan never connect.
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
        String directory,
        String version,
        String apiVersion,
        List<WorkspaceApp> apps,
        int connectionTimeoutSeconds,
        String troubleshootingUrl) {
    public WorkspaceAgent {
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        apps = apps == null ? List.of() : List.copyOf(apps);
    }
}
