package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.workspaces.AutostartSchedule;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.UserStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the lifecycle executor does with one workspace at one tick, as Coder's autobuild
 * {@code getNextTransition}. Checked in this order, the first that applies wins:
 * <ol>
 * <li>autostop: the latest build is a successful start and its deadline has come;</li>
 * <li>autostart: the latest build is a stop that did not fail, the owner is active, the workspace is
 * not dormant, the template allows user autostart, and the schedule's first allowed time after the
 * latest build was created has come;</li>
 * <li>failedstop: the latest build is a failed start and the template's failure TTL has passed
 * since it ended;</li>
 * <li>dormancy: the template has a dormancy threshold and the workspace was last used at least that
 * long ago: it is marked dormant, and stopped if it runs;</li>
 * <li>autodelete: the workspace is dormant and its {@code deleting_at} has come (a failed delete is
 * retried after 24 hours).</li>
 * </ol>
 * Pure: the caller loads the rows (inside the workspace's lock) and carries the decision out.
 */
public final class LifecycleRules {
    /** Coder waits a day before retrying an automatic delete that failed. */
    static final Duration FAILED_DELETE_RETRY = Duration.ofHours(24);

    private LifecycleRules() {}

    /** The outcome for one workspace: a build to start (if any), why, and whether it falls dormant. */
    public record Decision(Optional<WorkspaceTransition> transition, Optional<BuildReason> reason, boolean markDormant) {
        public Decision {
            Objects.requireNonNull(transition, "transition");
            Objects.requireNonNull(reason, "reason");
        }

        static final Decision NONE = new Decision(Optional.empty(), Optional.empty(), false);

        static Decision build(WorkspaceTransition transition, BuildReason reason) {
            return new Decision(Optional.of(transition), Optional.of(reason), false);
        }

        public boolean isNone() {
            return transition.isEmpty() && !markDormant;
        }
    }

    public static Decision next(WorkspaceRow workspace, TemplateRow template, UserStatus ownerStatus,
            WorkspaceBuildRow latest, ProvisionerJobRow job, Instant now) {
        if (workspace.deleted() || !job.isCompleted()) {
            // A build is pending or running: never a second one.
            return Decision.NONE;
        }
        if (autostopDue(workspace, latest, job, now)) {
            return Decision.build(WorkspaceTransition.STOP, BuildReason.AUTOSTOP);
        }
        if (nextAutostart(workspace, template, ownerStatus, latest, job).filter(at -> !now.isBefore(at)).isPresent()) {
            return Decision.build(WorkspaceTransition.START, BuildReason.AUTOSTART);
        }
        if (failedStopDue(template, latest, job, now)) {
            return Decision.build(WorkspaceTransition.STOP, BuildReason.FAILEDSTOP);
        }
        if (dormancyDue(workspace, template, now)) {
            // Only a started workspace needs stopping; a stopped one is only marked.
            return new Decision(latest.transition() == WorkspaceTransition.START
                    ? Optional.of(WorkspaceTransition.STOP) : Optional.empty(), Optional.of(BuildReason.DORMANCY), true);
        }
        if (deleteDue(workspace, template, latest, job, now)) {
            return Decision.build(WorkspaceTransition.DELETE, BuildReason.AUTODELETE);
        }
        return Decision.NONE;
    }

    static boolean autostopDue(WorkspaceRow workspace, WorkspaceBuildRow latest, ProvisionerJobRow job, Instant now) {
        return latest.transition() == WorkspaceTransition.START && job.jobStatus() == ProvisionerJobStatus.SUCCEEDED
                && workspace.dormantAt().isEmpty()
                && latest.deadline().filter(deadline -> !now.isBefore(deadline)).isPresent();
    }

    /**
     * When a stopped workspace starts by itself: the schedule's first time after the latest build
     * was created that falls on a day the template allows; empty when it never will (not stopped,
     * failed, dormant, owner not active, no schedule, template forbids autostart).
     */
    public static Optional<Instant> nextAutostart(WorkspaceRow workspace, TemplateRow template, UserStatus ownerStatus,
            WorkspaceBuildRow latest, ProvisionerJobRow job) {
        if (ownerStatus != UserStatus.ACTIVE || job.jobStatus() == ProvisionerJobStatus.FAILED
                || workspace.dormantAt().isPresent() || latest.transition() != WorkspaceTransition.STOP
                || !template.allowUserAutostart()) {
            return Optional.empty();
        }
        return nextAllowedAutostart(workspace.autostartSchedule(), template, latest.createdAt());
    }

    /** The schedule's first time strictly after {@code after} on a day the template allows. */
    public static Optional<Instant> nextAllowedAutostart(Optional<String> schedule, TemplateRow template, Instant after) {
        return nextAllowedAutostart(schedule, template.autostartRequirementDays(), after);
    }

    /** The schedule's first time strictly after {@code after} on one of {@code allowedDays} ({@code monday}...). */
    public static Optional<Instant> nextAllowedAutostart(Optional<String> schedule, List<String> allowedDays,
            Instant after) {
        try {
            return schedule.flatMap(AutostartSchedule::parseOptional)
                    .flatMap(parsed -> parsed.nextAllowed(after, allowedDays));
        } catch (IllegalArgumentException e) {
            // A schedule stored before a stricter parser: it never fires, as in Coder.
            return Optional.empty();
        }
    }

    static boolean failedStopDue(TemplateRow template, WorkspaceBuildRow latest, ProvisionerJobRow job, Instant now) {
        return template.failureTtlMs() > 0 && latest.transition() == WorkspaceTransition.START
                && job.jobStatus() == ProvisionerJobStatus.FAILED && job.completedAt()
                        .filter(ended -> !now.isBefore(ended.plusMillis(template.failureTtlMs()))).isPresent();
    }

    static boolean dormancyDue(WorkspaceRow workspace, TemplateRow template, Instant now) {
        return template.timeTilDormantMs() > 0 && workspace.dormantAt().isEmpty()
                && !now.isBefore(workspace.lastUsedAt().plusMillis(template.timeTilDormantMs()));
    }

    static boolean deleteDue(WorkspaceRow workspace, TemplateRow template, WorkspaceBuildRow latest,
            ProvisionerJobRow job, Instant now) {
        boolean due = template.timeTilDormantAutodeleteMs() > 0 && workspace.dormantAt().isPresent()
                && workspace.deletingAt().filter(at -> !now.isBefore(at)).isPresent();
        if (due && latest.transition() == WorkspaceTransition.DELETE && job.jobStatus() == ProvisionerJobStatus.FAILED) {
            return job.completedAt().filter(ended -> !now.isBefore(ended.plus(FAILED_DELETE_RETRY))).isPresent();
        }
        return due;
    }

    /**
     * The deadline a start build gets when it succeeds at {@code now}, as Coder's
     * {@code CalculateAutostop}: the workspace's TTL, or the template's default when the template
     * does not let users choose; none when that is zero (manual shutdown).
     */
    public static Optional<Instant> autostopDeadline(WorkspaceRow workspace, Instant now) {
        long ttl = workspace.templateAllowUserAutostop() ? workspace.ttlMs().orElse(0L) : workspace.templateDefaultTtlMs();
        return ttl > 0 ? Optional.of(now.plusMillis(ttl)) : Optional.empty();
    }
}
