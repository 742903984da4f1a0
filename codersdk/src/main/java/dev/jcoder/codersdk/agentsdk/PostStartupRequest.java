package dev.jcoder.codersdk.agentsdk;

import java.util.List;

/** {@code POST /workspaceagents/me/startup}: the agent's version and its working directory, expanded. */
public record PostStartupRequest(String version, String expandedDirectory, List<String> subsystems) {
    public PostStartupRequest {
        version = version == null ? "" : version;
        expandedDirectory = expandedDirectory == null ? "" : expandedDirectory;
        subsystems = subsystems == null ? List.of() : List.copyOf(subsystems);
    }
}
