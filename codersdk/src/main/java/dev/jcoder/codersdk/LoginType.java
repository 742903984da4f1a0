package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a user or an API key authenticates. */
public enum LoginType {
    PASSWORD("password"),
    GITHUB("github"),
    OIDC("oidc"),
    TOKEN("token"),
    NONE("none");

    private final String value;

    LoginType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static LoginType fromValue(String value) {
        return Enums.fromValue(LoginType.class, value, LoginType::value);
    }
}
