package dev.jcoder.coderd.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.jcoder.coderd.errors.TooLarge;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.ValidationError;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reading request bodies and parameters, with Coder's error messages for bad input. */
public final class Requests {
    private static final String BAD_JSON = "Request body must be valid JSON.";

    private Requests() {}

    /** Parses the JSON body as {@code type}; bad JSON or wrong types are 400, oversize bodies 413. */
    public static <T> T body(Context ctx, Class<T> type, long maxBytes) {
        byte[] body = readLimited(ctx, maxBytes);
        if (body.length == 0) {
            throw new ValidationFailed(BAD_JSON, "The request body is empty.");
        }
        try {
            T value = Json.mapper().readValue(body, type);
            if (value == null) {
                throw new ValidationFailed(BAD_JSON, "The request body is null.");
            }
            return value;
        } catch (InvalidFormatException e) {
            throw invalidValue(e, e.getCause());
        } catch (ValueInstantiationException e) {
            throw invalidValue(e, e.getCause());
        } catch (MismatchedInputException e) {
            String field = fieldPath(e);
            String reason = "Cannot read " + (field.isEmpty() ? "the body" : "field \"" + field + "\"")
                    + ": " + e.getOriginalMessage().split("\n")[0];
            throw new ValidationFailed(BAD_JSON, reason,
                    field.isEmpty() ? List.of() : List.of(new ValidationError(field, reason)));
        } catch (JsonProcessingException e) {
            throw new ValidationFailed(BAD_JSON, e.getOriginalMessage());
        } catch (IOException e) {
            throw new ValidationFailed(BAD_JSON, e.getMessage());
        }
    }

    private static ValidationFailed invalidValue(JsonMappingException e, Throwable cause) {
        String field = fieldPath(e);
        String reason = cause instanceof IllegalArgumentException invalid ? invalid.getMessage() : e.getOriginalMessage();
        return new ValidationFailed(BAD_JSON, reason,
                field.isEmpty() ? List.of() : List.of(new ValidationError(field, reason)));
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static byte[] readLimited(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw new TooLarge("Request body is too large.", "The limit is " + maxBytes + " bytes.");
        }
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (body.length > maxBytes) {
                throw new TooLarge("Request body is too large.", "The limit is " + maxBytes + " bytes.");
            }
            return body;
        } catch (IOException e) {
            throw new ValidationFailed("Cannot read the request body.", e.getMessage());
        }
    }

    /** A non-negative integer query parameter, or the default when absent. */
    public static int queryInt(Context ctx, String name, int defaultValue) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ValidationFailed("Query parameter has invalid value.", "",
                    List.of(new ValidationError(name, "Query param \"" + name + "\" must be a valid non-negative integer (" + value + ").")));
        }
    }

    public static boolean queryBool(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
    }

    public static Optional<UUID> parseUuid(String value) {
        try {
            return value.length() == 36 ? Optional.of(UUID.fromString(value)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
