package dev.jcoder.coderd.errors;

/** HTTP 410: the resource existed and was deleted. */
public final class Gone extends ApiException {

    public Gone(String message) {
        super(message, "");
    }

    public Gone(String message, String detail) {
        super(message, detail);
    }
}
