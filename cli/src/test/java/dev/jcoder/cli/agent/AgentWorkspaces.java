package dev.jcoder.cli.agent;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceResource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/**
 * Workspaces for agent tests: an echo template whose build creates one resource with one agent
 * (described as the echo provisioner's JSON), built through the real API, and the agent's token.
 */
final class AgentWorkspaces {
    private AgentWorkspaces() {}

    /** A created workspace with its agent (as the API shows it after the build) and the agent's token. */
    record Created(Workspace workspace, WorkspaceAgent agent, String token) {}

    /**
     * Builds a workspace whose agent is {@code agent} (echo JSON of a {@code coder_agent}: name,
     * scripts, metadata, apps...); the token is set here.
     */
    static Created create(TestCoderd server, CoderClient owner, Map<String, Object> agent) {
        String token = UUID.randomUUID().toString();
        Map<String, Object> withToken = new java.util.LinkedHashMap<>(agent);
        withToken.put("auth_token", token);
        withToken.putIfAbsent("name", "main");
        Map<String, Object> resource = Map.of("name", "dev", "type", "null_resource", "agents", List.of(withToken));
        Map<String, Object> echo = Map.of("resources", List.of(resource), "build", Map.of("resources", List.of(resource)));
        TemplateVersion version = EchoTemplates.createVersion(owner, EchoTemplates.echo(echo));
        EchoTemplates.awaitCompleted(owner, version.id());
        String name = TestCoderd.uniqueName("t");
        var template = owner.createTemplate("default", CreateTemplateRequest.of(name, version.id()));
        Workspace workspace = owner.createWorkspace("me", new CreateWorkspaceRequest(template.id(), null,
                TestCoderd.uniqueName("ws"), null, null, List.of(), null, null));
        Awaitility.await("workspace build").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.workspace(workspace.id()).latestBuild().job().completed());
        Workspace built = owner.workspace(workspace.id());
        WorkspaceAgent builtAgent = built.latestBuild().resources().stream()
                .map(WorkspaceResource::agents).flatMap(List::stream).findFirst()
                .orElseThrow(() -> new AssertionError("the build created no agent: " + built.latestBuild().job()));
        return new Created(built, builtAgent, token);
    }
}
