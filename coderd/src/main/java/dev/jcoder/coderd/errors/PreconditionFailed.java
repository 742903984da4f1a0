package dev.jcoder.coderd.errors;

/** HTTP 412: the resource is not in a state that allows the request (e.g. canceling a finished job). */
public final class PreconditionFailed extends ApiException {

    public PreconditionFailed(String message) {
        super(message, "");
    }

    public PreconditionFailed(String message, String detail) {
        super(message, detail);
    }
}
