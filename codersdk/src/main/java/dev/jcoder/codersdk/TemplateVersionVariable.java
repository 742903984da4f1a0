package dev.jcoder.codersdk;

/** A Terraform variable of a template version; the value of a sensitive one reads {@code *redacted*}. */
public record TemplateVersionVariable(String name, String description, String type, String value, String defaultValue,
        boolean required, boolean sensitive) {}
