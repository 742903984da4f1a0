package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A parameter value of a preset. Coder writes these keys capitalized. */
public record PresetParameter(@JsonProperty("Name") String name, @JsonProperty("Value") String value) {}
