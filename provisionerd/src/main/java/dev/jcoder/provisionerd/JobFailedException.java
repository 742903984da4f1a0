package dev.jcoder.provisionerd;

import java.util.Objects;

/** A job that did not succeed: the error shown to users and Coder's error code (may be empty). */
public final class JobFailedException extends Exception {
    private final String errorCode;

    public JobFailedException(String message) {
        this(message, "");
    }

    public JobFailedException(String message, String errorCode) {
        super(Objects.requireNonNull(message, "message"));
        this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
    }

    public String errorCode() {
        return errorCode;
    }
}
