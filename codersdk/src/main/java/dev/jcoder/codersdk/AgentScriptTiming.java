package dev.jcoder.codersdk;

import java.time.Instant;

/**
 * How long one agent script ran: {@code stage} start, stop or cron; {@code status} ok, exit_failure,
 * timed_out or pipes_left_open. {@code workspace_agent_id} is a string in Coder's JSON.
 */
public record AgentScriptTiming(Instant startedAt, Instant endedAt, int exitCode, TimingStage stage, String status,
        String displayName, String workspaceAgentId, String workspaceAgentName) {}
