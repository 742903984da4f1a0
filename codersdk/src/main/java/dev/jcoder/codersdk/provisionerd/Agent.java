package dev.jcoder.codersdk.provisionerd;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code coder_agent} as the provisioner found it. {@code id} and {@code authToken} are the
 * values the build gave the agent (null and empty in an import plan). {@code environmentVariables}
 * already holds the values of {@code coder_env} resources attached to the agent; {@code scripts}
 * the {@code coder_script} resources plus the legacy startup/shutdown scripts. {@code authType} is
 * the agent's {@code auth} ("token" or an instance-identity kind) and {@code instanceId} the id of a
 * {@code coder_agent_instance}, if any. {@code initScript} is the provider's {@code init_script}
 * (the bootstrap with the access URL filled in; empty while planning).
 */
public record Agent(UUID id, String name, String operatingSystem, String architecture, String directory,
        Map<String, String> environmentVariables, List<App> apps, int connectionTimeoutSeconds,
        String troubleshootingUrl, String authToken, List<Script> scripts, List<AgentMetadataDefinition> metadata,
        DisplayApps displayApps, int order, String motdFile, String authType, String instanceId, String initScript) {

    /** An agent without its init script (echo responses, older callers). */
    public Agent(UUID id, String name, String operatingSystem, String architecture, String directory,
            Map<String, String> environmentVariables, List<App> apps, int connectionTimeoutSeconds,
            String troubleshootingUrl, String authToken, List<Script> scripts, List<AgentMetadataDefinition> metadata,
            DisplayApps displayApps, int order, String motdFile, String authType, String instanceId) {
        this(id, name, operatingSystem, architecture, directory, environmentVariables, apps, connectionTimeoutSeconds,
                troubleshootingUrl, authToken, scripts, metadata, displayApps, order, motdFile, authType, instanceId, "");
    }

    public Agent {
        operatingSystem = operatingSystem == null ? "linux" : operatingSystem;
        architecture = architecture == null ? "amd64" : architecture;
        directory = directory == null ? "" : directory;
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        apps = apps == null ? List.of() : List.copyOf(apps);
        connectionTimeoutSeconds = connectionTimeoutSeconds == 0 ? 120 : connectionTimeoutSeconds;
        troubleshootingUrl = troubleshootingUrl == null ? "" : troubleshootingUrl;
        authToken = authToken == null ? "" : authToken;
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
        displayApps = displayApps == null ? DisplayApps.defaults() : displayApps;
        motdFile = motdFile == null ? "" : motdFile;
        authType = authType == null || authType.isEmpty() ? "token" : authType;
        instanceId = instanceId == null ? "" : instanceId;
        initScript = initScript == null ? "" : initScript;
    }

}
