package dev.jcoder.codersdk;

/** The longest lifetime a new token may have, in nanoseconds. */
public record TokenConfig(long maxTokenLifetime) {}
