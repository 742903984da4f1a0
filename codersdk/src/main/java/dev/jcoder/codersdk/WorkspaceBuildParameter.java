package dev.jcoder.codersdk;

import java.util.Objects;

/** A rich parameter's value in a build ({@code rich_parameter_values}). */
public record WorkspaceBuildParameter(String name, String value) {
    public WorkspaceBuildParameter {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
