package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;

/** Echo templates and workspaces for lifecycle tests; builds are awaited, time only moves by hand. */
final class LifecycleFixtures {
    private LifecycleFixtures() {}

    /** echo.json: builds succeed (or fail with {@code buildError}) and ask for {@code parameters}. */
    static Map<String, Object> echo(List<Map<String, Object>> parameters, String buildError) {
        Map<String, Object> build = new LinkedHashMap<>();
        build.put("resources", List.of(Map.of("name", "dev", "type", "null_resource")));
        build.put("error", buildError);
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("parameters", parameters);
        echo.put("build", build);
        return echo;
    }

    static TemplateVersion importVersion(CoderClient admin, Object echo, UUID templateId) {
        var request = CreateTemplateVersionRequest.ofFile(EchoTemplates.upload(admin, EchoTemplates.echo(echo)),
                ProvisionerType.ECHO);
        if (templateId != null) {
            request = request.withTemplate(templateId);
        }
        TemplateVersion version = EchoTemplates.createVersion(admin, request);
        return EchoTemplates.awaitCompleted(admin, version.id());
    }

    /** A template whose builds succeed, with the given changes to its settings. */
    static Template template(CoderClient admin, UpdateTemplateMeta settings) {
        return template(admin, echo(List.of(), ""), settings);
    }

    static Template template(CoderClient admin, Object echo, UpdateTemplateMeta settings) {
        Template template = admin.createTemplate("default",
                CreateTemplateRequest.of(TestCoderd.uniqueName("life"), importVersion(admin, echo, null).id()));
        return settings.equals(UpdateTemplateMeta.empty()) ? template : admin.updateTemplateMeta(template.id(), settings);
    }

    /** Creates a workspace and waits for its first build to end. */
    static Workspace workspace(CoderClient client, Template template, String schedule, Long ttlMs) {
        Workspace workspace = client.createWorkspace("me",
                CreateWorkspaceRequest.of(template.id(), TestCoderd.uniqueName("ws"), List.of()).withSchedule(schedule, ttlMs));
        awaitBuild(client, workspace.latestBuild().id());
        return client.workspace(workspace.id());
    }

    /** Stops the workspace by hand (as its owner) and waits for the stop. */
    static Workspace stop(CoderClient client, Workspace workspace) {
        WorkspaceBuild stop = client.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP));
        awaitBuild(client, stop.id());
        return client.workspace(workspace.id());
    }

    /** Starts the workspace by hand (as its owner) and waits for the start. */
    static Workspace start(CoderClient client, Workspace workspace) {
        WorkspaceBuild start = client.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.START));
        awaitBuild(client, start.id());
        return client.workspace(workspace.id());
    }

    static WorkspaceBuild awaitBuild(CoderClient client, UUID buildId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> client.workspaceBuild(buildId).job().completed());
        return client.workspaceBuild(buildId);
    }

    /** The workspace's latest build, once it has ended. */
    static WorkspaceBuild awaitLatest(CoderClient client, UUID workspaceId) {
        return awaitBuild(client, client.workspace(workspaceId, true).latestBuild().id());
    }
}
