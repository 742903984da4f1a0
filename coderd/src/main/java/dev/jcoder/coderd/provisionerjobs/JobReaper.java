package dev.jcoder.coderd.provisionerjobs;

import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.ProvisionerJobLogRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails jobs that are hung: running without a heartbeat, or pending with no daemon taking them,
 * for longer than the configured thresholds (read from the injected clock). Each reaped job gets a
 * log line that says why. {@link #start()} runs it periodically; {@link #close()} stops it.
 */
public final class JobReaper implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JobReaper.class);
    private static final String STAGE = "Cleaning Up";

    private final AuthorizingStore store;
    private final JobEvents events;
    private final InstantSource clock;
    private final ProvisionerJobsConfig config;
    private final ScheduledExecutorService executor;

    public JobReaper(AuthorizingStore store, JobEvents events, InstantSource clock, ProvisionerJobsConfig config) {
        // System actor "job reaper": fails hung jobs of every organization.
        this.store = Objects.requireNonNull(store, "store").as(Subject.system("job reaper"));
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.config = Objects.requireNonNull(config, "config");
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("job-reaper").factory());
    }

    public JobReaper start() {
        long interval = config.reapInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> {
            try {
                reapOnce();
            } catch (RuntimeException e) {
                log.error("reaping hung jobs failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Fails every job that is hung now; returns how many. */
    public int reapOnce() {
        Instant now = clock.instant();
        List<ProvisionerJobRow> hung = store.getHungProvisionerJobs(now.minus(config.hungRunningAfter()),
                now.minus(config.hungPendingAfter()));
        int reaped = 0;
        for (ProvisionerJobRow job : hung) {
            boolean running = job.startedAt().isPresent();
            String error = running
                    ? "Coder: the job was detected as hung (no heartbeat from its provisioner daemon for "
                            + minutes(config.hungRunningAfter()) + ") and has been terminated by the job reaper."
                    : "Coder: the job was pending for " + minutes(config.hungPendingAfter())
                            + " without a provisioner daemon taking it and has been terminated by the job reaper.";
            boolean ended = store.inTransaction(tx -> {
                ProvisionerJobRow current = tx.getProvisionerJobByID(job.id()).orElseThrow();
                if (current.isCompleted()) {
                    return false;
                }
                tx.insertProvisionerJobLogs(job.id(), List.of(
                        new ProvisionerJobLogRow(0, job.id(), now, LogSource.PROVISIONER_DAEMON, LogLevel.ERROR, STAGE, error)));
                return tx.updateProvisionerJobWithCompleteByID(job.id(), now, error, "");
            });
            if (ended) {
                reaped++;
                log.warn("reaped hung job {}: {}", job.id(), error);
                events.publishLogs(job.id());
                events.publishUpdated(job.id());
            }
        }
        return reaped;
    }

    private static String minutes(java.time.Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + (minutes == 1 ? " minute" : " minutes") : duration.toSeconds() + " seconds";
    }

    public boolean isRunning() {
        return !executor.isTerminated();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
