package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an API key may do: everything its user may, or only connect to workspace applications. */
public enum ApiKeyScope {
    ALL("all"),
    APPLICATION_CONNECT("application_connect");

    private final String value;

    ApiKeyScope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ApiKeyScope fromValue(String value) {
        return Enums.fromValue(ApiKeyScope.class, value, ApiKeyScope::value);
    }
}
