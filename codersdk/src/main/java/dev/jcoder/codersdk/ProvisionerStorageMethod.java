package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a job's source comes from; Coder knows only uploaded files. */
public enum ProvisionerStorageMethod {
    FILE("file");

    private final String value;

    ProvisionerStorageMethod(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ProvisionerStorageMethod fromValue(String value) {
        return Enums.fromValue(ProvisionerStorageMethod.class, value, ProvisionerStorageMethod::value);
    }
}
