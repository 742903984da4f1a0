package dev.jcoder.provisionerd;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a daemon.
 *
 * @param workRoot          where per-job working directories are created (and removed after the job)
 * @param heartbeatInterval how often a running job reports in even without logs
 * @param acquireTimeout    how long one acquire call waits before it is renewed
 * @param logFlushDelay     how long log lines may wait to be sent together
 */
public record DaemonConfig(Path workRoot, Duration heartbeatInterval, Duration acquireTimeout, Duration logFlushDelay) {
    public DaemonConfig {
        Objects.requireNonNull(workRoot, "workRoot");
        Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        Objects.requireNonNull(acquireTimeout, "acquireTimeout");
        Objects.requireNonNull(logFlushDelay, "logFlushDelay");
    }

    public static DaemonConfig defaults(Path workRoot) {
        return new DaemonConfig(workRoot, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMillis(20));
    }
}
