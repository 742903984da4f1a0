package dev.jcoder.coderd.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A log line an agent sent, before it is stored. */
public record NewWorkspaceAgentLog(Instant createdAt, String output, String level) {
    /** The bytes the line counts against the agent's log limit. */
    public int size() {
        return output.getBytes(StandardCharsets.UTF_8).length;
    }
}
