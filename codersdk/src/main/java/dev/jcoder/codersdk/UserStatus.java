package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user account's status. Suspended users cannot sign in; dormant ones are reactivated on use. */
public enum UserStatus {
    ACTIVE("active"),
    DORMANT("dormant"),
    SUSPENDED("suspended");

    private final String value;

    UserStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static UserStatus fromValue(String value) {
        return Enums.fromValue(UserStatus.class, value, UserStatus::value);
    }
}
