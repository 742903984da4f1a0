package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.WorkspaceAgentMetadataDescription;
import dev.jcoder.codersdk.WorkspaceAgentScript;
import dev.jcoder.codersdk.WorkspaceApp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an agent needs to know about itself ({@code GET /workspaceagents/me/manifest}), Coder's
 * {@code agentsdk.Manifest} without the tailnet fields (DERP maps): jcoder connects through the
 * agent's tunnel WebSocket instead.
 *
 * @param agentId              the agent's id
 * @param agentName            its name in the template ({@code coder_agent.<name>})
 * @param ownerName            the workspace owner's username
 * @param workspaceId          the workspace's id
 * @param workspaceName        the workspace's name
 * @param gitAuthConfigs       how many external auth providers the deployment has
 * @param vscodePortProxyUri   the URL template VS Code uses to forward ports (empty without a wildcard domain)
 * @param apps                 the agent's apps, with their health checks
 * @param environmentVariables {@code env} of the agent and its {@code coder_env} resources
 * @param directory            the working directory of sessions and scripts (may hold {@code ~} or {@code $VARS})
 * @param motdFile             the message-of-the-day file shown on interactive logins
 * @param metadata             the metadata items the agent collects
 * @param scripts              the scripts it runs
 * @param displayApps          the built-in apps the dashboard shows ({@code vscode}, {@code web_terminal}, ...)
 */
public record Manifest(
        UUID agentId,
        String agentName,
        String ownerName,
        UUID workspaceId,
        String workspaceName,
        int gitAuthConfigs,
        String vscodePortProxyUri,
        List<WorkspaceApp> apps,
        Map<String, String> environmentVariables,
        String directory,
        String motdFile,
        List<WorkspaceAgentMetadataDescription> metadata,
        List<WorkspaceAgentScript> scripts,
        List<String> displayApps) {
    public Manifest {
        agentName = agentName == null ? "" : agentName;
        ownerName = ownerName == null ? "" : ownerName;
        workspaceName = workspaceName == null ? "" : workspaceName;
        vscodePortProxyUri = vscodePortProxyUri == null ? "" : vscodePortProxyUri;
        apps = apps == null ? List.of() : List.copyOf(apps);
        environmentVariables = environmentVariables == null ? Map.of() : Map.copyOf(environmentVariables);
        directory = directory == null ? "" : directory;
        motdFile = motdFile == null ? "" : motdFile;
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
        scripts = scripts == null ? List.of() : List.copyOf(scripts);
        displayApps = displayApps == null ? List.of() : List.copyOf(displayApps);
    }
}
