package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where the dashboard opens a workspace app. */
public enum WorkspaceAppOpenIn {
    SLIM_WINDOW("slim-window"),
    TAB("tab");

    private final String value;

    WorkspaceAppOpenIn(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceAppOpenIn fromValue(String value) {
        return Enums.fromValue(WorkspaceAppOpenIn.class, value, WorkspaceAppOpenIn::value);
    }
}
