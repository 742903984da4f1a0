package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether autostart (and a start from the dashboard) moves the workspace to the template's active version. */
public enum AutomaticUpdates {
    ALWAYS("always"),
    NEVER("never");

    private final String value;

    AutomaticUpdates(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static AutomaticUpdates fromValue(String value) {
        return Enums.fromValue(AutomaticUpdates.class, value, AutomaticUpdates::value);
    }
}
