package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code organizations}. */
public record OrganizationRow(
        UUID id,
        String name,
        String displayName,
        String description,
        String icon,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {}
