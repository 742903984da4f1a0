package dev.jcoder.coderd.lifecycle;

import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.awaitLatest;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.stop;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.template;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateAutostartRequirement;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.codersdk.UpdateWorkspaceAutomaticUpdatesRequest;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The executor's rules, one scenario each, against a real server with echo builds. Time moves only
 * through the injected clock; every test starts at its own instant, and ticks are run by hand (the
 * background tick is set to once a day so it never interferes).
 */
class LifecycleExecutorTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static CoderClient member;
    private static ProvisionerDaemons daemons;

    @BeforeAll
    static void startServer() {
        server = TestCoderd.start(config -> config.withAutobuildPollInterval(Duration.ofDays(1))
                .withSessionDuration(Duration.ofDays(3650)));
        server.clock().set(Instant.parse("2027-01-01T00:00:00Z"));
        owner = server.createFirstUser();
        member = server.createUser(owner, "lena");
        daemons = EchoTemplates.startDaemons(server, owner, 2);
    }

    @AfterAll
    static void shutdown() {
        daemons.close();
        server.close();
    }

    private static LifecycleExecutor.TickResult tickAt(Instant at) {
        server.clock().set(at);
        LifecycleExecutor.TickResult result = server.coderd().lifecycleExecutor().tick();
        assertThat(result.leader()).isTrue();
        return result;
    }

    @Test
    void runningWorkspaceStopsAtItsDeadline() {
        server.clock().set(Instant.parse("2027-01-05T10:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = workspace(member, template, null, Duration.ofHours(1).toMillis());
        Instant deadline = workspace.latestBuild().deadline();
        assertThat(deadline).isEqualTo(Instant.parse("2027-01-05T11:00:00Z"));

        assertThat(tickAt(deadline.minusSeconds(1)).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(deadline).transitions()).containsEntry(workspace.id(), BuildReason.AUTOSTOP);

        WorkspaceBuild stop = awaitLatest(member, workspace.id());
        assertThat(stop.transition()).isEqualTo(WorkspaceTransition.STOP);
        assertThat(stop.reason()).isEqualTo(BuildReason.AUTOSTOP);
        assertThat(stop.initiatorId()).isEqualTo(workspace.ownerId());
        assertThat(stop.status()).isEqualTo(WorkspaceStatus.STOPPED);
        // Stopped: nothing more to do for it.
        assertThat(tickAt(deadline.plus(Duration.ofHours(1))).transitions()).doesNotContainKey(workspace.id());
    }

    @Test
    void workspaceWithoutTtlKeepsRunning() {
        server.clock().set(Instant.parse("2027-01-12T10:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = workspace(member, template, null, null);
        assertThat(workspace.latestBuild().deadline()).isNull();
        assertThat(tickAt(Instant.parse("2027-01-20T10:00:00Z")).transitions()).doesNotContainKey(workspace.id());
    }

    @Test
    void templateDefaultTtlAppliesWhenUsersMayNotChooseAutostop() {
        server.clock().set(Instant.parse("2027-01-19T10:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty().withSchedule(Duration.ofHours(2).toMillis(), null));
        Workspace workspace = workspace(member, template, null, Duration.ofHours(8).toMillis());
        owner.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty().withPermissions(null, false, null));
        Workspace restarted = LifecycleFixtures.start(member, stop(member, workspace));
        assertThat(restarted.latestBuild().deadline())
                .isEqualTo(restarted.latestBuild().job().completedAt().plus(Duration.ofHours(2)));
    }

    @Test
    void stoppedWorkspaceStartsWhenItsScheduleIsDueInItsTimeZone() {
        // Monday 4 January 2027, 12:00 UTC = 07:00 in New York; the schedule says 09:30 New York time.
        server.clock().set(Instant.parse("2027-01-04T12:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=America/New_York 30 9 * * 1-5", null));
        Instant due = Instant.parse("2027-01-04T14:30:00Z");
        assertThat(workspace.nextStartAt()).isEqualTo(due);

        assertThat(tickAt(due.minusSeconds(60)).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(due).transitions()).containsEntry(workspace.id(), BuildReason.AUTOSTART);
        WorkspaceBuild start = awaitLatest(member, workspace.id());
        assertThat(start.transition()).isEqualTo(WorkspaceTransition.START);
        assertThat(start.reason()).isEqualTo(BuildReason.AUTOSTART);
        assertThat(start.status()).isEqualTo(WorkspaceStatus.RUNNING);
    }

    @Test
    void autostartFollowsTheLocalClockAcrossADaylightSavingChange() {
        // Berlin moves to summer time on Sunday 28 March 2027: 09:00 local is 08:00 UTC on Saturday
        // and 07:00 UTC on Sunday.
        server.clock().set(Instant.parse("2027-03-27T10:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=Europe/Berlin 0 9 * * *", null));
        Instant sunday = Instant.parse("2027-03-28T07:00:00Z");
        assertThat(workspace.nextStartAt()).isEqualTo(sunday);

        assertThat(tickAt(sunday.minusSeconds(60)).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(sunday).transitions()).containsEntry(workspace.id(), BuildReason.AUTOSTART);
        awaitLatest(member, workspace.id());
    }

    @Test
    void autostartSkipsDaysTheTemplateForbids() {
        // Friday 8 January 2027 after 09:00 UTC; the template allows autostart on weekdays only.
        server.clock().set(Instant.parse("2027-01-08T12:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty().withAutostartRequirement(
                new TemplateAutostartRequirement(List.of("monday", "tuesday", "wednesday", "thursday", "friday"))));
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=UTC 0 9 * * *", null));
        Instant monday = Instant.parse("2027-01-11T09:00:00Z");
        assertThat(workspace.nextStartAt()).isEqualTo(monday);

        assertThat(tickAt(Instant.parse("2027-01-09T09:00:00Z")).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(Instant.parse("2027-01-10T09:00:00Z")).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(monday).transitions()).containsEntry(workspace.id(), BuildReason.AUTOSTART);
        awaitLatest(member, workspace.id());
    }

    @Test
    void autostartIsOffWhenTheTemplateDisallowsIt() {
        server.clock().set(Instant.parse("2027-01-25T08:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=UTC 0 9 * * *", null));
        owner.updateTemplateMeta(template.id(), UpdateTemplateMeta.empty().withPermissions(false, null, null));
        assertThat(tickAt(Instant.parse("2027-01-25T09:00:00Z")).transitions()).doesNotContainKey(workspace.id());
        assertThat(member.workspace(workspace.id()).nextStartAt()).isNull();
    }

    @Test
    void autostartUsesTheActiveVersionWhenUpdatesAreAutomatic() {
        server.clock().set(Instant.parse("2027-02-01T08:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=UTC 0 9 * * *", null));
        member.updateWorkspaceAutomaticUpdates(workspace.id(), new UpdateWorkspaceAutomaticUpdatesRequest(AutomaticUpdates.ALWAYS));
        TemplateVersion newer = LifecycleFixtures.importVersion(owner, LifecycleFixtures.echo(List.of(), ""), template.id());
        owner.updateActiveTemplateVersion(template.id(), newer.id());

        assertThat(tickAt(Instant.parse("2027-02-01T09:00:00Z")).transitions()).containsEntry(workspace.id(),
                BuildReason.AUTOSTART);
        WorkspaceBuild start = awaitLatest(member, workspace.id());
        assertThat(start.templateVersionId()).isEqualTo(newer.id());
        assertThat(start.status()).isEqualTo(WorkspaceStatus.RUNNING);
    }

    @Test
    void autostartThatCannotBeBuiltLeavesAFailedBuildThatSaysWhy() {
        server.clock().set(Instant.parse("2027-02-08T08:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty());
        Workspace workspace = stop(member, workspace(member, template, "CRON_TZ=UTC 0 9 * * *", null));
        member.updateWorkspaceAutomaticUpdates(workspace.id(), new UpdateWorkspaceAutomaticUpdatesRequest(AutomaticUpdates.ALWAYS));
        // The new active version asks for a value the workspace never gave, with no default.
        Map<String, Object> region = Map.of("name", "region", "type", "string", "mutable", true, "required", true,
                "default_value", "");
        TemplateVersion newer = LifecycleFixtures.importVersion(owner, LifecycleFixtures.echo(List.of(region), ""),
                template.id());
        owner.updateActiveTemplateVersion(template.id(), newer.id());

        LifecycleExecutor.TickResult result = tickAt(Instant.parse("2027-02-08T09:00:00Z"));
        assertThat(result.transitions()).containsEntry(workspace.id(), BuildReason.AUTOSTART);
        assertThat(result.errors().get(workspace.id())).contains("region");
        WorkspaceBuild failed = member.workspace(workspace.id()).latestBuild();
        assertThat(failed.reason()).isEqualTo(BuildReason.AUTOSTART);
        assertThat(failed.transition()).isEqualTo(WorkspaceTransition.START);
        assertThat(failed.job().status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(failed.job().error()).contains("autostart").contains("region");
        assertThat(failed.status()).isEqualTo(WorkspaceStatus.FAILED);
        // Not retried every minute: the failed build is the latest now.
        assertThat(tickAt(Instant.parse("2027-02-08T09:01:00Z")).transitions()).doesNotContainKey(workspace.id());
    }

    @Test
    void failedWorkspaceIsStoppedAfterTheTemplatesFailureTtl() {
        server.clock().set(Instant.parse("2027-02-15T10:00:00Z"));
        Template template = template(owner, LifecycleFixtures.echo(List.of(), "the cloud said no"),
                UpdateTemplateMeta.empty().withLifecycle(Duration.ofHours(1).toMillis(), null, null));
        Workspace workspace = workspace(member, template, null, null);
        assertThat(workspace.latestBuild().status()).isEqualTo(WorkspaceStatus.FAILED);
        Instant failedAt = workspace.latestBuild().job().completedAt();

        assertThat(tickAt(failedAt.plus(Duration.ofMinutes(59))).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(failedAt.plus(Duration.ofHours(1))).transitions()).containsEntry(workspace.id(),
                BuildReason.FAILEDSTOP);
        WorkspaceBuild stop = awaitLatest(member, workspace.id());
        assertThat(stop.transition()).isEqualTo(WorkspaceTransition.STOP);
        assertThat(stop.reason()).isEqualTo(BuildReason.FAILEDSTOP);
    }

    @Test
    void failedWorkspaceStaysWithoutFailureTtl() {
        server.clock().set(Instant.parse("2027-02-22T10:00:00Z"));
        Template template = template(owner, LifecycleFixtures.echo(List.of(), "the cloud said no"), UpdateTemplateMeta.empty());
        Workspace workspace = workspace(member, template, null, null);
        assertThat(tickAt(Instant.parse("2027-03-01T10:00:00Z")).transitions()).doesNotContainKey(workspace.id());
    }

    @Test
    void unusedWorkspaceBecomesDormantIsStoppedAndLaterDeleted() {
        server.clock().set(Instant.parse("2027-04-05T10:00:00Z"));
        Duration dormancy = Duration.ofDays(7);
        Duration autodelete = Duration.ofDays(30);
        Template template = template(owner, UpdateTemplateMeta.empty()
                .withLifecycle(null, dormancy.toMillis(), autodelete.toMillis()));
        Workspace workspace = workspace(member, template, "CRON_TZ=UTC 0 9 * * *", null);
        Instant lastUsed = workspace.lastUsedAt();

        assertThat(tickAt(lastUsed.plus(dormancy).minusSeconds(60)).transitions()).doesNotContainKey(workspace.id());
        Instant dormantAt = lastUsed.plus(dormancy);
        assertThat(tickAt(dormantAt).transitions()).containsEntry(workspace.id(), BuildReason.DORMANCY);
        WorkspaceBuild stop = awaitLatest(member, workspace.id());
        assertThat(stop.transition()).isEqualTo(WorkspaceTransition.STOP);
        assertThat(stop.reason()).isEqualTo(BuildReason.DORMANCY);
        Workspace dormant = member.workspace(workspace.id());
        assertThat(dormant.dormantAt()).isEqualTo(dormantAt);
        assertThat(dormant.deletingAt()).isEqualTo(dormantAt.plus(autodelete));

        // Dormant: no autostart, even though its schedule is due every morning.
        assertThat(tickAt(dormantAt.plus(Duration.ofDays(1))).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(dormantAt.plus(autodelete).minusSeconds(60)).transitions()).doesNotContainKey(workspace.id());
        assertThat(tickAt(dormantAt.plus(autodelete)).transitions()).containsEntry(workspace.id(), BuildReason.AUTODELETE);
        WorkspaceBuild delete = awaitLatest(member, workspace.id());
        assertThat(delete.transition()).isEqualTo(WorkspaceTransition.DELETE);
        assertThat(delete.reason()).isEqualTo(BuildReason.AUTODELETE);
        assertThat(member.workspace(workspace.id(), true).latestBuild().status()).isEqualTo(WorkspaceStatus.DELETED);
    }

    @Test
    void stoppedWorkspaceIsOnlyMarkedDormant() {
        server.clock().set(Instant.parse("2027-05-03T10:00:00Z"));
        Template template = template(owner, UpdateTemplateMeta.empty().withLifecycle(null, Duration.ofDays(3).toMillis(), null));
        Workspace workspace = stop(member, workspace(member, template, null, null));
        Instant due = workspace.lastUsedAt().plus(Duration.ofDays(3));

        assertThat(tickAt(due).transitions()).containsEntry(workspace.id(), BuildReason.DORMANCY);
        Workspace dormant = member.workspace(workspace.id());
        assertThat(dormant.latestBuild().id()).isEqualTo(workspace.latestBuild().id());
        assertThat(dormant.dormantAt()).isEqualTo(due);
        assertThat(dormant.deletingAt()).isNull();
    }
}
