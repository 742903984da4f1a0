package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceResource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** A workspace built by the echo provisioner with one agent of a known token. */
final class AgentFixtures {
    private AgentFixtures() {}

    record Created(Workspace workspace, WorkspaceAgent agent, String token) {}

    static Created workspace(CoderClient owner, Map<String, Object> agent) {
        String token = UUID.randomUUID().toString();
        Map<String, Object> definition = new LinkedHashMap<>(agent);
        definition.put("auth_token", token);
        definition.putIfAbsent("name", "main");
        Map<String, Object> resource = Map.of("name", "dev", "type", "null_resource", "agents", List.of(definition));
        var version = EchoTemplates.createVersion(owner, EchoTemplates.echo(
                Map.of("resources", List.of(resource), "build", Map.of("resources", List.of(resource)))));
        EchoTemplates.awaitCompleted(owner, version.id());
        var template = owner.createTemplate("default",
                CreateTemplateRequest.of("t-" + UUID.randomUUID().toString().substring(0, 8), version.id()));
        Workspace workspace = owner.createWorkspace("me", new CreateWorkspaceRequest(template.id(), null,
                "ws-" + UUID.randomUUID().toString().substring(0, 8), null, null, List.of(), null, null));
        Awaitility.await("workspace build").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.workspace(workspace.id()).latestBuild().job().completed());
        Workspace built = owner.workspace(workspace.id());
        WorkspaceAgent builtAgent = built.latestBuild().resources().stream().map(WorkspaceResource::agents)
                .flatMap(List::stream).findFirst().orElseThrow();
        return new Created(built, builtAgent, token);
    }
}
