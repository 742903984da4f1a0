package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code provisioner_job_timings}. */
public record ProvisionerJobTimingRow(UUID jobId, Instant startedAt, Instant endedAt, String stage, String source,
        String action, String resource) {}
