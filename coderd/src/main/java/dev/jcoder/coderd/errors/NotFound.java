package dev.jcoder.coderd.errors;

/** HTTP 404: the resource does not exist, or the caller may not read it (never leak existence). */
public final class NotFound extends ApiException {

    public NotFound() {
        super("Resource not found or you do not have access to this resource", "");
    }

    public NotFound(String message) {
        super(message, "");
    }

    public NotFound(String message, String detail) {
        super(message, detail);
    }
}
