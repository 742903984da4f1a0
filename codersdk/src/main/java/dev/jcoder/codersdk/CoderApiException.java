package dev.jcoder.codersdk;

/** A non-2xx answer from the server, with its status code and Coder-shaped body. */
public final class CoderApiException extends RuntimeException {
    private final int statusCode;
    private final Response response;

    public CoderApiException(int statusCode, Response response) {
        super(describe(statusCode, response));
        this.statusCode = statusCode;
        this.response = response;
    }

    public int statusCode() {
        return statusCode;
    }

    public Response response() {
        return response;
    }

    private static String describe(int statusCode, Response response) {
        StringBuilder text = new StringBuilder(response.message());
        if (!response.detail().isEmpty()) {
            text.append(": ").append(response.detail());
        }
        for (ValidationError validation : response.validations()) {
            text.append("\n  ").append(validation.field()).append(": ").append(validation.detail());
        }
        return text + " (HTTP " + statusCode + ")";
    }
}
