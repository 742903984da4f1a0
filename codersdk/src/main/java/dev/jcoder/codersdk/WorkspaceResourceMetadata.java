package dev.jcoder.codersdk;

/** A key/value shown with a resource ({@code coder_metadata}); sensitive values are hidden by the dashboard. */
public record WorkspaceResourceMetadata(String key, String value, boolean sensitive) {}
