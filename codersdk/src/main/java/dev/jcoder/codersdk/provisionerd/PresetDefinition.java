package dev.jcoder.codersdk.provisionerd;

import java.util.Map;

/** A {@code coder_workspace_preset} found while importing. */
public record PresetDefinition(String name, Map<String, String> parameters, boolean isDefault) {
    public PresetDefinition {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
