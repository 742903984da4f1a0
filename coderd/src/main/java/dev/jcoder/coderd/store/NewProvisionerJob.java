package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.ProvisionerType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The parameters of {@code InsertProvisionerJob}; {@code input} and {@code tags} are JSON text. */
public record NewProvisionerJob(UUID id, Instant createdAt, UUID organizationId, UUID initiatorId,
        ProvisionerType provisioner, ProvisionerJobType type, String input, UUID fileId, String tags) {
    public NewProvisionerJob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(initiatorId, "initiatorId");
        Objects.requireNonNull(provisioner, "provisioner");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(fileId, "fileId");
        Objects.requireNonNull(tags, "tags");
    }
}
