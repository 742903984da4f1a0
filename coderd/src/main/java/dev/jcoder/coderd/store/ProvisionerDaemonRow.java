package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of {@code provisioner_daemons}; {@code tags} is JSON text. */
public record ProvisionerDaemonRow(UUID id, UUID organizationId, Instant createdAt, Instant lastSeenAt, String name,
        String version, String apiVersion, List<String> provisioners, String tags) {
    public ProvisionerDaemonRow {
        provisioners = List.copyOf(provisioners);
    }
}
