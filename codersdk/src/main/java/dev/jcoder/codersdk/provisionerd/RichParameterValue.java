package dev.jcoder.codersdk.provisionerd;

/** A rich parameter's value for a build. */
public record RichParameterValue(String name, String value) {}
