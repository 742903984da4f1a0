package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jcoder.codersdk.Json;
import java.io.IOException;

/**
 * Reads a {@code terraform.tfstate} (format version 4) into the module shape of
 * {@code terraform show -json} ({@code {"resources": [{"address", "mode", "type", "name", "values"}]}}),
 * so that a build needs no extra terraform process after its apply. Instances of every module are
 * listed in one module with their full addresses ({@code module.m.docker_container.dev[0]}).
 */
final class StateFile {
    private StateFile() {}

    /** What each resource (address without instance keys) depends on, as the state records it. */
    static java.util.Map<String, java.util.Set<String>> dependencies(JsonNode rootModule) {
        java.util.Map<String, java.util.Set<String>> dependencies = new java.util.HashMap<>();
        for (JsonNode resource : rootModule.path("resources")) {
            String label = resource.path("address").asText().replaceAll("\\[[^\\]]*\\]", "");
            java.util.Set<String> targets = dependencies.computeIfAbsent(label, key -> new java.util.LinkedHashSet<>());
            resource.path("dependencies").forEach(target -> targets.add(target.asText()));
        }
        return dependencies;
    }

    static JsonNode rootModule(byte[] state) throws IOException {
        ObjectNode module = Json.mapper().createObjectNode();
        ArrayNode resources = module.putArray("resources");
        if (state.length == 0) {
            return module;
        }
        JsonNode root = Json.mapper().readTree(state);
        int version = root.path("version").asInt(0);
        if (version != 4) {
            throw new IOException("Terraform state format version " + version + " is not supported (expected 4).");
        }
        for (JsonNode resource : root.path("resources")) {
            String mode = resource.path("mode").asText();
            String prefix = resource.path("module").asText("");
            String address = (prefix.isEmpty() ? "" : prefix + ".") + (mode.equals("data") ? "data." : "")
                    + resource.path("type").asText() + "." + resource.path("name").asText();
            for (JsonNode instance : resource.path("instances")) {
                ObjectNode entry = resources.addObject();
                JsonNode key = instance.path("index_key");
                entry.put("address", address + (key.isMissingNode() || key.isNull() ? ""
                        : key.isNumber() ? "[" + key.asText() + "]" : "[" + Json.mapper().writeValueAsString(key) + "]"));
                entry.put("mode", mode);
                entry.put("type", resource.path("type").asText());
                entry.put("name", resource.path("name").asText());
                entry.set("values", instance.path("attributes").deepCopy());
                entry.set("dependencies", instance.path("dependencies").isArray()
                        ? instance.path("dependencies").deepCopy() : Json.mapper().createArrayNode());
            }
        }
        return module;
    }
}
