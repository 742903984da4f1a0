package dev.jcoder.coderd.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the next autostart of a stopped workspace is computed from: its schedule, when its latest
 * build was created, and the days its template allows autostart on.
 */
public record WorkspaceNextStartRow(UUID id, String autostartSchedule, Instant latestBuildCreatedAt,
        List<String> templateAutostartRequirementDays) {
    public WorkspaceNextStartRow {
        templateAutostartRequirementDays = List.copyOf(templateAutostartRequirementDays);
    }
}
