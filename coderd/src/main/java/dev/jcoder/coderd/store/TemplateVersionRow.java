package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code template_versions}; {@code templateId} is empty until the version is attached to a template. */
public record TemplateVersionRow(
        UUID id,
        Optional<UUID> templateId,
        UUID organizationId,
        Instant createdAt,
        Instant updatedAt,
        String name,
        String message,
        String readme,
        UUID jobId,
        UUID createdBy,
        boolean archived,
        String sourceExampleId) {}
