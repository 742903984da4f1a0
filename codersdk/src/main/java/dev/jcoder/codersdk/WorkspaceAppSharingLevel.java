package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who may open a workspace app. */
public enum WorkspaceAppSharingLevel {
    OWNER("owner"),
    AUTHENTICATED("authenticated"),
    PUBLIC("public"),
    ORGANIZATION("organization");

    private final String value;

    WorkspaceAppSharingLevel(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static WorkspaceAppSharingLevel fromValue(String value) {
        return Enums.fromValue(WorkspaceAppSharingLevel.class, value, WorkspaceAppSharingLevel::value);
    }
}
