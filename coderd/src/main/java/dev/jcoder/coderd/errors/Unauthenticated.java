package dev.jcoder.coderd.errors;

/** HTTP 401: no valid session or token. */
public final class Unauthenticated extends ApiException {

    public Unauthenticated() {
        super("You are signed out or your session has expired. Please sign in again to continue.", "");
    }

    public Unauthenticated(String message) {
        super(message, "");
    }

    public Unauthenticated(String message, String detail) {
        super(message, detail);
    }
}
