package dev.jcoder.codersdk.provisionerd;

/** A {@code coder_metadata} item of a resource. */
public record ResourceMetadata(String key, String value, boolean sensitive) {}
