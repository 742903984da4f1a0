package dev.jcoder.codersdk;

import java.util.Objects;

/** A Terraform variable's value given at push time ({@code user_variable_values}). */
public record VariableValue(String name, String value) {
    public VariableValue {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
