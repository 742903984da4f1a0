package dev.jcoder.cli;

/** A failure to report to the user as one sentence, without a stack trace; exits with status 1. */
public final class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
