package dev.jcoder.codersdk.provisionerd;

/**
 * One {@code metadata} block of a {@code coder_agent}: the agent runs {@code script} every
 * {@code intervalSeconds} (cut off after {@code timeoutSeconds}) and reports the output.
 */
public record AgentMetadataDefinition(String key, String displayName, String script, long intervalSeconds,
        long timeoutSeconds, int order) {
    public AgentMetadataDefinition {
        key = key == null ? "" : key;
        displayName = displayName == null ? "" : displayName;
        script = script == null ? "" : script;
    }
}
