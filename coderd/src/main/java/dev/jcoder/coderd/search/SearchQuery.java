package dev.jcoder.coderd.search;

import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.codersdk.ValidationError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed {@code q} parameter: terms are {@code key:value} or bare words (which go to a default
 * key); values may be double-quoted to hold spaces or colons; everything is lower-cased. Malformed
 * terms and keys the endpoint does not know are 400 with a {@code q} validation, as in Coder.
 */
public final class SearchQuery {
    private final Map<String, List<String>> terms;

    private SearchQuery(Map<String, List<String>> terms) {
        this.terms = terms;
    }

    public static SearchQuery parse(String query, String bareWordKey, Set<String> allowedKeys) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        if (query == null || query.isBlank()) {
            return new SearchQuery(terms);
        }
        List<ValidationError> errors = new ArrayList<>();
        for (String term : split(query.strip())) {
            String lower = term.toLowerCase(Locale.ROOT);
            int colon = indexOfUnquoted(lower, ':');
            if (colon < 0) {
                terms.computeIfAbsent(bareWordKey, k -> new ArrayList<>()).add(unquote(lower));
                continue;
            }
            String key = lower.substring(0, colon);
            String value = lower.substring(colon + 1);
            if (key.isEmpty() || value.isEmpty() || indexOfUnquoted(value, ':') >= 0 && !key.equals("param")
                    && !key.startsWith("last_") && !key.startsWith("created_")) {
                errors.add(new ValidationError("q", "Query element \"" + term + "\" can only contain 1 ':'"));
                continue;
            }
            if (!allowedKeys.contains(key)) {
                errors.add(new ValidationError(key, "\"" + key + "\" is not a valid query param"));
                continue;
            }
            terms.computeIfAbsent(key, k -> new ArrayList<>()).add(unquote(value));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("Invalid search query.", "", errors);
        }
        return new SearchQuery(terms);
    }

    public List<String> values(String key) {
        return terms.getOrDefault(key, List.of());
    }

    /** The values of {@code key}, each split on commas, as Coder's list-valued filters allow. */
    public List<String> listValues(String key) {
        return values(key).stream().flatMap(value -> List.of(value.split(",")).stream())
                .map(String::strip).filter(value -> !value.isEmpty()).toList();
    }

    public String first(String key) {
        List<String> values = values(key);
        return values.isEmpty() ? "" : values.getLast();
    }

    public Optional<Instant> time(String key) {
        String value = first(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(value.toUpperCase(Locale.ROOT)));
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("Invalid search query.", "",
                    List.of(new ValidationError(key, "Query param \"" + key + "\" must be a valid date format (RFC 3339): " + value)));
        }
    }

    private static List<String> split(String query) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : query.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                current.append(c);
            } else if (Character.isWhitespace(c) && !quoted) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return parts;
    }

    private static int indexOfUnquoted(String text, char wanted) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        return value.replace("\"", "");
    }
}
