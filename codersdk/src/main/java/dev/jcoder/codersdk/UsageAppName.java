package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The client a workspace usage report ({@code POST /workspaces/{id}/usage}) comes from. */
public enum UsageAppName {
    VSCODE("vscode"),
    JETBRAINS("jetbrains"),
    RECONNECTING_PTY("reconnecting-pty"),
    SSH("ssh");

    private final String value;

    UsageAppName(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static UsageAppName fromValue(String value) {
        return Enums.fromValue(UsageAppName.class, value, UsageAppName::value);
    }
}
