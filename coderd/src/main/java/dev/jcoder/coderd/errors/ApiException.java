package dev.jcoder.coderd.errors;

import dev.jcoder.codersdk.ValidationError;
import java.util.List;

/** Base of every error the API reports on purpose. Sealed so that the mapper must handle each kind. */
public abstract sealed class ApiException extends RuntimeException
        permits NotFound, Unauthenticated, Forbidden, Conflict, Gone, PreconditionFailed, ValidationFailed, TooLarge, RateLimited {
    private final String detail;

    protected ApiException(String message, String detail) {
        super(message);
        this.detail = detail == null ? "" : detail;
    }

    public String detail() {
        return detail;
    }

    public List<ValidationError> validations() {
        return List.of();
    }
}
