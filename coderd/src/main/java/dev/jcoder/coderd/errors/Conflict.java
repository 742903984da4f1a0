package dev.jcoder.coderd.errors;

/** HTTP 409: the request clashes with current state (a duplicate name, a build already running). */
public final class Conflict extends ApiException {

    public Conflict(String message) {
        super(message, "");
    }

    public Conflict(String message, String detail) {
        super(message, detail);
    }
}
