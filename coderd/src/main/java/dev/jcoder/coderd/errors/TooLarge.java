package dev.jcoder.coderd.errors;

/** HTTP 413: the request body is larger than the endpoint accepts. */
public final class TooLarge extends ApiException {

    public TooLarge() {
        super("Request body is too large.", "");
    }

    public TooLarge(String message) {
        super(message, "");
    }

    public TooLarge(String message, String detail) {
        super(message, detail);
    }
}
