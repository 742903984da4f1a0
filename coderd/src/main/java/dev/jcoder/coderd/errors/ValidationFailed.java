package dev.jcoder.coderd.errors;

import dev.jcoder.codersdk.ValidationError;
import java.util.List;

/** HTTP 400: the request is malformed or a field's value is not acceptable. */
public final class ValidationFailed extends ApiException {
    private final List<ValidationError> validations;

    public ValidationFailed(String message) {
        this(message, "", List.of());
    }

    public ValidationFailed(String message, String detail) {
        this(message, detail, List.of());
    }

    public ValidationFailed(String message, String detail, List<ValidationError> validations) {
        super(message, detail);
        this.validations = List.copyOf(validations);
    }

    /** A single field's error, under Coder's generic "Validation failed." message. */
    public static ValidationFailed field(String field, String detail) {
        return new ValidationFailed("Validation failed.", "", List.of(new ValidationError(field, detail)));
    }

    @Override
    public List<ValidationError> validations() {
        return validations;
    }
}
