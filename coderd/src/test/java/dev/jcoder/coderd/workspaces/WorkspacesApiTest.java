package dev.jcoder.coderd.workspaces;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.awaitBuild;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.DisplayApp;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.User;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.WorkspacesResponse;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Creating, reading, listing and searching workspaces through the SDK, with the echo provisioner. */
class WorkspacesApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient templateAdmin;
    private static CoderClient member;
    private static CoderClient otherMember;
    private static ProvisionerDaemons daemons;
    private static Template template;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        owner = server.createFirstUser();
        templateAdmin = server.createUser(owner, "wsadmin", "template-admin");
        member = server.createUser(owner, "alice");
        otherMember = server.createUser(owner, "bob");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        template = WorkspaceFixtures.template(templateAdmin, "docker", WorkspaceFixtures.echo(List.of(), "state-1"));
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    @Test
    void createdWorkspaceBuildsAndRunsWithItsAgentAndApps() {
        Workspace created = create(member, template, "dev", List.of());
        assertThat(created.name()).isEqualTo("dev");
        assertThat(created.ownerName()).isEqualTo("alice");
        assertThat(created.templateName()).isEqualTo("docker");
        assertThat(created.organizationName()).isEqualTo(owner.organization("default").name());
        assertThat(created.latestBuild().buildNumber()).isEqualTo(1);
        assertThat(created.latestBuild().transition()).isEqualTo(WorkspaceTransition.START);
        assertThat(created.latestBuild().reason()).isEqualTo(BuildReason.INITIATOR);
        assertThat(created.latestBuild().initiatorName()).isEqualTo("alice");
        assertThat(created.latestBuild().job().type()).isEqualTo(ProvisionerJobType.WORKSPACE_BUILD);
        assertThat(created.latestBuild().job().metadata().workspaceName()).isEqualTo("dev");
        assertThat(created.automaticUpdates()).isEqualTo(AutomaticUpdates.NEVER);
        assertThat(created.outdated()).isFalse();
        assertThat(created.ttlMs()).isNull();
        assertThat(created.autostartSchedule()).isNull();

        WorkspaceBuild build = awaitBuild(member, created.latestBuild().id());
        assertThat(build.job().status()).isEqualTo(ProvisionerJobStatus.SUCCEEDED);
        assertThat(build.status()).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(build.dailyCost()).isEqualTo(3);
        assertThat(build.deadline()).isNull();
        assertThat(build.resources()).singleElement().satisfies(resource -> {
            assertThat(resource.type()).isEqualTo("docker_container");
            assertThat(resource.metadata()).singleElement().satisfies(m -> assertThat(m.value()).isEqualTo("ubuntu"));
            assertThat(resource.agents()).singleElement().satisfies(agent -> {
                assertThat(agent.name()).isEqualTo("main");
                assertThat(agent.status()).isEqualTo(WorkspaceAgentStatus.CONNECTING);
                assertThat(agent.lifecycleState()).isEqualTo(WorkspaceAgentLifecycle.CREATED);
                assertThat(agent.health().healthy()).isFalse();
                assertThat(agent.health().reason()).isEqualTo("agent has not yet connected");
                assertThat(agent.directory()).isEqualTo("/home/coder");
                assertThat(agent.displayApps()).contains(DisplayApp.VSCODE, DisplayApp.WEB_TERMINAL);
                assertThat(agent.scripts()).singleElement().satisfies(script -> {
                    assertThat(script.displayName()).isEqualTo("Startup Script");
                    assertThat(script.timeout()).isEqualTo(Duration.ofSeconds(30).toNanos());
                });
                assertThat(agent.logSources()).singleElement()
                        .satisfies(source -> assertThat(source.id()).isEqualTo(agent.scripts().getFirst().logSourceId()));
                assertThat(agent.apps()).singleElement().satisfies(app -> {
                    assertThat(app.slug()).isEqualTo("code");
                    assertThat(app.health()).isEqualTo(WorkspaceAppHealth.INITIALIZING);
                });
            });
        });

        Workspace running = member.workspace(created.id());
        assertThat(running.latestBuild().status()).isEqualTo(WorkspaceStatus.RUNNING);
        assertThat(running.health().healthy()).isFalse();
        assertThat(running.health().failingAgents()).containsExactly(
                build.resources().getFirst().agents().getFirst().id());
        assertThat(member.workspaceByOwnerAndName("me", "dev", false).id()).isEqualTo(created.id());
        assertThat(owner.workspaceByOwnerAndName("alice", "DEV", false).id()).isEqualTo(created.id());
        assertThat(member.workspaceBuildByNumber("alice", "dev", 1).id()).isEqualTo(build.id());
    }

    @Test
    void createThroughTheOrganizationRouteAndForAnotherUserAsOwner() {
        User bob = owner.user("bob");
        Workspace workspace = owner.createWorkspace("default", bob.id().toString(),
                CreateWorkspaceRequest.of(template.id(), "for-bob", List.of()));
        assertThat(workspace.ownerId()).isEqualTo(bob.id());
        assertThat(workspace.latestBuild().initiatorName()).isEqualTo("owner");
        assertThat(otherMember.workspace(workspace.id()).name()).isEqualTo("for-bob");
        // A member may not create workspaces for someone else.
        assertStatus(() -> member.createWorkspace("bob", CreateWorkspaceRequest.of(template.id(), "sneaky", List.of())), 403);
    }

    @Test
    void nameRulesAndDuplicates() {
        create(member, template, "unique-name", List.of());
        assertThatThrownBy(() -> create(member, template, "Unique-Name", List.of()))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).isEqualTo("Workspace \"Unique-Name\" already exists.");
                    assertThat(e.response().validations()).singleElement()
                            .satisfies(v -> assertThat(v.field()).isEqualTo("name"));
                });
        // The same name for another owner is fine.
        create(otherMember, template, "unique-name", List.of());
        for (String bad : List.of("has space", "-leading", "trailing-", "double--hyphen", "new", "x".repeat(33), "ünï")) {
            assertThatThrownBy(() -> create(member, template, bad, List.of()))
                    .as(bad).isInstanceOfSatisfying(CoderApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.response().validations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("name"));
                    });
        }
        assertStatus(() -> create(member, template, "", List.of()), 400);
    }

    @Test
    void badCreateRequests() {
        assertStatus(() -> member.createWorkspace("me", CreateWorkspaceRequest.of(UUID.randomUUID(), "x1", List.of())), 400);
        assertStatus(() -> member.createWorkspace("me", new CreateWorkspaceRequest(null, UUID.randomUUID(), "x2", null,
                null, List.of(), null, null)), 400);
        assertStatus(() -> member.createWorkspace("me", new CreateWorkspaceRequest(null, null, "x3", null, null, List.of(),
                null, null)), 400);
        assertStatus(() -> member.createWorkspace("me", new CreateWorkspaceRequest(template.id(),
                template.activeVersionId(), "x4", null, null, List.of(), null, null)), 400);
        var malformed = member.sendRaw("POST", "/api/v2/users/me/workspaces", "application/json",
                "{\"name\": ".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Request body must be valid JSON.");
        assertStatus(() -> member.createWorkspace("nobody-here", CreateWorkspaceRequest.of(template.id(), "x5", List.of())),
                404);
    }

    @Test
    void membersSeeOnlyTheirOwnWorkspacesOwnersAndTemplateAdminsSeeAll() {
        Workspace mine = create(member, template, "private", List.of());
        assertStatus(() -> otherMember.workspace(mine.id()), 404);
        assertStatus(() -> otherMember.workspaceByOwnerAndName("alice", "private", false), 404);
        assertStatus(() -> otherMember.workspaceBuild(mine.latestBuild().id()), 404);
        assertThat(otherMember.workspaces("", 0, 0).workspaces()).extracting(Workspace::id).doesNotContain(mine.id());
        assertThat(otherMember.workspaces("owner:alice", 0, 0).count()).isZero();
        assertThat(owner.workspace(mine.id()).name()).isEqualTo("private");
        assertThat(templateAdmin.workspace(mine.id()).name()).isEqualTo("private");
        assertThat(owner.workspaces("owner:alice", 0, 0).workspaces()).extracting(Workspace::id).contains(mine.id());
        // Template admins read but do not act on other people's workspaces.
        assertStatus(() -> templateAdmin.createWorkspaceBuild(mine.id(),
                dev.jcoder.codersdk.CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)), 403);
    }

    @Test
    void listFiltersAndPaginates() {
        Template other = WorkspaceFixtures.template(templateAdmin, "other-tmpl", WorkspaceFixtures.echo(List.of(), ""));
        CoderClient carol = server.createUser(owner, "carol");
        Workspace a = create(carol, template, "alpha", List.of());
        Workspace b = create(carol, other, "beta", List.of());
        Workspace c = create(carol, template, "gamma-alpha", List.of());
        awaitBuild(carol, a.latestBuild().id());
        awaitBuild(carol, b.latestBuild().id());
        awaitBuild(carol, c.latestBuild().id());

        WorkspacesResponse mine = carol.workspaces("owner:me", 0, 0);
        assertThat(mine.count()).isEqualTo(3);
        assertThat(mine.workspaces()).extracting(Workspace::name).containsExactly("alpha", "beta", "gamma-alpha");
        assertThat(names(carol.workspaces("owner:me template:other-tmpl", 0, 0))).containsExactly("beta");
        assertThat(names(carol.workspaces("owner:me alpha", 0, 0))).containsExactly("alpha", "gamma-alpha");
        assertThat(names(owner.workspaces("carol/alpha", 0, 0))).containsExactly("alpha", "gamma-alpha");
        assertThat(names(carol.workspaces("owner:me name:gamma", 0, 0))).containsExactly("gamma-alpha");
        assertThat(names(carol.workspaces("owner:me status:running", 0, 0))).hasSize(3);
        assertThat(names(carol.workspaces("owner:me status:stopped", 0, 0))).isEmpty();
        assertThat(names(carol.workspaces("owner:me outdated:false", 0, 0))).hasSize(3);
        assertThat(names(carol.workspaces("owner:me has-agent:connecting", 0, 0))).hasSize(3);
        assertThat(names(carol.workspaces("owner:me has-agent:connected", 0, 0))).isEmpty();
        assertThat(names(carol.workspaces("owner:me dormant:false", 0, 0))).hasSize(3);
        assertThat(names(carol.workspaces("owner:me dormant:true", 0, 0))).isEmpty();
        assertThat(names(carol.workspaces("owner:me last_used_after:2000-01-01T00:00:00Z", 0, 0))).hasSize(3);
        assertThat(names(carol.workspaces("owner:me last_used_before:2000-01-01T00:00:00Z", 0, 0))).isEmpty();
        assertThat(names(carol.workspaces("owner:me id:" + b.id(), 0, 0))).containsExactly("beta");

        WorkspacesResponse page = carol.workspaces("owner:me", 2, 1);
        assertThat(page.count()).isEqualTo(3);
        assertThat(names(page)).containsExactly("beta", "gamma-alpha");

        assertStatus(() -> carol.workspaces("status:sleeping", 0, 0), 400);
        assertStatus(() -> carol.workspaces("color:blue", 0, 0), 400);
        assertStatus(() -> carol.workspaces("outdated:maybe", 0, 0), 400);
        assertStatus(() -> carol.workspaces("has-agent:lost", 0, 0), 400);
        assertStatus(() -> carol.workspaces("a:b:c", 0, 0), 400);
    }

    @Test
    void favoritesComeFirstForTheirOwner() {
        CoderClient dave = server.createUser(owner, "dave");
        Workspace first = create(dave, template, "aaa", List.of());
        Workspace second = create(dave, template, "zzz", List.of());
        awaitBuild(dave, first.latestBuild().id());
        awaitBuild(dave, second.latestBuild().id());
        dave.favoriteWorkspace(second.id());
        assertThat(names(dave.workspaces("owner:me", 0, 0))).containsExactly("zzz", "aaa");
        assertThat(dave.workspace(second.id()).favorite()).isTrue();
        assertStatus(() -> owner.favoriteWorkspace(first.id()), 403);
        dave.unfavoriteWorkspace(second.id());
        assertThat(names(dave.workspaces("owner:me", 0, 0))).containsExactly("aaa", "zzz");
    }

    @Test
    void templatesWithWorkspacesCannotBeDeletedAndBuildJobsNameTheirWorkspace() {
        Template kept = WorkspaceFixtures.template(templateAdmin, "kept", WorkspaceFixtures.echo(List.of(), ""));
        Workspace workspace = create(member, kept, "keeper", List.of());
        awaitBuild(member, workspace.latestBuild().id());
        assertStatus(() -> templateAdmin.deleteTemplate(kept.id()), 400);
        var job = owner.provisionerJob("default", workspace.latestBuild().job().id());
        assertThat(job.metadata().workspaceName()).isEqualTo("keeper");
        assertThat(job.metadata().workspaceId()).isEqualTo(workspace.id());
        assertThat(job.metadata().templateName()).isEqualTo("kept");
        assertThat(job.input().workspaceBuildId()).isEqualTo(workspace.latestBuild().id());
        awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                dev.jcoder.codersdk.CreateWorkspaceBuildRequest.of(WorkspaceTransition.DELETE)).id());
        templateAdmin.deleteTemplate(kept.id());
        assertStatus(() -> member.template(kept.id()), 404);
    }

    private static List<String> names(WorkspacesResponse response) {
        return response.workspaces().stream().map(Workspace::name).toList();
    }
}
