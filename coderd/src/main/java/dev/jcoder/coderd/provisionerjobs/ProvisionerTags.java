package dev.jcoder.coderd.provisionerjobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.codersdk.Json;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Coder's tag normalization ({@code MutateTags}): every tag set has {@code scope} (default
 * {@code organization}) and {@code owner}; {@code scope=user} belongs to the given user, any other
 * scope has no owner.
 */
public final class ProvisionerTags {
    public static final String SCOPE = "scope";
    public static final String OWNER = "owner";
    public static final String SCOPE_ORGANIZATION = "organization";
    public static final String SCOPE_USER = "user";

    private ProvisionerTags() {}

    public static Map<String, String> mutate(Optional<UUID> user, Map<String, String> tags) {
        Map<String, String> result = new TreeMap<>(tags);
        String scope = result.getOrDefault(SCOPE, "");
        if (scope.equals(SCOPE_USER) && user.isPresent()) {
            result.put(OWNER, user.get().toString());
        } else {
            result.put(SCOPE, SCOPE_ORGANIZATION);
            result.put(OWNER, "");
        }
        return result;
    }

    public static String toJson(Map<String, String> tags) {
        try {
            return Json.mapper().writeValueAsString(new TreeMap<>(tags));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, String> fromJson(String json) {
        try {
            return Json.mapper().readValue(json, new TypeReference<Map<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
