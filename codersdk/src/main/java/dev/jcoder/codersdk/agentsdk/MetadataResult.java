package dev.jcoder.codersdk.agentsdk;

import java.time.Instant;
import java.util.Objects;

/**
 * One collected metadata value: the item's {@code key}, when it was collected, its age in seconds
 * when sent, the script's output (trimmed) and an error (empty on success).
 */
public record MetadataResult(String key, Instant collectedAt, long age, String value, String error) {
    public MetadataResult {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(collectedAt, "collectedAt");
        value = value == null ? "" : value;
        error = error == null ? "" : error;
    }
}
