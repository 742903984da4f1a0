package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A built-in app the dashboard offers for an agent ({@code coder_agent.display_apps}). */
public enum DisplayApp {
    VSCODE("vscode"),
    VSCODE_INSIDERS("vscode_insiders"),
    WEB_TERMINAL("web_terminal"),
    PORT_FORWARDING_HELPER("port_forwarding_helper"),
    SSH_HELPER("ssh_helper");

    private final String value;

    DisplayApp(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static DisplayApp fromValue(String value) {
        return Enums.fromValue(DisplayApp.class, value, DisplayApp::value);
    }
}
