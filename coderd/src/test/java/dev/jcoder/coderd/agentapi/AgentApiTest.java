package dev.jcoder.coderd.agentapi;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.store.WorkspaceAgentLogSourceRow;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.Log;
import dev.jcoder.codersdk.agentsdk.MetadataResult;
import dev.jcoder.codersdk.agentsdk.PatchLogs;
import dev.jcoder.codersdk.agentsdk.PostAppHealthsRequest;
import dev.jcoder.codersdk.agentsdk.PostLifecycleRequest;
import dev.jcoder.codersdk.agentsdk.PostLogSourceRequest;
import dev.jcoder.codersdk.agentsdk.PostMetadataRequest;
import dev.jcoder.codersdk.agentsdk.PostStartupRequest;
import dev.jcoder.codersdk.agentsdk.Stats;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent endpoints through the SDK's {@link AgentClient}, without a running agent. */
class AgentApiTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;

    @BeforeAll
    static void start() {
        server = TestCoderd.start(config -> config.withAgentStatsRefreshInterval(Duration.ofSeconds(7)));
        owner = server.createFirstUser();
        daemons = EchoTemplates.startDaemons(server, owner, 1);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    private static AgentFixtures.Created workspaceWithApp() {
        return AgentFixtures.workspace(owner, Map.of(
                "environment_variables", Map.of("A", "1"),
                "directory", "/srv",
                "scripts", List.of(Map.of("display_name", "Setup", "script", "echo hi", "run_on_start", true,
                        "timeout_seconds", 30)),
                "metadata", List.of(Map.of("key", "load", "display_name", "Load", "script", "uptime",
                        "interval_seconds", 10, "timeout_seconds", 2)),
                "apps", List.of(
                        Map.of("slug", "web", "url", "http://127.0.0.1:8080", "healthcheck",
                                Map.of("url", "http://127.0.0.1:8080/healthz", "interval", 5, "threshold", 3)),
                        Map.of("slug", "plain", "url", "http://127.0.0.1:9090"))));
    }

    @Test
    void manifestCarriesWhatTheTemplateDefined() {
        var created = workspaceWithApp();
        var manifest = new AgentClient(server.url(), created.token()).manifest();
        assertThat(manifest.agentId()).isEqualTo(created.agent().id());
        assertThat(manifest.workspaceId()).isEqualTo(created.workspace().id());
        assertThat(manifest.environmentVariables()).containsEntry("A", "1");
        assertThat(manifest.directory()).isEqualTo("/srv");
        assertThat(manifest.scripts()).singleElement().satisfies(script -> {
            assertThat(script.script()).isEqualTo("echo hi");
            assertThat(script.runOnStart()).isTrue();
            assertThat(script.timeout()).isEqualTo(Duration.ofSeconds(30).toNanos());
            assertThat(created.agent().logSources()).extracting(s -> s.id()).containsExactly(script.logSourceId());
        });
        assertThat(manifest.metadata()).singleElement().satisfies(m -> {
            assertThat(m.key()).isEqualTo("load");
            assertThat(m.interval()).isEqualTo(10);
        });
        assertThat(manifest.apps()).extracting(a -> a.slug()).containsExactly("web", "plain");
        assertThat(manifest.apps().getFirst().health()).isEqualTo(WorkspaceAppHealth.INITIALIZING);
        assertThat(manifest.displayApps()).contains("vscode", "web_terminal");
    }

    @Test
    void lifecycleStartupAndAppHealthAreStored() {
        var created = workspaceWithApp();
        AgentClient agent = new AgentClient(server.url(), created.token());
        Instant started = Instant.parse("2026-01-02T03:04:05Z");
        agent.postLifecycle(new PostLifecycleRequest(WorkspaceAgentLifecycle.STARTING, started));
        agent.postStartup(new PostStartupRequest("v9.9.9", "/srv/expanded", List.of("envbox")));
        agent.postLifecycle(new PostLifecycleRequest(WorkspaceAgentLifecycle.READY, started.plusSeconds(3)));
        UUID web = created.agent().apps().stream().filter(a -> a.slug().equals("web")).findFirst().orElseThrow().id();
        UUID plain = created.agent().apps().stream().filter(a -> a.slug().equals("plain")).findFirst().orElseThrow().id();
        agent.postAppHealth(new PostAppHealthsRequest(Map.of(web, WorkspaceAppHealth.HEALTHY)));

        WorkspaceAgent stored = owner.workspaceAgent(created.agent().id());
        assertThat(stored.lifecycleState()).isEqualTo(WorkspaceAgentLifecycle.READY);
        assertThat(stored.startedAt()).isEqualTo(started);
        assertThat(stored.readyAt()).isEqualTo(started.plusSeconds(3));
        assertThat(stored.version()).isEqualTo("v9.9.9");
        assertThat(stored.expandedDirectory()).isEqualTo("/srv/expanded");
        assertThat(stored.subsystems()).containsExactly("envbox");
        assertThat(stored.apps()).filteredOn(a -> a.slug().equals("web")).singleElement()
                .satisfies(a -> assertThat(a.health()).isEqualTo(WorkspaceAppHealth.HEALTHY));

        assertStatus(() -> agent.postAppHealth(new PostAppHealthsRequest(Map.of(plain, WorkspaceAppHealth.HEALTHY))), 400);
        assertStatus(() -> agent.postAppHealth(new PostAppHealthsRequest(Map.of(UUID.randomUUID(), WorkspaceAppHealth.HEALTHY))), 400);
        assertStatus(() -> agent.postAppHealth(new PostAppHealthsRequest(Map.of(web, WorkspaceAppHealth.DISABLED))), 400);
        assertStatus(() -> agent.postStartup(new PostStartupRequest("v1", "/", List.of("nonsense"))), 400);
        var badState = new CoderClient(server.url()).withToken(created.token()).sendRaw("POST",
                "/api/v2/workspaceagents/me/report-lifecycle", "application/json",
                "{\"state\":\"sleeping\",\"changed_at\":\"2026-01-01T00:00:00Z\"}".getBytes());
        assertThat(badState.statusCode()).isEqualTo(400);
        assertThat(badState.body()).contains("Request body must be valid JSON.", "sleeping");
    }

    @Test
    void logsAreStoredPerSourceAndCappedAtOneMebibyte() {
        var created = workspaceWithApp();
        AgentClient agent = new AgentClient(server.url(), created.token());
        UUID source = created.agent().logSources().getFirst().id();
        Instant now = Instant.parse("2026-01-02T03:04:05Z");
        agent.patchLogs(new PatchLogs(source, List.of(new Log(now, "first", LogLevel.INFO),
                new Log(now.plusMillis(1), "second", LogLevel.ERROR))));
        List<WorkspaceAgentLog> logs = owner.workspaceAgentLogs(created.agent().id(), 0);
        assertThat(logs).extracting(WorkspaceAgentLog::output).containsExactly("first", "second");
        assertThat(logs.get(1).level()).isEqualTo(LogLevel.ERROR);
        assertThat(logs).extracting(WorkspaceAgentLog::sourceId).containsOnly(source);
        assertThat(owner.workspaceAgentLogs(created.agent().id(), logs.getFirst().id())).extracting(WorkspaceAgentLog::output)
                .containsExactly("second");

        UUID external = PostLogSourceRequest.EXTERNAL_LOG_SOURCE_ID;
        var created201 = agent.postLogSource(new PostLogSourceRequest(external, "External", "/icon/ext.svg"));
        assertThat(created201.workspaceAgentId()).isEqualTo(created.agent().id());
        agent.postLogSource(new PostLogSourceRequest(external, "External", "")); // idempotent
        assertThat(owner.workspaceAgent(created.agent().id()).logSources()).extracting(s -> s.displayName())
                .containsExactlyInAnyOrder("Setup", "External");
        assertStatus(() -> agent.patchLogs(new PatchLogs(source, List.of())), 400);

        String line = "x".repeat(100_000);
        List<Log> big = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            big.add(new Log(now, line, LogLevel.INFO));
        }
        agent.patchLogs(new PatchLogs(external, big)); // 1 000 000 bytes + 11: still under 1 MiB
        assertStatus(() -> agent.patchLogs(new PatchLogs(external, List.of(new Log(now, line, LogLevel.INFO)))), 413);
        WorkspaceAgent overflowed = owner.workspaceAgent(created.agent().id());
        assertThat(overflowed.logsOverflowed()).isTrue();
        assertThat(overflowed.logsLength()).isEqualTo(1_000_011);
        // Once overflowed, even a small line is refused.
        assertStatus(() -> agent.patchLogs(new PatchLogs(source, List.of(new Log(now, "tiny", LogLevel.INFO)))), 413);
    }

    @Test
    void metadataAndStatsAreWrittenInBatchesAndSessionsMarkTheWorkspaceUsed() throws Exception {
        var created = workspaceWithApp();
        AgentClient agent = new AgentClient(server.url(), created.token());
        Instant collected = server.clock().instant();
        agent.postMetadata(new PostMetadataRequest(List.of(new MetadataResult("load", collected, 0, "0.42", ""),
                new MetadataResult("unknown", collected, 0, "ignored", ""))));
        try (var watch = owner.watchWorkspaceAgentMetadata(created.agent().id())) {
            Awaitility.await("metadata written").atMost(Duration.ofSeconds(10)).until(() -> {
                var event = watch.next(Duration.ofSeconds(5));
                return event.isPresent() && event.get().length == 1 && event.get()[0].result().value().equals("0.42");
            });
        }

        Instant before = owner.workspace(created.workspace().id()).lastUsedAt();
        server.clock().advance(Duration.ofMinutes(1));
        var idle = new Stats(Map.of(), 0, 0, 0, 10, 0, 20, 0, 0, 0, 0);
        assertThat(agent.postStats(idle).interval()).isEqualTo(Duration.ofSeconds(7));
        // An idle report is stored but does not count as use (the batcher writes once a second).
        var withSession = new Stats(Map.of("ssh", 1L), 1, 0, 0, 10, 0, 20, 0, 0, 0, 1);
        agent.postStats(withSession);
        Awaitility.await("last_used_at moved").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> owner.workspace(created.workspace().id()).lastUsedAt().isAfter(before));
    }

    @Test
    void tokensOfUnknownStoppedOrDeletedAgentsAreRefused() {
        assertStatus(() -> new AgentClient(server.url(), "not-a-token").manifest(), 401);
        assertStatus(() -> new CoderClient(server.url()).get("/api/v2/workspaceagents/me/manifest", Object.class), 401);
        var created = workspaceWithApp();
        AgentClient agent = new AgentClient(server.url(), created.token());
        agent.manifest();
        // A user's session token is not an agent token.
        assertStatus(() -> new AgentClient(server.url(), owner.sessionToken().orElseThrow()).manifest(), 401);
        var stop = owner.createWorkspaceBuild(created.workspace().id(),
                dev.jcoder.codersdk.CreateWorkspaceBuildRequest.of(dev.jcoder.codersdk.WorkspaceTransition.STOP));
        Awaitility.await("stopped").atMost(Duration.ofSeconds(30))
                .until(() -> owner.workspaceBuild(stop.id()).job().completed());
        assertStatus(agent::manifest, 403);
        assertStatus(() -> agent.postLifecycle(new PostLifecycleRequest(WorkspaceAgentLifecycle.OFF, Instant.now())), 403);
        // The user endpoints answer for the old agent, and not at all for other users.
        assertThat(owner.workspaceAgent(created.agent().id()).id()).isEqualTo(created.agent().id());
        CoderClient other = server.createUser(owner, TestCoderd.uniqueName("u"));
        assertStatus(() -> other.workspaceAgent(created.agent().id()), 404);
        assertStatus(() -> other.workspaceAgentLogs(created.agent().id(), 0), 404);
        assertStatus(() -> owner.workspaceAgent(UUID.randomUUID()), 404);
        assertStatus(() -> owner.workspaceAgentListeningPorts(created.agent().id()), 400);
    }

    @Test
    void everyAgentStoreMethodDeniesASubjectWithoutRoles() {
        var created = workspaceWithApp();
        UUID agentId = created.agent().id();
        AuthorizingStore nobody = new AuthorizingStore(new PostgresStore(server.coderd().database().jdbi()),
                new Authorizer(), Subject.nobody());
        Instant now = Instant.now();
        assertThat(nobody.getWorkspaceAgentAndWorkspaceByID(agentId)).isEmpty();
        assertThat(nobody.getWorkspaceAgentByID(agentId)).isEmpty();
        denied(() -> nobody.getWorkspaceAgentAndLatestBuildByAuthToken(created.token()));
        denied(() -> nobody.getWorkspaceAppsByAgentID(agentId));
        denied(() -> nobody.getWorkspaceAgentScriptsByAgentID(agentId));
        denied(() -> nobody.getWorkspaceAgentLogSourcesByAgentID(agentId));
        denied(() -> nobody.getWorkspaceAgentMetadata(agentId));
        denied(() -> nobody.updateWorkspaceAgentLifecycleStateByID(agentId, WorkspaceAgentLifecycle.READY,
                Optional.empty(), Optional.empty()));
        denied(() -> nobody.updateWorkspaceAgentStartupByID(agentId, "v", "/", List.of(), "2.0"));
        denied(() -> nobody.updateWorkspaceAgentConnectionByID(agentId, Optional.of(now), Optional.of(now),
                Optional.empty(), now));
        denied(() -> nobody.updateWorkspaceAgentsLastConnectedAt(List.of(agentId), now));
        denied(() -> nobody.insertWorkspaceAgentLogs(agentId, UUID.randomUUID(), List.of(), 1));
        denied(() -> nobody.getWorkspaceAgentLogsAfter(agentId, 0));
        denied(() -> nobody.upsertWorkspaceAgentLogSource(new WorkspaceAgentLogSourceRow(UUID.randomUUID(), agentId,
                now, "x", "")));
        denied(() -> nobody.updateWorkspaceAgentMetadata(List.of()));
        denied(() -> nobody.updateWorkspaceAppHealthsByAgentID(agentId, Map.of()));
        denied(() -> nobody.insertWorkspaceAgentStats(List.of()));
    }

    private static void denied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class);
    }
}
