package dev.jcoder.codersdk;

/**
 * A {@code metadata} item of a {@code coder_agent}: the agent runs {@code script} every
 * {@code interval} seconds, cut off after {@code timeout} seconds.
 */
public record WorkspaceAgentMetadataDescription(String displayName, String key, String script, long interval,
        long timeout) {
    public WorkspaceAgentMetadataDescription {
        displayName = displayName == null ? "" : displayName;
        key = key == null ? "" : key;
        script = script == null ? "" : script;
    }
}
