package dev.jcoder.codersdk.provisionerd;

import java.util.Objects;
import java.util.UUID;

/** A job that succeeded, with its results. */
public record CompletedJob(UUID jobId, JobResult result) {
    public CompletedJob {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(result, "result");
    }
}
