package dev.jcoder.codersdk.provisionerd;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import java.time.Instant;
import java.util.Objects;

/** One log line produced while running a job. */
public record Log(LogSource source, LogLevel level, Instant createdAt, String stage, String output) {
    public Log {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(createdAt, "createdAt");
        stage = stage == null ? "" : stage;
        output = output == null ? "" : output;
    }
}
