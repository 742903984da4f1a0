package dev.jcoder.codersdk;

/** One allowed value of a rich parameter. */
public record TemplateVersionParameterOption(String name, String description, String value, String icon) {}
