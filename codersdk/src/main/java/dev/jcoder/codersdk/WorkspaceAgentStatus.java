package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An agent's connection state as the server derives it. */
public enum WorkspaceAgentStatus {
    CONNECTING("connecting"),
    CONNECTED("connected"),
    DISCONNECTED("disconnected"),
    TIMEOUT("timeout");

    private final String value;

    WorkspaceAgentStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceAgentStatus fromValue(String value) {
        return Enums.fromValue(WorkspaceAgentStatus.class, value, WorkspaceAgentStatus::value);
    }
}
