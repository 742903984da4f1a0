package dev.jcoder.coderd.workspaces;

import static dev.jcoder.coderd.testing.ApiAssertions.assertStatus;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.awaitBuild;
import static dev.jcoder.coderd.workspaces.WorkspaceFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.EventStream;
import dev.jcoder.codersdk.PutExtendWorkspaceRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateWorkspaceAutomaticUpdatesRequest;
import dev.jcoder.codersdk.UpdateWorkspaceAutostartRequest;
import dev.jcoder.codersdk.UpdateWorkspaceDormancy;
import dev.jcoder.codersdk.UpdateWorkspaceRequest;
import dev.jcoder.codersdk.UpdateWorkspaceTTLRequest;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TTL, autostart, extend, automatic updates, dormancy, renames and the SSE watch. */
class WorkspaceSettingsApiTest {
    /** A Monday: schedules are checked against a known week. */
    private static final Instant MONDAY_MIDNIGHT = Instant.parse("2026-12-07T00:00:00Z");
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static CoderClient otherMember;
    private static ProvisionerDaemons daemons;
    private static Template template;

    @BeforeAll
    static void start() {
        server = TestCoderd.start();
        server.clock().set(MONDAY_MIDNIGHT);
        owner = server.createFirstUser();
        member = server.createUser(owner, "gina");
        otherMember = server.createUser(owner, "hank");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        template = WorkspaceFixtures.template(owner, "settings", WorkspaceFixtures.echo(List.of(), ""));
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    private static Workspace running(String name, Long ttlMs) {
        Workspace workspace = member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), name, List.of())
                .withSchedule(null, ttlMs));
        awaitBuild(member, workspace.latestBuild().id());
        return member.workspace(workspace.id());
    }

    @Test
    void ttlIsTruncatedToMinutesAndSetsTheDeadlineOfTheNextStart() {
        Workspace workspace = running("ttl", Duration.ofMinutes(90).plusSeconds(30).toMillis());
        assertThat(workspace.ttlMs()).isEqualTo(Duration.ofMinutes(90).toMillis());
        Instant completed = workspace.latestBuild().job().completedAt();
        assertThat(workspace.latestBuild().deadline()).isEqualTo(completed.plus(Duration.ofMinutes(90)));

        member.updateWorkspaceTtl(workspace.id(), new UpdateWorkspaceTTLRequest(Duration.ofHours(2).toMillis()));
        assertThat(member.workspace(workspace.id()).ttlMs()).isEqualTo(Duration.ofHours(2).toMillis());
        assertThatThrownBy(() -> member.updateWorkspaceTtl(workspace.id(), new UpdateWorkspaceTTLRequest(59_999L)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().validations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("ttl_ms");
                        assertThat(v.detail()).isEqualTo("time until shutdown must be at least one minute");
                    });
                });
        assertStatus(() -> member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "short", List.of())
                .withSchedule(null, 1000L)), 400);
        assertStatus(() -> otherMember.updateWorkspaceTtl(workspace.id(), new UpdateWorkspaceTTLRequest(null)), 404);

        // Turning autostop off clears the running build's deadline.
        member.updateWorkspaceTtl(workspace.id(), new UpdateWorkspaceTTLRequest(null));
        Workspace manual = member.workspace(workspace.id());
        assertThat(manual.ttlMs()).isNull();
        assertThat(manual.latestBuild().deadline()).isNull();
        var malformed = member.sendRaw("PUT", "/api/v2/workspaces/" + workspace.id() + "/ttl", "application/json",
                "{\"ttl_ms\": \"soon\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(malformed.statusCode()).isEqualTo(400);
    }

    @Test
    void autostartIsValidatedStoredAndGivesTheNextStart() {
        Workspace workspace = running("autostart", null);
        member.updateWorkspaceAutostart(workspace.id(),
                new UpdateWorkspaceAutostartRequest("CRON_TZ=Europe/Berlin 30 9 * * 1-5"));
        Workspace scheduled = member.workspace(workspace.id());
        assertThat(scheduled.autostartSchedule()).isEqualTo("CRON_TZ=Europe/Berlin 30 9 * * 1-5");
        // Monday 09:30 in Berlin is 08:30 UTC in December.
        assertThat(scheduled.nextStartAt()).isEqualTo(Instant.parse("2026-12-07T08:30:00Z"));

        for (String bad : List.of("30 9 * *", "30 9 1 * 1-5", "CRON_TZ=Mars/Olympus 30 9 * * 1-5", "61 9 * * *",
                "30 25 * * *", "30 9 * * 8", "thirty 9 * * *", "CRON_TZ=UTC 30 9 * * * *")) {
            assertThatThrownBy(() -> member.updateWorkspaceAutostart(workspace.id(), new UpdateWorkspaceAutostartRequest(bad)))
                    .as(bad).isInstanceOfSatisfying(CoderApiException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.response().message()).isEqualTo("Invalid autostart schedule.");
                        assertThat(e.response().validations()).singleElement()
                                .satisfies(v -> assertThat(v.field()).isEqualTo("schedule"));
                    });
        }
        assertThatThrownBy(() -> member.updateWorkspaceAutostart(workspace.id(),
                new UpdateWorkspaceAutostartRequest("30 9 * *")))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.response().validations().getFirst().detail())
                        .contains("expected schedule to consist of 5 fields"));
        member.updateWorkspaceAutostart(workspace.id(), new UpdateWorkspaceAutostartRequest(null));
        assertThat(member.workspace(workspace.id()).autostartSchedule()).isNull();
        assertThat(member.workspace(workspace.id()).nextStartAt()).isNull();

        Workspace created = member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "scheduled", List.of())
                .withSchedule("0 7 * * SAT,SUN", null));
        assertThat(created.nextStartAt()).isEqualTo(Instant.parse("2026-12-12T07:00:00Z"));
        assertThatThrownBy(() -> member.createWorkspace("me", CreateWorkspaceRequest.of(template.id(), "bad-cron",
                List.of()).withSchedule("every day", null)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message()).isEqualTo("Invalid Autostart Schedule.");
                });
    }

    @Test
    void extendMovesTheDeadlineOfARunningWorkspaceOnly() {
        Workspace workspace = running("extend", Duration.ofHours(1).toMillis());
        Instant now = server.clock().instant();
        Instant later = now.plus(Duration.ofHours(3));
        member.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(later));
        assertThat(member.workspace(workspace.id()).latestBuild().deadline()).isEqualTo(later);
        assertThatThrownBy(() -> member.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(now.plus(Duration.ofMinutes(10)))))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message())
                            .isEqualTo("Cannot extend workspace: new deadline must be at least 30 minutes in the future");
                });
        assertStatus(() -> member.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(null)), 400);

        Workspace manual = running("manual", null);
        assertThatThrownBy(() -> member.extendWorkspace(manual.id(), new PutExtendWorkspaceRequest(later)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).isEqualTo("Workspace shutdown is manual.");
                });
        awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)).id());
        assertThatThrownBy(() -> member.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(later)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.response().message()).isEqualTo("Workspace must be started, current status: stop");
                });
    }

    @Test
    void automaticUpdatesAndDormancy() {
        Workspace workspace = running("dormant", null);
        member.updateWorkspaceAutomaticUpdates(workspace.id(), new UpdateWorkspaceAutomaticUpdatesRequest(AutomaticUpdates.ALWAYS));
        assertThat(member.workspace(workspace.id()).automaticUpdates()).isEqualTo(AutomaticUpdates.ALWAYS);
        assertStatus(() -> member.updateWorkspaceAutomaticUpdates(workspace.id(),
                new UpdateWorkspaceAutomaticUpdatesRequest(null)), 400);
        assertThat(member.resolveAutostart(workspace.id()).parameterMismatch()).isFalse();

        Workspace dormant = member.updateWorkspaceDormancy(workspace.id(), new UpdateWorkspaceDormancy(true));
        assertThat(dormant.dormantAt()).isEqualTo(server.clock().instant());
        assertThat(member.workspaces("owner:me dormant:true", 0, 0).workspaces()).extracting(Workspace::id)
                .containsExactly(workspace.id());
        // Already dormant: 304, the SDK returns the workspace as it is.
        assertThat(member.updateWorkspaceDormancy(workspace.id(), new UpdateWorkspaceDormancy(true)).dormantAt()).isNotNull();
        awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP)).id());
        assertThatThrownBy(() -> member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.START)))
                .isInstanceOfSatisfying(CoderApiException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        Workspace active = member.updateWorkspaceDormancy(workspace.id(), new UpdateWorkspaceDormancy(false));
        assertThat(active.dormantAt()).isNull();
        assertThat(awaitBuild(member, member.createWorkspaceBuild(workspace.id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.START)).id()).status()).isEqualTo(WorkspaceStatus.RUNNING);
    }

    @Test
    void renamesNeedTheServerFlag() {
        Workspace workspace = running("named", null);
        assertThat(workspace.allowRenames()).isFalse();
        assertThatThrownBy(() -> member.updateWorkspace(workspace.id(), new UpdateWorkspaceRequest("renamed")))
                .isInstanceOfSatisfying(CoderApiException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.response().message()).isEqualTo("Workspace renames are not allowed.");
                });
        try (TestCoderd renaming = TestCoderd.start(config -> config.withAllowWorkspaceRenames(true))) {
            CoderClient admin = renaming.createFirstUser();
            try (ProvisionerDaemons echo = EchoTemplates.startDaemons(renaming, admin, 1)) {
                Template t = WorkspaceFixtures.template(admin, "renames", WorkspaceFixtures.echo(List.of(), ""));
                Workspace first = create(admin, t, "first", List.of());
                Workspace second = create(admin, t, "second", List.of());
                assertThat(first.allowRenames()).isTrue();
                admin.updateWorkspace(first.id(), new UpdateWorkspaceRequest("renamed"));
                assertThat(admin.workspace(first.id()).name()).isEqualTo("renamed");
                assertStatus(() -> admin.updateWorkspace(first.id(), new UpdateWorkspaceRequest("second")), 409);
                assertStatus(() -> admin.updateWorkspace(second.id(), new UpdateWorkspaceRequest("bad name")), 400);
            }
        }
    }

    @Test
    void watchPushesTheWorkspaceOnEveryChange() throws Exception {
        Workspace workspace = running("watched", null);
        try (EventStream<Workspace> events = member.watchWorkspace(workspace.id())) {
            Optional<Workspace> first = events.next(Duration.ofSeconds(10));
            assertThat(first).hasValueSatisfying(w -> assertThat(w.latestBuild().status()).isEqualTo(WorkspaceStatus.RUNNING));
            WorkspaceBuild stop = member.createWorkspaceBuild(workspace.id(), CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP));
            List<WorkspaceStatus> seen = new ArrayList<>();
            while (!seen.contains(WorkspaceStatus.STOPPED)) {
                Workspace next = events.next(Duration.ofSeconds(20)).orElseThrow(() -> new AssertionError("no event; seen " + seen));
                if (next.latestBuild().id().equals(stop.id())) {
                    seen.add(next.latestBuild().status());
                }
            }
            assertThat(seen.getFirst()).isIn(WorkspaceStatus.PENDING, WorkspaceStatus.STOPPING, WorkspaceStatus.STOPPED);
            member.updateWorkspaceAutomaticUpdates(workspace.id(), new UpdateWorkspaceAutomaticUpdatesRequest(AutomaticUpdates.ALWAYS));
            assertThat(events.next(Duration.ofSeconds(10))).hasValueSatisfying(
                    w -> assertThat(w.automaticUpdates()).isEqualTo(AutomaticUpdates.ALWAYS));
        }
        assertStatus(() -> otherMember.watchWorkspace(workspace.id()), 404);
    }
}
