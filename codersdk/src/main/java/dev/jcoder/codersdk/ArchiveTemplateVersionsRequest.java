package dev.jcoder.codersdk;

/** {@code POST /templates/{id}/versions/archive}: all unused versions, or (default) only failed ones. */
public record ArchiveTemplateVersionsRequest(boolean all) {}
