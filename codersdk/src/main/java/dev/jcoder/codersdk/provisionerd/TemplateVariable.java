package dev.jcoder.codersdk.provisionerd;

/** A Terraform {@code variable} block found while importing a template. */
public record TemplateVariable(String name, String description, String type, String defaultValue, boolean required,
        boolean sensitive) {
    public TemplateVariable {
        description = description == null ? "" : description;
        type = type == null || type.isEmpty() ? "string" : type;
        defaultValue = defaultValue == null ? "" : defaultValue;
    }
}
