package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which provisioner runs a job: Terraform, or {@code echo} (canned answers from the archive, for tests). */
public enum ProvisionerType {
    TERRAFORM("terraform"),
    ECHO("echo");

    private final String value;

    ProvisionerType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ProvisionerType fromValue(String value) {
        return Enums.fromValue(ProvisionerType.class, value, ProvisionerType::value);
    }
}
