package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A workspace's state, derived from its latest build's job status and transition (see {@link #of}). */
public enum WorkspaceStatus {
    PENDING("pending"),
    STARTING("starting"),
    RUNNING("running"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    FAILED("failed"),
    CANCELING("canceling"),
    CANCELED("canceled"),
    DELETING("deleting"),
    DELETED("deleted");

    private final String value;

    WorkspaceStatus(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    /**
     * Coder's table: a pending, canceling, canceled or failed job gives that status whatever the
     * transition; a running job gives starting, stopping or deleting; a succeeded one running,
     * stopped or deleted. An {@code unknown} job status reads as failed.
     */
    public static WorkspaceStatus of(ProvisionerJobStatus jobStatus, WorkspaceTransition transition) {
        return switch (jobStatus) {
            case PENDING -> PENDING;
            case RUNNING -> switch (transition) {
                case START -> STARTING;
                case STOP -> STOPPING;
                case DELETE -> DELETING;
            };
            case SUCCEEDED -> switch (transition) {
                case START -> RUNNING;
                case STOP -> STOPPED;
                case DELETE -> DELETED;
            };
            case CANCELING -> CANCELING;
            case CANCELED -> CANCELED;
            case FAILED, UNKNOWN -> FAILED;
        };
    }

    @JsonCreator
    public static WorkspaceStatus fromValue(String value) {
        return Enums.fromValue(WorkspaceStatus.class, value, WorkspaceStatus::value);
    }
}
