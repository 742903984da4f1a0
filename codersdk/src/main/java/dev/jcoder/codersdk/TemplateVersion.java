package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A version of a template's source and what its import found. {@code template_id} is null until attached. */
public record TemplateVersion(
        UUID id,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID templateId,
        UUID organizationId,
        Instant createdAt,
        Instant updatedAt,
        String name,
        String message,
        ProvisionerJob job,
        String readme,
        MinimalUser createdBy,
        boolean archived,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {
    public TemplateVersion {
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }
}
