package dev.jcoder.coderd.provisionerjobs;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of the job queue. Defaults are Coder's: a running job without a heartbeat for 5 minutes
 * or a job pending for 30 minutes is failed by the reaper.
 *
 * @param hungRunningAfter  a running job is hung when its last heartbeat is older than this
 * @param hungPendingAfter  a pending job is hung when it was created longer ago than this
 * @param reapInterval      how often the reaper looks (real time)
 * @param acquireFallbackPoll how long an idle daemon waits for a notification before looking anyway
 */
public record ProvisionerJobsConfig(Duration hungRunningAfter, Duration hungPendingAfter, Duration reapInterval,
        Duration acquireFallbackPoll) {
    public ProvisionerJobsConfig {
        Objects.requireNonNull(hungRunningAfter, "hungRunningAfter");
        Objects.requireNonNull(hungPendingAfter, "hungPendingAfter");
        Objects.requireNonNull(reapInterval, "reapInterval");
        Objects.requireNonNull(acquireFallbackPoll, "acquireFallbackPoll");
    }

    public static ProvisionerJobsConfig defaults() {
        return new ProvisionerJobsConfig(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }
}
