package dev.jcoder.coderd.agentapi;

import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.agentsdk.AgentHttpApi;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Asks the agent's own HTTP API ({@link AgentHttpApi}) over its tunnel: one stream, one HTTP/1.1
 * request with {@code Connection: close}, the whole answer read until the agent closes the stream.
 */
final class AgentHttpClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_RESPONSE = 4 * 1024 * 1024;

    private AgentHttpClient() {}

    static <T> T get(Session session, String path, Class<T> type) throws IOException {
        Stream stream = session.open();
        try {
            ServiceHeaders.connect(stream, new ServiceRequest.Tcp(AgentHttpApi.HOST, AgentHttpApi.PORT), TIMEOUT);
            stream.setReadTimeout(TIMEOUT);
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            stream.outputStream().write(request);
            stream.outputStream().flush();
            byte[] response = stream.inputStream().readNBytes(MAX_RESPONSE);
            String text = new String(response, StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0 || !text.startsWith("HTTP/1.1 ")) {
                throw new IOException("The agent sent no valid HTTP response.");
            }
            int status = Integer.parseInt(text.substring(9, 12));
            String body = text.substring(headEnd + 4);
            if (status != 200) {
                throw new IOException("The agent answered " + status + ": " + body);
            }
            return Json.mapper().readValue(body, type);
        } finally {
            stream.close();
        }
    }
}
