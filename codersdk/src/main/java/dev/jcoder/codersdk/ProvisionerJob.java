package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A unit of work for a provisioner daemon: a template version import, a workspace build or a dry
 * run. The timestamps {@code started_at}, {@code completed_at} and {@code canceled_at} are
 * {@code null} (and omitted) until they happen; {@code worker_id} is {@code null} until a daemon
 * takes the job. {@code queue_position} is 1-based among pending jobs (0 once no longer pending),
 * {@code queue_size} the number of pending jobs.
 */
public record ProvisionerJob(
        UUID id,
        Instant createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant completedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant canceledAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String error,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String errorCode,
        ProvisionerJobStatus status,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID workerId,
        UUID fileId,
        Map<String, String> tags,
        int queuePosition,
        int queueSize,
        UUID organizationId,
        ProvisionerJobType type,
        ProvisionerJobInput input,
        ProvisionerJobMetadata metadata) {
    public ProvisionerJob {
        error = error == null ? "" : error;
        errorCode = errorCode == null ? "" : errorCode;
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /** True once the job can no longer change: succeeded, failed or canceled. */
    public boolean completed() {
        return status == ProvisionerJobStatus.SUCCEEDED || status == ProvisionerJobStatus.FAILED
                || status == ProvisionerJobStatus.CANCELED;
    }
}
