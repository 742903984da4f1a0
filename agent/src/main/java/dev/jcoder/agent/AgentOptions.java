package dev.jcoder.agent;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How an agent process runs, from {@code coder agent}'s flags and {@code CODER_AGENT_*} variables.
 *
 * @param url           the deployment's access URL ({@code CODER_AGENT_URL})
 * @param token         the agent token ({@code CODER_AGENT_TOKEN}, or read from {@code CODER_AGENT_TOKEN_FILE})
 * @param auth          how the agent authenticates; only {@code token} is supported
 * @param logDir        where script logs and the agent's own log go ({@code CODER_AGENT_LOG_DIR})
 * @param scriptDataDir where scripts are written and may keep data ({@code CODER_AGENT_SCRIPT_DATA_DIR})
 * @param version       the version the agent reports
 */
public record AgentOptions(URI url, String token, String auth, Path logDir, Path scriptDataDir, String version) {
    public AgentOptions {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(logDir, "logDir");
        Objects.requireNonNull(scriptDataDir, "scriptDataDir");
        auth = auth == null || auth.isEmpty() ? "token" : auth;
        version = version == null ? "" : version;
        if (!auth.equals("token")) {
            throw new IllegalArgumentException("Unsupported --auth \"" + auth
                    + "\": this agent authenticates with a token only (CODER_AGENT_TOKEN).");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException(
                    "No agent token: set CODER_AGENT_TOKEN or CODER_AGENT_TOKEN_FILE (or --agent-token).");
        }
    }
}
