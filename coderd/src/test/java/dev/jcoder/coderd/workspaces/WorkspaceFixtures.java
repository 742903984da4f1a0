package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Test helpers: echo templates for workspaces, creating workspaces, waiting for builds. */
final class WorkspaceFixtures {
    private WorkspaceFixtures() {}

    /** An echo.json whose builds create one resource with an agent and an app, and leave {@code state}. */
    static Map<String, Object> echo(List<Map<String, Object>> parameters, String state) {
        Map<String, Object> agent = new LinkedHashMap<>();
        agent.put("name", "main");
        agent.put("directory", "/home/coder");
        agent.put("apps", List.of(Map.of("slug", "code", "display_name", "Code", "url", "http://localhost:8080",
                "healthcheck", Map.of("url", "http://localhost:8080/healthz", "interval", 5, "threshold", 3))));
        agent.put("scripts", List.of(Map.of("display_name", "Startup Script", "script", "echo hi", "run_on_start", true,
                "start_blocks_login", true, "timeout_seconds", 30)));
        agent.put("metadata", List.of(Map.of("key", "load", "display_name", "Load", "script", "uptime",
                "interval_seconds", 10, "timeout_seconds", 1)));
        Map<String, Object> resource = Map.of("name", "dev", "type", "docker_container", "daily_cost", 3,
                "agents", List.of(agent), "metadata", List.of(Map.of("key", "image", "value", "ubuntu", "sensitive", false)));
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("logs", List.of(Map.of("level", "info", "stage", "Applying", "output", "building")));
        build.put("resources", List.of(resource));
        build.put("stop_resources", List.of(Map.of("name", "home", "type", "docker_volume")));
        build.put("state", state);
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("parameters", parameters);
        echo.put("resources", List.of(resource));
        echo.put("build", build);
        return echo;
    }

    /** A parameter definition in echo.json form (the SDK's JSON shape). */
    static Map<String, Object> parameter(String name, String type, boolean mutable, String defaultValue, boolean required,
            Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", name);
        p.put("type", type);
        p.put("mutable", mutable);
        p.put("default_value", defaultValue);
        p.put("required", required);
        p.putAll(extra);
        return p;
    }

    static TemplateVersion importVersion(CoderClient admin, Object echo, UUID templateId) {
        var request = dev.jcoder.codersdk.CreateTemplateVersionRequest.ofFile(
                EchoTemplates.upload(admin, EchoTemplates.echo(echo)), dev.jcoder.codersdk.ProvisionerType.ECHO);
        if (templateId != null) {
            request = request.withTemplate(templateId);
        }
        TemplateVersion version = EchoTemplates.createVersion(admin, request);
        return EchoTemplates.awaitCompleted(admin, version.id());
    }

    static Template template(CoderClient admin, String name, Object echo) {
        return admin.createTemplate("default", CreateTemplateRequest.of(name, importVersion(admin, echo, null).id()));
    }

    static Workspace create(CoderClient client, Template template, String name, List<WorkspaceBuildParameter> values) {
        return client.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), name, values));
    }

    /** Waits until the build's job has ended and returns the build. */
    static WorkspaceBuild awaitBuild(CoderClient client, UUID buildId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.workspaceBuild(buildId).job().completed());
        return client.workspaceBuild(buildId);
    }
}
