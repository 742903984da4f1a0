package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The state of a provisioner job, derived from its timestamps and error. */
public enum ProvisionerJobStatus {
    PENDING("pending"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    CANCELING("canceling"),
    CANCELED("canceled"),
    FAILED("failed"),
    UNKNOWN("unknown");

    private final String value;

    ProvisionerJobStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    @JsonCreator
    public static ProvisionerJobStatus fromValue(String value) {
        return Enums.fromValue(ProvisionerJobStatus.class, value, ProvisionerJobStatus::value);
    }
}
