package dev.jcoder.coderd.errors;

/** HTTP 403: the caller may read the resource but not do this to it. */
public final class Forbidden extends ApiException {

    public Forbidden() {
        super("Forbidden.", "");
    }

    public Forbidden(String message) {
        super(message, "");
    }

    public Forbidden(String message, String detail) {
        super(message, detail);
    }
}
