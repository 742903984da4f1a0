package dev.jcoder.codersdk;

import java.time.Instant;

/**
 * The last result of a metadata item: when it was collected, how old it was (seconds) when the
 * agent reported it, the script's output and its error (empty when it succeeded). Before the first
 * collection {@code collectedAt} is the zero time (year 1) as in Coder.
 */
public record WorkspaceAgentMetadataResult(Instant collectedAt, long age, String value, String error) {
    /** Coder's zero time, {@code 0001-01-01T00:00:00Z}, for "never collected". */
    public static final Instant NEVER = Instant.parse("0001-01-01T00:00:00Z");

    public WorkspaceAgentMetadataResult {
        collectedAt = collectedAt == null ? NEVER : collectedAt;
        value = value == null ? "" : value;
        error = error == null ? "" : error;
    }
}
