package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A provisioner daemon that has registered with the server; {@code last_seen_at} is its last contact. */
public record ProvisionerDaemon(UUID id, UUID organizationId, Instant createdAt, Instant lastSeenAt, String name,
        String version, String apiVersion, List<ProvisionerType> provisioners, Map<String, String> tags) {
    public ProvisionerDaemon {
        provisioners = provisioners == null ? List.of() : List.copyOf(provisioners);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
