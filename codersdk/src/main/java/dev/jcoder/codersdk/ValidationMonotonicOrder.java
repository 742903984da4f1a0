package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a number parameter may only grow or only shrink between builds. */
public enum ValidationMonotonicOrder {
    INCREASING("increasing"),
    DECREASING("decreasing");

    private final String value;

    ValidationMonotonicOrder(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ValidationMonotonicOrder fromValue(String value) {
        return Enums.fromValue(ValidationMonotonicOrder.class, value, ValidationMonotonicOrder::value);
    }
}
