package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Why a workspace build was started: by a person ({@code initiator}, or from a named client), or by the server's lifecycle executor. */
public enum BuildReason {
    INITIATOR("initiator"),
    AUTOSTART("autostart"),
    AUTOSTOP("autostop"),
    DORMANCY("dormancy"),
    FAILEDSTOP("failedstop"),
    AUTODELETE("autodelete"),
    DASHBOARD("dashboard"),
    CLI("cli"),
    SSH_CONNECTION("ssh_connection"),
    VSCODE_CONNECTION("vscode_connection"),
    JETBRAINS_CONNECTION("jetbrains_connection");

    private final String value;

    BuildReason(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static BuildReason fromValue(String value) {
        return Enums.fromValue(BuildReason.class, value, BuildReason::value);
    }
}
