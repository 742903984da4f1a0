package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.provisionerjobs.JobEvents;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceNextStartRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.workspaces.WorkspaceBuildBuilder;
import dev.jcoder.coderd.workspaces.WorkspaceEvents;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.UserStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lifecycle executor (Coder's {@code autobuild}): on every tick it selects, in SQL, the
 * workspaces that may need an automatic build now (read from the injected clock) and, for each,
 * decides with {@link LifecycleRules} under that workspace's build lock and queues the build through
 * the same {@link WorkspaceBuildBuilder} a user's request takes, with the reason {@code autostart},
 * {@code autostop}, {@code failedstop}, {@code dormancy} or {@code autodelete}.
 *
 * <p>One replica at a time: a tick runs only while it holds a transaction-scoped PostgreSQL advisory
 * lock; a replica that does not get it skips the tick. Independently of that, every decision is
 * made and carried out inside the workspace's build lock after re-reading its latest build, so no
 * workspace ever gets two builds. A workspace that cannot be built gets a failed build with the
 * reason in its job error and logs instead of being skipped silently.
 *
 * <p>{@link #start()} ticks every poll interval on a virtual thread; {@link #close()} stops it and
 * waits for a running tick. {@link #tick()} runs one tick now (tests, and the lead's end-to-end
 * checks with a short TTL through the injected clock).
 */
public final class LifecycleExecutor implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LifecycleExecutor.class);
    /** The tick lock's key: "lifecycle" in ASCII, so it does not collide with workspace or job locks by chance. */
    static final long TICK_LOCK = 0x6c6966656379636cL;
    /** Workspaces built at once within a tick; well below the connection pool's size. */
    private static final int CONCURRENCY = 8;

    private final AuthorizingStore store;
    private final WorkspaceBuildBuilder builder;
    private final WorkspaceEvents workspaceEvents;
    private final JobEvents jobEvents;
    private final InstantSource clock;
    private final Duration interval;
    private final ScheduledExecutorService scheduler;
    private final Timer tickTimer;
    private final Map<BuildReason, Counter> builds = new EnumMap<>(BuildReason.class);
    private final Counter failures;

    public LifecycleExecutor(AuthorizingStore store, WorkspaceBuildBuilder builder, WorkspaceEvents workspaceEvents,
            JobEvents jobEvents, InstantSource clock, Duration interval, MeterRegistry metrics) {
        // System actor "lifecycle executor": it reads every organization's workspaces and builds them
        // for their owners (autostart, autostop, failure cleanup, dormancy, auto-delete).
        this.store = Objects.requireNonNull(store, "store").as(Subject.system("lifecycle executor"));
        this.builder = Objects.requireNonNull(builder, "builder");
        this.workspaceEvents = Objects.requireNonNull(workspaceEvents, "workspaceEvents");
        this.jobEvents = Objects.requireNonNull(jobEvents, "jobEvents");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("The autobuild poll interval must be positive, not " + interval + ".");
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("lifecycle-executor").factory());
        this.tickTimer = Timer.builder("coderd_lifecycle_autobuild_execution_duration")
                .description("Duration of each lifecycle executor tick.").register(metrics);
        for (BuildReason reason : List.of(BuildReason.AUTOSTART, BuildReason.AUTOSTOP, BuildReason.FAILEDSTOP,
                BuildReason.DORMANCY, BuildReason.AUTODELETE)) {
            builds.put(reason, Counter.builder("coderd_lifecycle_autobuild_builds")
                    .description("Workspace builds queued by the lifecycle executor.").tag("reason", reason.value())
                    .register(metrics));
        }
        this.failures = Counter.builder("coderd_lifecycle_autobuild_failures")
                .description("Automatic builds the lifecycle executor could not queue (recorded as failed builds).")
                .register(metrics);
    }

    /** Ticks every poll interval until {@link #close()}. */
    public LifecycleExecutor start() {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick();
            } catch (RuntimeException e) {
                log.error("lifecycle executor tick failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    public Duration interval() {
        return interval;
    }

    /** What one tick did. {@code leader} is false when another replica held the tick lock. */
    public record TickResult(Instant now, boolean leader, int considered, Map<UUID, BuildReason> transitions,
            Map<UUID, String> errors, Duration duration) {
        public TickResult {
            transitions = Map.copyOf(transitions);
            errors = Map.copyOf(errors);
        }
    }

    /** One tick at the clock's current time. */
    public TickResult tick() {
        Instant now = clock.instant();
        long started = System.nanoTime();
        // The tick lock lives in its own transaction, held open for the tick; the work itself runs
        // in one short transaction per workspace, so one workspace's failure does not undo another's.
        TickResult result = store.inTransaction(lock -> {
            if (!lock.tryAcquireLock(TICK_LOCK)) {
                return new TickResult(now, false, 0, Map.of(), Map.of(), Duration.ZERO);
            }
            refreshNextStarts();
            List<UUID> eligible = store.getWorkspacesEligibleForTransition(now);
            Map<UUID, BuildReason> transitions = new java.util.concurrent.ConcurrentHashMap<>();
            Map<UUID, String> errors = new java.util.concurrent.ConcurrentHashMap<>();
            // Workspaces are independent (each under its own lock), so several are built at once:
            // a build is a dozen round trips to the database, mostly waiting.
            Semaphore slots = new Semaphore(CONCURRENCY);
            try (var workers = Executors.newThreadPerTaskExecutor(
                    Thread.ofVirtual().name("lifecycle-executor-workspace-", 0).factory())) {
                for (UUID workspaceId : eligible) {
                    slots.acquireUninterruptibly();
                    workers.submit(() -> {
                        try {
                            process(workspaceId, now).ifPresent(o -> {
                                transitions.put(workspaceId, o.reason());
                                o.error().ifPresent(error -> errors.put(workspaceId, error));
                            });
                        } catch (RuntimeException e) {
                            // One broken workspace must not stop the others; the next tick tries again.
                            log.error("lifecycle executor: workspace {} failed", workspaceId, e);
                            errors.put(workspaceId, e.toString());
                        } finally {
                            slots.release();
                        }
                    });
                }
            }
            return new TickResult(now, true, eligible.size(), transitions, errors,
                    Duration.ofNanos(System.nanoTime() - started));
        });
        if (result.leader()) {
            tickTimer.record(result.duration());
            if (result.considered() > 0) {
                log.info("lifecycle executor tick at {}: {} eligible, {} builds, {} failed, {} ms", now,
                        result.considered(), result.transitions().size(), result.errors().size(),
                        result.duration().toMillis());
            } else {
                log.debug("lifecycle executor tick at {}: nothing due, {} ms", now, result.duration().toMillis());
            }
        } else {
            log.debug("lifecycle executor tick at {} skipped: another replica holds the lock", now);
        }
        return result;
    }

    /**
     * Computes the next start of stopped workspaces that have none stored yet (new schedules,
     * workspaces just stopped, template day changes) in one batch, so that the eligibility query
     * only returns those whose autostart is due rather than every one not yet computed.
     */
    private void refreshNextStarts() {
        Map<UUID, Instant> computed = new java.util.HashMap<>();
        for (WorkspaceNextStartRow row : store.getWorkspacesWithUnknownNextStartAt()) {
            computed.put(row.id(), LifecycleRules.nextAllowedAutostart(Optional.of(row.autostartSchedule()),
                    row.templateAutostartRequirementDays(), row.latestBuildCreatedAt()).orElse(NEVER));
        }
        store.updateWorkspacesNextStartAt(computed);
    }

    /** A build the tick queued (or recorded as failed, with why). */
    private record Outcome(BuildReason reason, UUID organizationId, Optional<String> error) {}

    private Optional<Outcome> process(UUID workspaceId, Instant now) {
        Optional<Outcome> outcome = store.inAuthorizedTransaction(tx -> {
            // A user's build in progress holds this lock: leave the workspace to the next tick, which
            // will see that build (and so no second one).
            if (!tx.tryAcquireLock(WorkspaceBuildBuilder.lockKey(workspaceId))) {
                return Optional.<Outcome>empty();
            }
            Optional<WorkspaceRow> found = tx.getWorkspaceByID(workspaceId).filter(w -> !w.deleted());
            Optional<WorkspaceBuildRow> latest = tx.getLatestWorkspaceBuildByWorkspaceID(workspaceId);
            if (found.isEmpty() || latest.isEmpty()) {
                return Optional.<Outcome>empty();
            }
            WorkspaceRow workspace = found.get();
            ProvisionerJobRow job = tx.getProvisionerJobByID(latest.get().jobId()).orElseThrow();
            TemplateRow template = tx.getTemplateByID(workspace.templateId()).orElseThrow();
            UserStatus ownerStatus = tx.getUserByID(workspace.ownerId()).map(UserRow::status).orElse(UserStatus.SUSPENDED);
            LifecycleRules.Decision decision = LifecycleRules.next(workspace, template, ownerStatus, latest.get(), job, now);
            if (latest.get().transition() == WorkspaceTransition.STOP
                    && decision.reason().filter(r -> r == BuildReason.AUTOSTART).isEmpty()) {
                // Keep the stored next start (the SQL filter) up to date, so that this workspace
                // is not selected again before its autostart is due.
                tx.updateWorkspaceNextStartAt(workspaceId, Optional.of(LifecycleRules.nextAllowedAutostart(
                        workspace.autostartSchedule(), template, latest.get().createdAt()).orElse(NEVER)));
            }
            if (decision.markDormant()) {
                Optional<Instant> deletingAt = template.timeTilDormantAutodeleteMs() > 0
                        ? Optional.of(now.plusMillis(template.timeTilDormantAutodeleteMs())) : Optional.empty();
                tx.updateWorkspaceDormantDeletingAt(workspaceId, Optional.of(now), deletingAt, now);
                log.info("lifecycle executor: workspace {} ({}) is dormant, unused since {}", workspace.name(),
                        workspaceId, workspace.lastUsedAt());
            }
            if (decision.transition().isEmpty()) {
                return decision.markDormant()
                        ? Optional.of(new Outcome(BuildReason.DORMANCY, workspace.organizationId(), Optional.empty()))
                        : Optional.<Outcome>empty();
            }
            WorkspaceTransition transition = decision.transition().get();
            BuildReason reason = decision.reason().orElseThrow();
            WorkspaceBuildBuilder.Request request = new WorkspaceBuildBuilder.Request(transition,
                    version(workspace, template, transition), List.of(), false, Optional.empty(), "", Optional.empty(),
                    reason);
            // The owner is the initiator: the build acts for them, and its reason says it was automatic.
            try {
                builder.build(tx, workspace, workspace.ownerId(), request);
                log.info("lifecycle executor: {} workspace {} ({})", reason.value(), workspace.name(), workspaceId);
                return Optional.of(new Outcome(reason, workspace.organizationId(), Optional.empty()));
            } catch (ApiException e) {
                // The builder checks everything before it writes, so the transaction is intact.
                String error = FailedAutobuild.message(reason, e);
                FailedAutobuild.record(tx, workspace, template, latest.get(), request, error, now);
                log.warn("lifecycle executor: cannot {} workspace {} ({}): {}", transition.value(), workspace.name(),
                        workspaceId, error);
                return Optional.of(new Outcome(reason, workspace.organizationId(), Optional.of(error)));
            }
        });
        outcome.ifPresent(o -> {
            builds.get(o.reason()).increment();
            if (o.error().isPresent()) {
                failures.increment();
            } else {
                jobEvents.publishPosted(o.organizationId());
            }
            workspaceEvents.publish(workspaceId);
        });
        return outcome;
    }

    /** Stored when a schedule never fires (no allowed day): keeps the workspace out of the SQL filter. */
    static final Instant NEVER = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * Autostart takes the template's active version when the workspace updates automatically or the
     * template requires it (Coder's {@code useActiveVersion}); everything else keeps the previous one.
     */
    private static Optional<UUID> version(WorkspaceRow workspace, TemplateRow template, WorkspaceTransition transition) {
        if (transition == WorkspaceTransition.START
                && (workspace.automaticUpdates() == AutomaticUpdates.ALWAYS || template.requireActiveVersion())) {
            return Optional.of(template.activeVersionId());
        }
        return Optional.empty();
    }

    public boolean isRunning() {
        return !scheduler.isTerminated();
    }

    /** Stops ticking; a tick in progress finishes its current workspace (up to 10 seconds). */
    @Override
    public void close() {
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
