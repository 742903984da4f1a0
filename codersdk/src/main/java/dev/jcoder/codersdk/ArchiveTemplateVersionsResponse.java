package dev.jcoder.codersdk;

import java.util.List;
import java.util.UUID;

/** The versions that {@code POST /templates/{id}/versions/archive} archived. */
public record ArchiveTemplateVersionsResponse(UUID templateId, List<UUID> archivedIds) {
    public ArchiveTemplateVersionsResponse {
        archivedIds = archivedIds == null ? List.of() : List.copyOf(archivedIds);
    }
}
