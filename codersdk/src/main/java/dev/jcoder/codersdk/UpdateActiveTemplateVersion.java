package dev.jcoder.codersdk;

import java.util.UUID;

/** {@code PATCH /templates/{id}/versions}: the version to make active. */
public record UpdateActiveTemplateVersion(UUID id) {}
