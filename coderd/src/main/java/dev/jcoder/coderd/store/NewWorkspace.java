package dev.jcoder.coderd.store;

import dev.jcoder.codersdk.AutomaticUpdates;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The parameters of {@code InsertWorkspace}. */
public record NewWorkspace(UUID id, Instant createdAt, UUID ownerId, UUID organizationId, UUID templateId, String name,
        Optional<String> autostartSchedule, Optional<Long> ttlMs, AutomaticUpdates automaticUpdates) {
    public NewWorkspace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(autostartSchedule, "autostartSchedule");
        Objects.requireNonNull(ttlMs, "ttlMs");
        Objects.requireNonNull(automaticUpdates, "automaticUpdates");
    }
}
