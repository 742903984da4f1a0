package dev.jcoder.cli.workspaces.parameters;

import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.util.ArrayList;
import java.util.List;

/** {@code name=value} flag values ({@code --parameter}, {@code --parameter-default}, {@code --ephemeral-parameter}). */
public final class NameValuePairs {
    private NameValuePairs() {}

    /** Each value split at its first {@code =}; a value without one, or with an empty name, is an error naming the flag. */
    public static List<WorkspaceBuildParameter> parse(List<String> values, String flag) {
        List<WorkspaceBuildParameter> pairs = new ArrayList<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Invalid " + flag + " \"" + value + "\": the format name=value is expected.");
            }
            pairs.add(new WorkspaceBuildParameter(value.substring(0, equals).strip(), value.substring(equals + 1)));
        }
        return pairs;
    }

    /**
     * A list-valued environment variable ({@code CODER_RICH_PARAMETER=a=1,b=2}), split at commas
     * outside double quotes and brackets so that a JSON list value stays whole; quotes around an
     * element are removed. Empty for an unset or blank variable.
     */
    public static List<String> fromEnvironment(String value) {
        List<String> elements = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return elements;
        }
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' && depth == 0 && (current.isEmpty() || quoted)) {
                quoted = !quoted;
                continue;
            }
            if (!quoted) {
                if (c == '[') {
                    depth++;
                } else if (c == ']' && depth > 0) {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    elements.add(current.toString());
                    current.setLength(0);
                    continue;
                }
            }
            current.append(c);
        }
        elements.add(current.toString());
        return elements.stream().filter(element -> !element.isBlank()).toList();
    }
}
