package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.LogLevel;
import java.time.Instant;
import java.util.Objects;

/** One line of output the agent sends (without its trailing newline). */
public record Log(Instant createdAt, String output, LogLevel level) {
    public Log {
        Objects.requireNonNull(createdAt, "createdAt");
        output = output == null ? "" : output;
        level = level == null ? LogLevel.INFO : level;
    }

    /** The bytes this line counts against the agent's log limit (its UTF-8 output). */
    public int size() {
        return output.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
}
