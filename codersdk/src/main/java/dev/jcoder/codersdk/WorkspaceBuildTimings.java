package dev.jcoder.codersdk;

import java.util.List;

/** The timings of a build: Terraform steps, agent scripts and agent connections. */
public record WorkspaceBuildTimings(List<ProvisionerTiming> provisionerTimings,
        List<AgentScriptTiming> agentScriptTimings, List<AgentConnectionTiming> agentConnectionTimings) {
    public WorkspaceBuildTimings {
        provisionerTimings = provisionerTimings == null ? List.of() : List.copyOf(provisionerTimings);
        agentScriptTimings = agentScriptTimings == null ? List.of() : List.copyOf(agentScriptTimings);
        agentConnectionTimings = agentConnectionTimings == null ? List.of() : List.copyOf(agentConnectionTimings);
    }
}
