package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/** An organization; a default one always exists. */
public record Organization(
        UUID id,
        String name,
        String displayName,
        String description,
        String icon,
        Instant createdAt,
        Instant updatedAt,
        boolean isDefault) {}
