package dev.jcoder.coderd.errors;

/** HTTP 429: the caller sent too many requests. */
public final class RateLimited extends ApiException {

    public RateLimited() {
        super("You've been rate limited for sending more than the allowed requests per minute.", "");
    }

    public RateLimited(String message) {
        super(message, "");
    }

    public RateLimited(String message, String detail) {
        super(message, detail);
    }
}
