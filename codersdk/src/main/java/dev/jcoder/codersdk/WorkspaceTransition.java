package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a workspace build does to the workspace. */
public enum WorkspaceTransition {
    START("start"),
    STOP("stop"),
    DELETE("delete");

    private final String value;

    WorkspaceTransition(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceTransition fromValue(String value) {
        return Enums.fromValue(WorkspaceTransition.class, value, WorkspaceTransition::value);
    }
}
