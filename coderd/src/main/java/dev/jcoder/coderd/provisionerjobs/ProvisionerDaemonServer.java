package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.ProvisionerDaemonRow;
import dev.jcoder.coderd.store.ProvisionerJobLogRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.CompletedJob;
import dev.jcoder.codersdk.provisionerd.DaemonRegistration;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.Log;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import dev.jcoder.codersdk.provisionerd.UpdateJobResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of the daemon protocol. {@link #connect} gives an in-process daemon its
 * {@link ProvisionerDaemonClient}; a network transport for external daemons will call the same
 * methods. Job types plug in through {@link #register}.
 */
public final class ProvisionerDaemonServer {
    private static final Logger log = LoggerFactory.getLogger(ProvisionerDaemonServer.class);

    private final AuthorizingStore store;
    private final JobEvents events;
    private final InstantSource clock;
    private final ProvisionerJobsConfig config;
    private final Map<ProvisionerJobType, JobTypeHandler> handlers = new EnumMap<>(ProvisionerJobType.class);

    public ProvisionerDaemonServer(AuthorizingStore store, JobEvents events, InstantSource clock, ProvisionerJobsConfig config) {
        // System actor "provisioner daemon": acquires, updates and ends jobs on behalf of daemons.
        this.store = Objects.requireNonNull(store, "store").as(Subject.system("provisioner daemon"));
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Adds what the server does for jobs of {@code type}; call while wiring, before daemons connect. */
    public synchronized void register(ProvisionerJobType type, JobTypeHandler handler) {
        handlers.put(type, Objects.requireNonNull(handler, "handler"));
    }

    private synchronized JobTypeHandler handler(ProvisionerJobType type) {
        JobTypeHandler handler = handlers.get(type);
        if (handler == null) {
            throw new IllegalStateException("No handler for " + type.value() + " jobs is registered.");
        }
        return handler;
    }

    /** Registers a daemon of the default organization (the built-in daemons of {@code coder server}). */
    public ProvisionerDaemonClient connectToDefaultOrganization(DaemonRegistration registration, String version) {
        UUID organization = store.getDefaultOrganization()
                .orElseThrow(() -> new IllegalStateException("The deployment has no default organization.")).id();
        return connect(organization, registration, version);
    }

    /** Registers a daemon of {@code organizationId} and returns its connection. */
    public ProvisionerDaemonClient connect(UUID organizationId, DaemonRegistration registration, String version) {
        Instant now = clock.instant();
        Map<String, String> tags = ProvisionerTags.mutate(Optional.empty(), registration.tags());
        ProvisionerDaemonRow row = store.upsertProvisionerDaemon(new ProvisionerDaemonRow(UUID.randomUUID(), organizationId,
                now, now, registration.name(), version, "1.4",
                registration.provisioners().stream().map(ProvisionerType::value).toList(), ProvisionerTags.toJson(tags)));
        return new InProcessClient(row, ProvisionerTags.toJson(tags));
    }

    private final class InProcessClient implements ProvisionerDaemonClient {
        private final ProvisionerDaemonRow daemon;
        private final String tagsJson;
        private final AtomicBoolean closed = new AtomicBoolean();

        InProcessClient(ProvisionerDaemonRow daemon, String tagsJson) {
            this.daemon = daemon;
            this.tagsJson = tagsJson;
        }

        @Override
        public Optional<AcquiredJob> acquireJob(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!closed.get()) {
                long generation = events.postedGeneration();
                Optional<ProvisionerJobRow> job = store.acquireProvisionerJob(daemon.id(), daemon.organizationId(),
                        daemon.provisioners(), tagsJson, clock.instant());
                if (job.isPresent()) {
                    Optional<AcquiredJob> acquired = toAcquired(job.get());
                    if (acquired.isPresent()) {
                        store.updateProvisionerDaemonLastSeenAt(daemon.id(), clock.instant());
                        events.publishUpdated(job.get().id()); // it is running now: watchers of its workspace re-read
                        return acquired;
                    }
                    continue;
                }
                long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (remainingMillis <= 0) {
                    return Optional.empty();
                }
                events.awaitPosted(generation, Math.min(remainingMillis, config.acquireFallbackPoll().toMillis()));
            }
            return Optional.empty();
        }

        /** The job as the daemon receives it; a job that cannot be prepared fails at once. */
        private Optional<AcquiredJob> toAcquired(ProvisionerJobRow job) {
            try {
                byte[] archive = store.getFileByID(job.fileId()).orElseThrow(
                        () -> new IllegalStateException("The job's source file " + job.fileId() + " does not exist.")).data();
                String userName = store.getUserByID(job.initiatorId()).map(user -> user.username()).orElse("");
                JobPayload payload = handler(job.type()).payload(store, job);
                return Optional.of(new AcquiredJob(job.id(), job.createdAt(), job.provisioner(), userName, archive, payload));
            } catch (RuntimeException e) {
                log.warn("job {} cannot be started: {}", job.id(), e.getMessage());
                end(job.id(), Optional.of(e.getMessage() == null ? e.toString() : e.getMessage()), "", null, null);
                return Optional.empty();
            }
        }

        private ProvisionerJobRow owned(UUID jobId) {
            ProvisionerJobRow job = store.getProvisionerJobByID(jobId)
                    .orElseThrow(() -> new IllegalStateException("Job " + jobId + " does not exist."));
            if (!job.workerId().equals(Optional.of(daemon.id()))) {
                throw new IllegalStateException("Job " + jobId + " is not assigned to daemon " + daemon.name() + ".");
            }
            if (job.isCompleted()) {
                throw new IllegalStateException("Job " + jobId + " has already ended (" + job.jobStatus().value() + ").");
            }
            return job;
        }

        @Override
        public UpdateJobResponse updateJob(UpdateJobRequest request) {
            Instant now = clock.instant();
            ProvisionerJobRow job = owned(request.jobId());
            store.updateProvisionerJobByID(job.id(), daemon.id(), now);
            if (!request.logs().isEmpty()) {
                store.insertProvisionerJobLogs(job.id(), request.logs().stream()
                        .map(line -> new ProvisionerJobLogRow(0, job.id(), line.createdAt(), line.source(), line.level(),
                                line.stage(), line.output()))
                        .toList());
                events.publishLogs(job.id());
            }
            List<VariableValue> values = handler(job.type()).updated(store, job, request, now);
            return new UpdateJobResponse(job.canceledAt().isPresent(), values);
        }

        @Override
        public void completeJob(CompletedJob completed) {
            ProvisionerJobRow job = owned(completed.jobId());
            try {
                end(job.id(), Optional.empty(), "", completed, null);
            } catch (RuntimeException e) {
                // The results could not be stored (the transaction rolled back): the job must end
                // failed, not stay running until the reaper notices it.
                log.error("storing the results of job {} failed", job.id(), e);
                end(job.id(), Optional.of("The server could not store the job's results: " + e.getMessage()), "",
                        null, null);
            }
        }

        @Override
        public void failJob(FailedJob failed) {
            ProvisionerJobRow job = owned(failed.jobId());
            end(job.id(), Optional.of(failed.error()), failed.errorCode(), null, failed);
        }

        @Override
        public Watch watchCancel(UUID jobId, Runnable onCancel) {
            AtomicBoolean fired = new AtomicBoolean();
            Runnable check = () -> Thread.ofVirtual().start(() -> {
                if (!fired.get() && store.getProvisionerJobByID(jobId).map(j -> j.canceledAt().isPresent()).orElse(false)
                        && fired.compareAndSet(false, true)) {
                    onCancel.run();
                }
            });
            var subscription = events.onJob(jobId, check);
            check.run();
            return subscription::close;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                events.wakeAll();
            }
        }
    }

    /**
     * Ends a job: success when {@code error} is empty, failure otherwise; a canceled job ends
     * canceled either way. Type-specific results are stored in the same transaction.
     */
    void end(UUID jobId, Optional<String> error, String errorCode, CompletedJob completed, FailedJob failed) {
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            ProvisionerJobRow job = tx.getProvisionerJobByID(jobId).orElseThrow();
            if (job.isCompleted()) {
                return null;
            }
            boolean canceled = job.canceledAt().isPresent();
            if (completed != null && !canceled) {
                handler(job.type()).completed(tx, job, completed.result(), now);
            }
            if (failed != null) {
                handler(job.type()).failed(tx, job, failed, now);
            }
            String message = error.orElse(canceled && completed == null ? "canceled" : "");
            if (canceled && message.isEmpty()) {
                message = "canceled";
            }
            tx.updateProvisionerJobWithCompleteByID(jobId, now, message, errorCode);
            return null;
        });
        events.publishUpdated(jobId);
    }

    /** Appends a log line from the server itself (source {@code provisioner_daemon}). */
    void appendServerLog(UUID jobId, LogLevel level, String stage, String output) {
        Log line = new Log(LogSource.PROVISIONER_DAEMON, level, clock.instant(), stage, output);
        store.insertProvisionerJobLogs(jobId, List.of(new ProvisionerJobLogRow(0, jobId, line.createdAt(), line.source(),
                line.level(), line.stage(), line.output())));
        events.publishLogs(jobId);
    }
}
