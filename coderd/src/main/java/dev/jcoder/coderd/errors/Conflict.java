package dev.jcoder.coderd.errors;

import dev.jcoder.codersdk.ValidationError;
import java.util.List;

/** HTTP 409: the request clashes with current state (a duplicate name, a build already running). */
public final class Conflict extends ApiException {

    private final List<ValidationError> validations;

    public Conflict(String message) {
        this(message, "");
    }

    public Conflict(String message, String detail) {
        super(message, detail);
        this.validations = List.of();
    }

    /** A clash on named fields (a duplicate name), as Coder reports it: 409 with {@code validations}. */
    public Conflict(String message, List<ValidationError> validations) {
        super(message, "");
        this.validations = List.copyOf(validations);
    }

    @Override
    public List<ValidationError> validations() {
        return validations;
    }
}
