package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.ProvisionerStorageMethod;
import dev.jcoder.codersdk.ProvisionerType;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A row of {@code provisioner_jobs} with its place in the queue ({@code queuePosition} 1-based
 * among pending jobs of its organization, 0 when not pending). {@code input} and {@code tags} are
 * JSON text. {@code updatedAt} doubles as the last heartbeat of a running job.
 */
public record ProvisionerJobRow(
        UUID id,
        Instant createdAt,
        Instant updatedAt,
        Optional<Instant> startedAt,
        Optional<Instant> canceledAt,
        Optional<Instant> completedAt,
        String error,
        String errorCode,
        UUID organizationId,
        UUID initiatorId,
        ProvisionerType provisioner,
        ProvisionerStorageMethod storageMethod,
        ProvisionerJobType type,
        String input,
        Optional<UUID> workerId,
        UUID fileId,
        String tags,
        ProvisionerJobStatus jobStatus,
        int queuePosition,
        int queueSize) {

    public boolean isCompleted() {
        return completedAt.isPresent();
    }
}
