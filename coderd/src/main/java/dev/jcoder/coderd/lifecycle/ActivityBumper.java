package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.workspaces.WorkspaceEvents;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Someone is using a workspace: records it ({@code last_used_at}, which the dormancy threshold
 * counts from) and bumps the running build's deadline as Coder's {@code ActivityBumpWorkspace}
 * (see {@link dev.jcoder.coderd.store.Store#activityBumpWorkspace}), with the next autostart
 * computed here from the workspace's schedule and the template's allowed days.
 *
 * <p>The one entry point for every kind of activity: agent stats that report sessions, {@code POST
 * /workspaces/{id}/usage}, and connections through coderd (SSH, web terminal, port forwarding,
 * apps). Callers have already authorized the activity; the writes are done as the named system
 * actor "activity bump", since a workspace's sessions may belong to someone who may not change it.
 */
public final class ActivityBumper {
    private static final Logger log = LoggerFactory.getLogger(ActivityBumper.class);

    private final AuthorizingStore store;
    private final WorkspaceEvents workspaceEvents;
    private final InstantSource clock;

    public ActivityBumper(AuthorizingStore store, WorkspaceEvents workspaceEvents, InstantSource clock) {
        this.store = Objects.requireNonNull(store, "store").as(Subject.system("activity bump"));
        this.workspaceEvents = Objects.requireNonNull(workspaceEvents, "workspaceEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records use of the workspace now; true when its deadline moved. */
    public boolean bump(UUID workspaceId) {
        Instant now = clock.instant();
        Optional<WorkspaceRow> workspace = store.getWorkspaceByID(workspaceId).filter(w -> !w.deleted());
        if (workspace.isEmpty()) {
            return false;
        }
        Optional<TemplateRow> template = store.getTemplateByID(workspace.get().templateId());
        Optional<Instant> nextAutostart = template.filter(TemplateRow::allowUserAutostart)
                .flatMap(t -> LifecycleRules.nextAllowedAutostart(workspace.get().autostartSchedule(), t, now));
        boolean bumped = store.inTransaction(tx -> {
            if (workspace.get().lastUsedAt().isBefore(now)) {
                tx.updateWorkspaceLastUsedAt(workspaceId, now);
            }
            return tx.activityBumpWorkspace(workspaceId, nextAutostart, now);
        });
        if (bumped) {
            log.debug("activity bumped the deadline of workspace {}", workspaceId);
            workspaceEvents.publish(workspaceId);
        }
        return bumped;
    }
}
