package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Legacy: whether the startup script blocks login. */
public enum StartupScriptBehavior {
    BLOCKING("blocking"),
    NON_BLOCKING("non-blocking");

    private final String value;

    StartupScriptBehavior(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static StartupScriptBehavior fromValue(String value) {
        return Enums.fromValue(StartupScriptBehavior.class, value, StartupScriptBehavior::value);
    }
}
