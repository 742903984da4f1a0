package dev.jcoder.codersdk;

import java.util.UUID;

/**
 * A script the agent runs ({@code coder_script}). {@code timeout} is a Go duration: integer
 * nanoseconds, as Coder sends it; zero means no timeout.
 */
public record WorkspaceAgentScript(
        UUID id,
        UUID logSourceId,
        String logPath,
        String script,
        String cron,
        boolean runOnStart,
        boolean runOnStop,
        boolean startBlocksLogin,
        long timeout,
        String displayName) {}
