package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The health of a workspace app as its health check reports it. */
public enum WorkspaceAppHealth {
    DISABLED("disabled"),
    INITIALIZING("initializing"),
    HEALTHY("healthy"),
    UNHEALTHY("unhealthy");

    private final String value;

    WorkspaceAppHealth(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceAppHealth fromValue(String value) {
        return Enums.fromValue(WorkspaceAppHealth.class, value, WorkspaceAppHealth::value);
    }
}
