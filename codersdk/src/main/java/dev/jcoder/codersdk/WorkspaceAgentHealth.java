package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whether an agent is healthy and, when not, why (Coder's sentences, e.g. "agent has lost connection"). */
public record WorkspaceAgentHealth(boolean healthy, @JsonInclude(JsonInclude.Include.NON_EMPTY) String reason) {
    public WorkspaceAgentHealth {
        reason = reason == null ? "" : reason;
    }

    public static WorkspaceAgentHealth ok() {
        return new WorkspaceAgentHealth(true, "");
    }

    public static WorkspaceAgentHealth failing(String reason) {
        return new WorkspaceAgentHealth(false, reason);
    }
}
