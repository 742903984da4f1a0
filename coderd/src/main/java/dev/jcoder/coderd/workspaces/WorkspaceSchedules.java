package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.codersdk.ValidationError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Validation of a workspace's stored schedule settings, as Coder's {@code validWorkspaceSchedule}
 * and {@code validWorkspaceTTLMillis}: an autostart cron that parses as a weekly schedule, and a
 * TTL truncated to whole minutes of at least one minute.
 */
final class WorkspaceSchedules {
    static final Duration TTL_MINIMUM = Duration.ofMinutes(1);

    private WorkspaceSchedules() {}

    /** Empty for no autostart; 400 on {@code field} when the schedule does not parse. */
    static Optional<String> autostart(String schedule, String message, String field) {
        try {
            return AutostartSchedule.parseOptional(schedule).map(AutostartSchedule::spec);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed(message, "", List.of(new ValidationError(field, e.getMessage())));
        }
    }

    /**
     * The TTL to store, in whole minutes: none when neither the request nor the template default
     * gives one; the template default when the request gives none; else the request's, at least a
     * minute. The message is Coder's sentence for the endpoint.
     */
    static Optional<Long> ttl(Long requestedMs, long templateDefaultMs, String message) {
        if (templateDefaultMs == 0 && (requestedMs == null || requestedMs == 0)) {
            return Optional.empty();
        }
        if (requestedMs == null) {
            return Optional.of(templateDefaultMs);
        }
        long truncated = Duration.ofMillis(requestedMs).truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toMillis();
        if (truncated < TTL_MINIMUM.toMillis()) {
            throw new ValidationFailed(message, "",
                    List.of(new ValidationError("ttl_ms", "time until shutdown must be at least one minute")));
        }
        return Optional.of(truncated);
    }
}
