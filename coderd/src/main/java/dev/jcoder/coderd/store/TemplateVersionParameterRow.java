package dev.jcoder.coderd.store;

import java.util.Optional;
import java.util.UUID;

/** A row of {@code template_version_parameters}; {@code options} is JSON text, {@code validationMonotonic} "" when unset. */
public record TemplateVersionParameterRow(
        UUID templateVersionId,
        String name,
        String displayName,
        String description,
        String type,
        boolean mutable,
        String defaultValue,
        String icon,
        String options,
        String validationRegex,
        String validationError,
        Optional<Integer> validationMin,
        Optional<Integer> validationMax,
        String validationMonotonic,
        boolean required,
        boolean ephemeral,
        int displayOrder) {}
