package dev.jcoder.codersdk.provisionerd;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A {@code coder_agent} as the provisioner found it. {@code id} and {@code authToken} are the
 * values the build gave the agent (null and empty in an import plan).
 */
public record Agent(UUID id, String name, String operatingSystem, String architecture, String directory,
        Map<String, String> environmentVariables, List<App> apps, int connectionTimeoutSeconds,
        String troubleshootingUrl, String authToken) {
    public Agent {
        operatingSystem = operatingSystem == null ? "linux" : operatingSystem;
        architecture = architecture == null ? "amd64" : architecture;
        directory = directory == null ? "" : directory;
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        apps = apps == null ? List.of() : List.copyOf(apps);
        connectionTimeoutSeconds = connectionTimeoutSeconds == 0 ? 120 : connectionTimeoutSeconds;
        troubleshootingUrl = troubleshootingUrl == null ? "" : troubleshootingUrl;
        authToken = authToken == null ? "" : authToken;
    }
}
