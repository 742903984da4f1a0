package dev.jcoder.coderd.http;

import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.codersdk.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects field errors of a request and throws them together as one 400 "Validation failed."
 * Details read like Coder's ({@code Validation failed for tag "required" with value: ""}).
 */
public final class Validator {
    /** Coder's name rule: letters, digits and single hyphens between them, at most 32 characters. */
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9](?:[a-zA-Z0-9]|-(?=[a-zA-Z0-9]))*$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final List<String> RESERVED_NAMES = List.of("me", "new", "create");

    private final List<ValidationError> errors = new ArrayList<>();

    public Validator required(String field, String value) {
        if (value == null || value.isBlank()) {
            add(field, "Validation failed for tag \"required\" with value: \"\"");
        }
        return this;
    }

    public Validator email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            add(field, "Validation failed for tag \"email\" with value: \"" + value + "\"");
        }
        return this;
    }

    public Validator username(String field, String value) {
        if (value != null && !value.isBlank() && !validName(value)) {
            add(field, "Validation failed for tag \"username\" with value: \"" + value + "\"");
        }
        return this;
    }

    public Validator maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "Must be at most " + max + " characters long.");
        }
        return this;
    }

    public Validator add(String field, String detail) {
        errors.add(new ValidationError(field, detail));
        return this;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new ValidationFailed("Validation failed.", "", errors);
        }
    }

    public static boolean validName(String name) {
        return name.length() <= 32 && NAME.matcher(name).matches() && !RESERVED_NAMES.contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
