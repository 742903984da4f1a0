package dev.jcoder.coderd.store;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code q} filter of {@code GET /templates}: {@code name} matches a substring, {@code exactName}
 * the whole name (both case-insensitive); empty values do not filter.
 */
public record TemplatesFilter(Optional<UUID> organizationId, String exactName, String fuzzyName, boolean deleted,
        Optional<Boolean> deprecated, List<UUID> ids) {
    public TemplatesFilter {
        exactName = exactName == null ? "" : exactName;
        fuzzyName = fuzzyName == null ? "" : fuzzyName;
        ids = List.copyOf(ids);
    }

    public static TemplatesFilter inOrganization(UUID organizationId) {
        return new TemplatesFilter(Optional.of(organizationId), "", "", false, Optional.empty(), List.of());
    }
}
