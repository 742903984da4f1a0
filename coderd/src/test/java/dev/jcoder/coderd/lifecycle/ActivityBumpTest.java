package dev.jcoder.coderd.lifecycle;

import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.template;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.PostWorkspaceUsageRequest;
import dev.jcoder.codersdk.PutExtendWorkspaceRequest;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.codersdk.UsageAppName;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Activity bumps as Coder's {@code ActivityBumpWorkspace}, through {@code POST /workspaces/{id}/usage}
 * and the {@link ActivityBumper} other features call. Each test starts at its own instant.
 */
class ActivityBumpTest {
    private static final Duration HOUR = Duration.ofHours(1);
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static CoderClient otherMember;
    private static ProvisionerDaemons daemons;
    /** Activity bump 1 hour (Coder's default), users choose their TTL. */
    private static Template template;

    @BeforeAll
    static void startServer() {
        server = TestCoderd.start(config -> config.withAutobuildPollInterval(Duration.ofDays(1))
                .withSessionDuration(Duration.ofDays(3650)));
        server.clock().set(Instant.parse("2027-06-01T00:00:00Z"));
        owner = server.createFirstUser();
        member = server.createUser(owner, "mira");
        otherMember = server.createUser(owner, "nils");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        template = template(owner, UpdateTemplateMeta.empty());
    }

    @AfterAll
    static void shutdown() {
        daemons.close();
        server.close();
    }

    private static Workspace runningAt(Instant at, String schedule, Duration ttl) {
        server.clock().set(at);
        return workspace(member, template, schedule, ttl == null ? null : ttl.toMillis());
    }

    private static Instant deadline(Workspace workspace) {
        return member.workspace(workspace.id()).latestBuild().deadline();
    }

    private static void usageAt(Workspace workspace, Instant at) {
        server.clock().set(at);
        member.postWorkspaceUsage(workspace.id(), null);
    }

    /** The call fails with {@code status} and a Coder-shaped error that mentions {@code text}. */
    private static void assertStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String text) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CoderApiException.class, e -> {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.response().toString()).contains(text);
        });
    }

    @Test
    void usagePushesTheDeadlineToNowPlusTheBumpAndRecordsTheUse() {
        Instant t0 = Instant.parse("2027-06-01T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        assertThat(workspace.latestBuild().deadline()).isEqualTo(t0.plus(HOUR));

        usageAt(workspace, t0.plusSeconds(600));
        assertThat(deadline(workspace)).isEqualTo(t0.plus(HOUR).plusSeconds(600));
        assertThat(member.workspace(workspace.id()).lastUsedAt()).isEqualTo(t0.plusSeconds(600));

        // A tick at the old deadline leaves it running; at the new one it stops.
        server.clock().set(t0.plus(HOUR));
        assertThat(server.coderd().lifecycleExecutor().tick().transitions()).doesNotContainKey(workspace.id());
        server.clock().set(t0.plus(HOUR).plusSeconds(600));
        assertThat(server.coderd().lifecycleExecutor().tick().transitions())
                .containsEntry(workspace.id(), BuildReason.AUTOSTOP);
        LifecycleFixtures.awaitLatest(member, workspace.id());
    }

    @Test
    void bumpWaitsUntilFivePercentOfTheBumpHasPassed() {
        Instant t0 = Instant.parse("2027-06-02T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        // 2 minutes in: deadline - 0.95 h = t0 + 3 min is still ahead, so no write.
        usageAt(workspace, t0.plusSeconds(120));
        assertThat(deadline(workspace)).isEqualTo(t0.plus(HOUR));
        assertThat(member.workspace(workspace.id()).lastUsedAt()).isEqualTo(t0.plusSeconds(120));
        usageAt(workspace, t0.plusSeconds(181));
        assertThat(deadline(workspace)).isEqualTo(t0.plus(HOUR).plusSeconds(181));
    }

    @Test
    void bumpNeverShortensAnExtendedDeadline() {
        Instant t0 = Instant.parse("2027-06-03T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        Instant extended = t0.plus(Duration.ofHours(5));
        member.extendWorkspace(workspace.id(), new PutExtendWorkspaceRequest(extended));
        usageAt(workspace, t0.plus(Duration.ofMinutes(30)));
        assertThat(deadline(workspace)).isEqualTo(extended);
    }

    @Test
    void bumpStopsAtTheMaxDeadline() {
        Instant t0 = Instant.parse("2027-06-04T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        Instant max = t0.plus(Duration.ofMinutes(75));
        server.coderd().database().jdbi().useHandle(h -> h.execute(
                "UPDATE workspace_builds SET max_deadline = ? WHERE id = ?", java.sql.Timestamp.from(max),
                workspace.latestBuild().id()));
        usageAt(workspace, t0.plus(Duration.ofMinutes(30)));
        assertThat(deadline(workspace)).isEqualTo(max);
        assertThat(member.workspace(workspace.id()).latestBuild().maxDeadline()).isEqualTo(max);
    }

    @Test
    void bumpAcrossTheNextAutostartGivesTheTtlFromThatAutostart() {
        // Autostart every day at 11:00 UTC, TTL 8 hours; at 10:20 a one-hour bump would pass 11:00.
        Instant t0 = Instant.parse("2027-06-07T02:30:00Z");
        Workspace workspace = runningAt(t0, "CRON_TZ=UTC 0 11 * * *", Duration.ofHours(8));
        assertThat(workspace.latestBuild().deadline()).isEqualTo(Instant.parse("2027-06-07T10:30:00Z"));
        usageAt(workspace, Instant.parse("2027-06-07T10:20:00Z"));
        // As if it had started at 11:00: 11:00 + 8 h.
        assertThat(deadline(workspace)).isEqualTo(Instant.parse("2027-06-07T19:00:00Z"));
    }

    @Test
    void noBumpWhenTheTemplateBumpIsOffOrShutdownIsManual() {
        Instant t0 = Instant.parse("2027-06-08T10:00:00Z");
        server.clock().set(t0);
        Template noBump = template(owner, UpdateTemplateMeta.empty().withSchedule(null, 0L));
        Workspace workspace = workspace(member, noBump, null, HOUR.toMillis());
        usageAt(workspace, t0.plus(Duration.ofMinutes(50)));
        assertThat(deadline(workspace)).isEqualTo(t0.plus(HOUR));
        assertThat(member.workspace(workspace.id()).lastUsedAt()).isEqualTo(t0.plus(Duration.ofMinutes(50)));

        Workspace manual = runningAt(t0, null, null);
        usageAt(manual, t0.plus(Duration.ofMinutes(50)));
        assertThat(deadline(manual)).isNull();
    }

    @Test
    void bumperServiceBumpsAsUsageDoes() {
        Instant t0 = Instant.parse("2027-06-09T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        server.clock().set(t0.plus(Duration.ofMinutes(45)));
        assertThat(server.coderd().activityBumper().bump(workspace.id())).isTrue();
        assertThat(deadline(workspace)).isEqualTo(t0.plus(Duration.ofMinutes(105)));
        assertThat(server.coderd().activityBumper().bump(workspace.id())).isFalse();
        assertThat(server.coderd().activityBumper().bump(UUID.randomUUID())).isFalse();
    }

    @Test
    void usageWithAgentAndAppIsAccepted() {
        Instant t0 = Instant.parse("2027-06-10T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        server.clock().set(t0.plus(Duration.ofMinutes(30)));
        member.postWorkspaceUsage(workspace.id(), new PostWorkspaceUsageRequest(UUID.randomUUID(), UsageAppName.SSH));
        assertThat(deadline(workspace)).isEqualTo(t0.plus(Duration.ofMinutes(90)));
    }

    @Test
    void usageRejectsHalfFilledBodiesUnknownAppsAndOtherPeoplesWorkspaces() {
        Instant t0 = Instant.parse("2027-06-11T10:00:00Z");
        Workspace workspace = runningAt(t0, null, HOUR);
        String path = "/api/v2/workspaces/" + workspace.id() + "/usage";
        assertStatus(() -> member.post(path, Map.of("agent_id", UUID.randomUUID().toString()), Void.class), 400,
                "app_name");
        assertStatus(() -> member.post(path, Map.of("app_name", "ssh"), Void.class), 400, "agent_id");
        assertStatus(() -> member.post(path, Map.of("agent_id", UUID.randomUUID().toString(), "app_name", "emacs"),
                Void.class), 400, "emacs");
        assertStatus(() -> otherMember.postWorkspaceUsage(workspace.id(), null), 404, "");
        assertStatus(() -> member.postWorkspaceUsage(UUID.randomUUID(), null), 404, "");
        // The owner (a site owner) may read and update anyone's workspace.
        owner.postWorkspaceUsage(workspace.id(), null);
    }
}
