package dev.jcoder.codersdk;

/** One field's validation failure: the JSON field name and what is wrong with its value. */
public record ValidationError(String field, String detail) {}
