package dev.jcoder.coderd.store;

import java.util.UUID;

/** A row of {@code template_version_variables}. */
public record TemplateVersionVariableRow(UUID templateVersionId, String name, String description, String type,
        String value, String defaultValue, boolean required, boolean sensitive, int displayOrder) {}
