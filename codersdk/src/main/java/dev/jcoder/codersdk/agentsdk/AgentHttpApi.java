package dev.jcoder.codersdk.agentsdk;

/**
 * The agent's own small HTTP API, reached by coderd through the agent's tunnel as a {@code tcp}
 * stream to the pseudo host {@link #HOST} port {@link #PORT} (Coder's agent serves the same API on
 * its tailnet port 4). One request per stream, HTTP/1.1 with {@code Connection: close}.
 */
public final class AgentHttpApi {
    /** A host name no DNS resolves: the agent answers it itself and never dials out for it. */
    public static final String HOST = "coder-agent-api.invalid";
    public static final int PORT = 4;
    /** {@code GET}: a {@link dev.jcoder.codersdk.WorkspaceAgentListeningPortsResponse}. */
    public static final String LISTENING_PORTS_PATH = "/api/v0/listening-ports";

    private AgentHttpApi() {}
}
