package dev.jcoder.codersdk;

import java.time.Instant;

/** One line of a job's log; {@code id} increases with every line stored (across jobs). */
public record ProvisionerJobLog(long id, Instant createdAt, LogSource logSource, LogLevel logLevel, String stage,
        String output) {}
