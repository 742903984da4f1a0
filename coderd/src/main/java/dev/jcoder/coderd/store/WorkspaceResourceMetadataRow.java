package dev.jcoder.coderd.store;

import java.util.UUID;

/** A row of {@code workspace_resource_metadata} ({@code coder_metadata} items). */
public record WorkspaceResourceMetadataRow(UUID workspaceResourceId, String key, String value, boolean sensitive,
        int displayOrder) {}
