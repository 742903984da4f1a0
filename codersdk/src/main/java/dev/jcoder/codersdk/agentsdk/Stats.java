package dev.jcoder.codersdk.agentsdk;

import java.util.Map;

/**
 * {@code POST /workspaceagents/me/report-stats}: what happened since the previous report. Byte and
 * packet counts are deltas; connection and session counts are the ones open right now. Non-zero
 * session counts mean the workspace is in use.
 */
public record Stats(
        Map<String, Long> connectionsByProto,
        long connectionCount,
        double connectionMedianLatencyMs,
        long rxPackets,
        long rxBytes,
        long txPackets,
        long txBytes,
        long sessionCountVscode,
        long sessionCountJetbrains,
        long sessionCountReconnectingPty,
        long sessionCountSsh) {
    public Stats {
        connectionsByProto = connectionsByProto == null ? Map.of() : Map.copyOf(connectionsByProto);
    }

    /** True when any session is open: the server then counts the workspace as used. */
    public boolean hasSessions() {
        return sessionCountVscode + sessionCountJetbrains + sessionCountReconnectingPty + sessionCountSsh > 0;
    }
}
