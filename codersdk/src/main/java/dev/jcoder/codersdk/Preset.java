package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/** A named set of parameter values ({@code coder_workspace_preset}). Coder writes these keys capitalized. */
public record Preset(@JsonProperty("ID") UUID id, @JsonProperty("Name") String name,
        @JsonProperty("Parameters") List<PresetParameter> parameters, @JsonProperty("Default") boolean isDefault) {
    public Preset {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
