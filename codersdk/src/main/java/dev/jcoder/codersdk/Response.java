package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Coder's general response and error shape ({@code codersdk.Response}): a sentence for people, an
 * optional technical detail and optional per-field validation errors. Empty parts are omitted.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Response(String message, String detail, List<ValidationError> validations) {
    public Response {
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
        validations = validations == null ? List.of() : List.copyOf(validations);
    }

    public static Response of(String message) {
        return new Response(message, "", List.of());
    }

    public static Response of(String message, String detail) {
        return new Response(message, detail, List.of());
    }
}
