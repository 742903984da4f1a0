package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import java.time.Instant;
import java.util.UUID;

/** A row of {@code provisioner_job_logs}; {@code id} grows with every stored line. */
public record ProvisionerJobLogRow(long id, UUID jobId, Instant createdAt, LogSource source, LogLevel level, String stage,
        String output) {}
