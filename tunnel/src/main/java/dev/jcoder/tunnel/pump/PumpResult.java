package dev.jcoder.tunnel.pump;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link BytePump} moved: bytes from the first duplex to the second and back, and the
 * first failure, if a direction failed (the pump then aborted both sides).
 */
public record PumpResult(long firstToSecond, long secondToFirst, Optional<IOException> failure) {
    public PumpResult {
        Objects.requireNonNull(failure, "failure");
    }

    /** Whether both directions ended with a clean end of input. */
    public boolean clean() {
        return failure.isEmpty();
    }
}
