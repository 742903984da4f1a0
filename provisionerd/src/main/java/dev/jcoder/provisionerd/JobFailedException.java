package dev.jcoder.provisionerd;

import java.util.Objects;

/**
 * A job that did not succeed: the error shown to users, Coder's error code (may be empty) and, for
 * workspace builds, the Terraform state the failed or canceled run left behind (empty when none), so
 * that the next build starts from what really exists.
 */
public final class JobFailedException extends Exception {
    private final String errorCode;
    private final byte[] state;

    public JobFailedException(String message) {
        this(message, "");
    }

    public JobFailedException(String message, String errorCode) {
        this(message, errorCode, new byte[0]);
    }

    public JobFailedException(String message, String errorCode, byte[] state) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
        this.state = Objects.requireNonNull(state, "state").clone();
    }

    public String errorCode() {
        return errorCode;
    }

    /** The Terraform state to keep for the workspace; empty when the job produced none. */
    public byte[] state() {
        return state.clone();
    }
}
