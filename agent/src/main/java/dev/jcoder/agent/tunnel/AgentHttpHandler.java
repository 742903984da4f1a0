package dev.jcoder.agent.tunnel;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jcoder.agent.ports.ListeningPorts;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.WorkspaceAgentListeningPortsResponse;
import dev.jcoder.codersdk.agentsdk.AgentHttpApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The agent's HTTP API (see {@link AgentHttpApi}): turns {@code "METHOD /path"} into a complete
 * HTTP/1.1 response. Only {@code GET /api/v0/listening-ports} exists.
 */
public final class AgentHttpHandler implements Function<String, byte[]> {
    private final ListeningPorts ports;
    private final Supplier<Set<Integer>> excludedPorts;

    public AgentHttpHandler(ListeningPorts ports, Supplier<Set<Integer>> excludedPorts) {
        this.ports = ports;
        this.excludedPorts = excludedPorts;
    }

    @Override
    public byte[] apply(String request) {
        if (!request.equals("GET " + AgentHttpApi.LISTENING_PORTS_PATH)) {
            return response(404, "Not Found", Response.of("Route not found."));
        }
        try {
            return response(200, "OK", new WorkspaceAgentListeningPortsResponse(ports.list(excludedPorts.get())));
        } catch (IOException | RuntimeException e) {
            return response(500, "Internal Server Error", Response.of("Cannot list the listening ports.", e.toString()));
        }
    }

    private static byte[] response(int status, String reason, Object body) {
        byte[] json;
        try {
            json = Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + json.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[head.length + json.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(json, 0, all, head.length, json.length);
        return all;
    }
}
