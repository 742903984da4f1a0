package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An agent's self-reported lifecycle state. */
public enum WorkspaceAgentLifecycle {
    CREATED("created"),
    STARTING("starting"),
    START_TIMEOUT("start_timeout"),
    START_ERROR("start_error"),
    READY("ready"),
    SHUTTING_DOWN("shutting_down"),
    SHUTDOWN_TIMEOUT("shutdown_timeout"),
    SHUTDOWN_ERROR("shutdown_error"),
    OFF("off");

    private final String value;

    WorkspaceAgentLifecycle(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceAgentLifecycle fromValue(String value) {
        return Enums.fromValue(WorkspaceAgentLifecycle.class, value, WorkspaceAgentLifecycle::value);
    }
}
