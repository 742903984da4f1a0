package dev.jcoder.coderd.workspaces;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.awaitBuild;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Start, stop, delete, cancel and the build read endpoints, with the echo provisioner. */
class WorkspaceBuildsApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient templateAdmin;
    private static CoderClient member;
    private static CoderClient otherMember;
    private static ProvisionerDaemons daemons;
    private static Template template;
    private static Template slow;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        templateAdmin = server.createUser(owner, "buildadmin", "template-admin");
        member = server.createUser(owner, "erin");
        otherMember = server.createUser(owner, "frank");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        template = WorkspaceFixtures.template(templateAdmin, "builds", WorkspaceFixtures.echo(List.of(), "tf-state-1"));
        Map<String, Object> waiting = new LinkedHashMap<>(WorkspaceFixtures.echo(List.of(), ""));
        waiting.put("build", Map.of("logs", List.of(Map.of("output", "waiting for cancel")), "wait_for_cancel", true));
        slow = WorkspaceFixtures.template(templateAdmin, "slow", waiting);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    private static WorkspaceBuild build(CoderClient client, Workspace workspace, WorkspaceTransition transition) {
        return client.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(transition));
    }

    @Test
    void anAgentKeepingItsTerraformIdAcrossBuildsGetsAFreshRowEachStart() {
        // Like an agent without count: Terraform state keeps its id (and token) from build to build.
        Map<String, Object> echo = WorkspaceFixtures.echo(List.of(), "state");
        @SuppressWarnings("unchecked")
        Map<String, Object> build = new LinkedHashMap<>((Map<String, Object>) echo.get("build"));
        @SuppressWarnings("unchecked")
        Map<String, Object> resource = new LinkedHashMap<>(((List<Map<String, Object>>) build.get("resources")).getFirst());
        @SuppressWarnings("unchecked")
        Map<String, Object> agent = new LinkedHashMap<>(((List<Map<String, Object>>) resource.get("agents")).getFirst());
        agent.put("id", "6f1c7c4e-55a4-4c57-9a55-0d6c2f1d9b10");
        agent.put("auth_token", "0f3d1a52-9e77-4a8c-b3f1-7d2a4c6e8b90");
        resource.put("agents", List.of(agent));
        build.put("resources", List.of(resource));
        Map<String, Object> fixed = new LinkedHashMap<>(echo);
        fixed.put("build", build);
        Template fixedAgent = WorkspaceFixtures.template(templateAdmin, "fixed-agent", fixed);

        Workspace workspace = create(member, fixedAgent, "fixed", List.of());
        WorkspaceBuild first = awaitBuild(member, workspace.latestBuild().id());
        awaitBuild(member, build(member, workspace, WorkspaceTransition.STOP).id());
        WorkspaceBuild again = awaitBuild(member, build(member, workspace, WorkspaceTransition.START).id());

        assertThat(again.status()).isEqualTo(WorkspaceStatus.RUNNING);
        UUID firstAgent = first.resources().getFirst().agents().getFirst().id();
        UUID secondAgent = again.resources().getFirst().agents().getFirst().id();
        assertThat(secondAgent).isNotEqualTo(firstAgent);
    }

    @Test
    void stopStartDeleteNumberBuildsAndChangeTheStatus() {
        Workspace workspace = create(member, template, "cycle", List.of());
        awaitBuild(member, workspace.latestBuild().id());

        WorkspaceBuild stop = build(member, workspace, WorkspaceTransition.STOP);
        assertThat(stop.buildNumber()).isEqualTo(2);
        assertThat(stop.status()).isIn(WorkspaceStatus.PENDING, WorkspaceStatus.STOPPING, WorkspaceStatus.STOPPED);
        WorkspaceBuild stopped = awaitBuild(member, stop.id());
        assertThat(stopped.status()).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(stopped.resources()).singleElement().satisfies(r -> assertThat(r.type()).isEqualTo("docker_volume"));
        assertThat(member.workspace(workspace.id()).latestBuild().status()).isEqualTo(WorkspaceStatus.STOPPED);

        WorkspaceBuild start = awaitBuild(member, build(member, workspace, WorkspaceTransition.START).id());
        assertThat(start.buildNumber()).isEqualTo(3);
        assertThat(start.status()).isEqualTo(WorkspaceStatus.RUNNING);

        assertThat(member.workspaceBuilds(workspace.id(), 0, 0)).extracting(WorkspaceBuild::buildNumber)
                .containsExactly(3, 2, 1);
        assertThat(member.workspaceBuilds(workspace.id(), 1, 1)).extracting(WorkspaceBuild::buildNumber)
                .containsExactly(2);
        assertThat(member.workspaceBuildByNumber("me", "cycle", 2).id()).isEqualTo(stop.id());
        assertStatus(() -> member.workspaceBuildByNumber("me", "cycle", 9), 404);

        WorkspaceBuild delete = awaitBuild(member, build(member, workspace, WorkspaceTransition.DELETE).id());
        assertThat(delete.status()).isEqualTo(WorkspaceStatus.DELETED);
        assertThatThrownBy(() -> member.workspace(workspace.id())).isInstanceOfSatisfying(CoderApiException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(410);
            assertThat(e.response().message()).contains("include_deleted=true");
        });
        assertThat(member.workspace(workspace.id(), true).latestBuild().status()).isEqualTo(WorkspaceStatus.DELETED);
        assertThat(member.workspaceByOwnerAndName("me", "cycle", true).id()).isEqualTo(workspace.id());
        assertStatus(() -> member.workspaceByOwnerAndName("me", "cycle", false), 404);
        assertThat(member.workspaces("owner:me", 0, 0).workspaces()).extracting(Workspace::id)
                .doesNotContain(workspace.id());
        // The builds stay readable, and the name is free again.
        assertThat(member.workspaceBuild(stop.id()).status()).isEqualTo(WorkspaceStatus.STOPPED);
        assertThat(member.workspaceBuilds(workspace.id(), 0, 0)).hasSize(4);
        // Deleting twice: the workspace is gone.
        assertStatus(() -> build(member, workspace, WorkspaceTransition.DELETE), 410);
        assertThat(create(member, template, "cycle", List.of()).id()).isNotEqualTo(workspace.id());
    }

    @Test
    void aSecondBuildWhileOneIsActiveIsAConflictAndCancelEndsIt() {
        Workspace workspace = create(member, slow, "busy", List.of());
        awaitRunning(member, workspace.latestBuild().id());
        assertThatThrownBy(() -> build(member, workspace, WorkspaceTransition.STOP))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).isEqualTo("A workspace build is already active.");
                });
        assertStatus(() -> build(member, workspace, WorkspaceTransition.DELETE), 409);
        assertStatus(() -> otherMember.cancelWorkspaceBuild(workspace.latestBuild().id()), 404);

        member.cancelWorkspaceBuild(workspace.latestBuild().id());
        WorkspaceBuild canceled = awaitBuild(member, workspace.latestBuild().id());
        assertThat(canceled.job().status()).isEqualTo(ProvisionerJobStatus.CANCELED);
        assertThat(canceled.status()).isEqualTo(WorkspaceStatus.CANCELED);
        assertThatThrownBy(() -> member.cancelWorkspaceBuild(workspace.latestBuild().id()))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message()).isEqualTo("Job has already completed!");
                });
        // After the cancel a new build may start.
        assertThat(build(member, workspace, WorkspaceTransition.STOP).buildNumber()).isEqualTo(2);
    }

    @Test
    void usersCancelOnlyWhenTheTemplateAllowsIt() {
        Template strict = WorkspaceFixtures.template(templateAdmin, "strict", slowEcho());
        templateAdmin.updateTemplateMeta(strict.id(), UpdateTemplateMeta.empty().withPermissions(null, null, false));
        Workspace workspace = create(member, strict, "strict-ws", List.of());
        assertThat(member.workspace(workspace.id()).templateAllowUserCancelWorkspaceJobs()).isFalse();
        assertThatThrownBy(() -> member.cancelWorkspaceBuild(workspace.latestBuild().id()))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.response().message()).contains("not allowed to cancel");
                });
        owner.cancelWorkspaceBuild(workspace.latestBuild().id());
        assertThat(awaitBuild(member, workspace.latestBuild().id()).job().status()).isEqualTo(ProvisionerJobStatus.CANCELED);
    }

    private static Map<String, Object> slowEcho() {
        Map<String, Object> echo = new LinkedHashMap<>(WorkspaceFixtures.echo(List.of(), ""));
        echo.put("build", Map.of("wait_for_cancel", true));
        return echo;
    }

    @Test
    void logsAsJsonAndFollowedOverAWebSocket() throws Exception {
        Map<String, Object> echo = new LinkedHashMap<>(WorkspaceFixtures.echo(List.of(), ""));
        echo.put("build", Map.of("log_delay_ms", 20, "logs", List.of(Map.of("output", "one"), Map.of("output", "two"),
                Map.of("output", "three", "stage", "Finishing"))));
        Template logged = WorkspaceFixtures.template(templateAdmin, "logged", echo);
        Workspace workspace = create(member, logged, "chatty", List.of());
        List<ProvisionerJobLog> followed = new CopyOnWriteArrayList<>();
        member.followWorkspaceBuildLogs(workspace.latestBuild().id(), 0, followed::add);
        assertThat(followed).extracting(ProvisionerJobLog::output).containsSubsequence("one", "two", "three");
        assertThat(member.workspaceBuild(workspace.latestBuild().id()).job().completed()).isTrue();

        List<ProvisionerJobLog> stored = member.workspaceBuildLogs(workspace.latestBuild().id(), 0);
        assertThat(stored).extracting(ProvisionerJobLog::id).containsExactlyElementsOf(
                followed.stream().map(ProvisionerJobLog::id).toList());
        long first = stored.getFirst().id();
        assertThat(member.workspaceBuildLogs(workspace.latestBuild().id(), first)).hasSize(stored.size() - 1);
        List<ProvisionerJobLog> after = new ArrayList<>();
        member.followWorkspaceBuildLogs(workspace.latestBuild().id(), first, after::add);
        assertThat(after).hasSize(stored.size() - 1);
        assertStatus(() -> otherMember.workspaceBuildLogs(workspace.latestBuild().id(), 0), 404);
        assertThatThrownBy(() -> otherMember.followWorkspaceBuildLogs(workspace.latestBuild().id(), 0, line -> {}))
                .isInstanceOf(CoderApiException.class);
    }

    @Test
    void resourcesParametersStateAndTimings() {
        Workspace workspace = create(member, template, "inspect", List.of());
        WorkspaceBuild build = awaitBuild(member, workspace.latestBuild().id());
        assertThat(member.workspaceBuildResources(build.id())).singleElement()
                .satisfies(r -> assertThat(r.agents()).hasSize(1));
        assertThat(member.workspaceBuildParameters(build.id())).isEmpty();
        // The raw Terraform state is for who may change the template.
        assertThat(new String(owner.workspaceBuildState(build.id()), StandardCharsets.UTF_8)).isEqualTo("tf-state-1");
        assertThat(new String(templateAdmin.workspaceBuildState(build.id()), StandardCharsets.UTF_8)).isEqualTo("tf-state-1");
        assertStatus(() -> member.workspaceBuildState(build.id()), 404);
        var timings = member.workspaceBuildTimings(build.id());
        assertThat(timings.provisionerTimings()).isEmpty();
        assertThat(timings.agentScriptTimings()).isEmpty();
        assertThat(timings.agentConnectionTimings()).isEmpty();
        assertThat(member.workspaceTimings(workspace.id())).isEqualTo(timings);
        // A stop build carries the state on to the provisioner, which echoes it back.
        WorkspaceBuild stop = awaitBuild(member, build(member, workspace, WorkspaceTransition.STOP).id());
        assertThat(new String(owner.workspaceBuildState(stop.id()), StandardCharsets.UTF_8)).isEqualTo("tf-state-1");
    }

    @Test
    void aCustomStateIsForTemplateManagersAndReachesTheProvisioner() {
        Template stateless = WorkspaceFixtures.template(templateAdmin, "stateless", WorkspaceFixtures.echo(List.of(), ""));
        Workspace workspace = create(member, stateless, "custom-state", List.of());
        awaitBuild(member, workspace.latestBuild().id());
        byte[] state = "{\"version\":4,\"serial\":7}".getBytes(StandardCharsets.UTF_8);
        var withState = CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withState(state);
        assertThatThrownBy(() -> member.createWorkspaceBuild(workspace.id(), withState))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertStatus(() -> owner.createWorkspaceBuild(workspace.id(), withState.withOrphan(true)), 400);
        WorkspaceBuild stop = awaitBuild(member, owner.createWorkspaceBuild(workspace.id(), withState).id());
        // The echo provisioner hands the state it was given back as the build's new state.
        assertThat(owner.workspaceBuildState(stop.id())).isEqualTo(state);
    }

    @Test
    void orphanDeleteIsForTemplateManagersAndDeletesAtOnce() {
        Workspace workspace = create(member, template, "orphaned", List.of());
        awaitBuild(member, workspace.latestBuild().id());
        var orphan = CreateWorkspaceBuildRequest.of(WorkspaceTransition.DELETE).withOrphan(true);
        assertThatThrownBy(() -> member.createWorkspaceBuild(workspace.id(), orphan))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.response().message()).isEqualTo("Only template managers may provide custom state");
                });
        assertStatus(() -> owner.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withOrphan(true)), 400);
        WorkspaceBuild deleted = owner.createWorkspaceBuild(workspace.id(), orphan);
        assertThat(deleted.status()).isEqualTo(WorkspaceStatus.DELETED);
        assertThat(deleted.job().status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
        assertStatus(() -> member.workspace(workspace.id()), 410);
        assertThat(member.workspaceBuildLogs(deleted.id(), 0)).extracting(ProvisionerJobLog::output)
                .containsExactly("The workspace was removed without destroying its resources.");
    }

    @Test
    void buildRequestsAreValidated() {
        Workspace workspace = create(member, template, "validated", List.of());
        awaitBuild(member, workspace.latestBuild().id());
        var missingTransition = member.sendRaw("POST", "/api/v2/workspaces/" + workspace.id() + "/builds",
                "application/json", "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(missingTransition.statusCode()).isEqualTo(400);
        var badTransition = member.sendRaw("POST", "/api/v2/workspaces/" + workspace.id() + "/builds",
                "application/json", "{\"transition\":\"explode\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(badTransition.statusCode()).isEqualTo(400);
        assertStatus(() -> member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withLogLevel("verbose")), 400);
        assertStatus(() -> member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withLogLevel("debug")), 403);
        assertStatus(() -> member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.START).withTemplateVersion(java.util.UUID.randomUUID())),
                400);
        assertStatus(() -> member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withReason(dev.jcoder.codersdk.BuildReason.AUTOSTOP)),
                400);
        assertStatus(() -> otherMember.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)), 404);
        WorkspaceBuild debug = owner.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP).withLogLevel("debug")
                        .withReason(dev.jcoder.codersdk.BuildReason.CLI));
        assertThat(debug.reason()).isEqualTo(dev.jcoder.codersdk.BuildReason.CLI);
        assertThat(debug.initiatorName()).isEqualTo("owner");
        assertThat(awaitBuild(member, debug.id()).status()).isEqualTo(WorkspaceStatus.STOPPED);
    }

    /** Waits until a daemon has taken the build's job. */
    static void awaitRunning(CoderClient client, java.util.UUID buildId) {
        Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> client.workspaceBuild(buildId).job().status() == ProvisionerJobStatus.RUNNING);
    }
}
