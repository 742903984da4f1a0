package dev.jcoder.cli.workspaces.parameters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --rich-parameter-file}: a YAML map of parameter names to values. Scalars are taken as
 * written ({@code cpu: 4} is "4", {@code gpu: true} is "true"); a list becomes the JSON array a
 * {@code list(string)} parameter takes ({@code ["a","b"]}), as Coder reads the file.
 */
public final class ParameterFile {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ParameterFile() {}

    public static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("The rich parameter file " + file + " does not exist.", e);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the rich parameter file " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    static Map<String, String> parse(String text, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The rich parameter file " + source + " is not valid YAML: "
                    + e.getOriginalMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return values;
        }
        if (!root.isObject()) {
            throw new IllegalArgumentException("The rich parameter file " + source
                    + " must be a YAML map of parameter names to values, e.g. \"region: eu\".");
        }
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            values.put(entry.getKey(), value(entry.getKey(), entry.getValue(), source));
        }
        return values;
    }

    private static String value(String name, JsonNode node, String source) {
        if (node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> strings = new ArrayList<>();
            for (JsonNode element : node) {
                if (!element.isValueNode() || element.isNull()) {
                    throw new IllegalArgumentException("The value of \"" + name + "\" in " + source
                            + " must be a list of strings.");
                }
                strings.add(element.asText());
            }
            try {
                return JSON.writeValueAsString(strings);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot write a list as JSON.", e);
            }
        }
        throw new IllegalArgumentException("The value of \"" + name + "\" in " + source + " must be a string, number, "
                + "bool or list, not a map.");
    }
}
