package dev.jcoder.codersdk.agentsdk;

import java.util.List;

/** {@code POST /workspaceagents/me/metadata}: a batch of collected metadata values. */
public record PostMetadataRequest(List<MetadataResult> metadata) {
    public PostMetadataRequest {
        metadata = metadata == null ? List.of() : List.copyOf(metadata);
    }
}
