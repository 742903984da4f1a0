package dev.jcoder.codersdk;

/** A metadata item with its last result, as {@code watch-metadata} sends it. */
public record WorkspaceAgentMetadata(WorkspaceAgentMetadataResult result, WorkspaceAgentMetadataDescription description) {}
