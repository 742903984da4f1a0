package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code template_version_presets}; {@code parameters} is a JSON object of name to value. */
public record TemplateVersionPresetRow(UUID id, UUID templateVersionId, String name, Instant createdAt, boolean isDefault,
        String parameters) {}
