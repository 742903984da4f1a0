package dev.jcoder.codersdk;

import java.time.Instant;
import java.util.UUID;

/** One stored line of an agent's logs; ids increase per agent in the order the lines were stored. */
public record WorkspaceAgentLog(long id, Instant createdAt, String output, LogLevel level, UUID sourceId) {
    public WorkspaceAgentLog {
        output = output == null ? "" : output;
        level = level == null ? LogLevel.INFO : level;
    }
}
