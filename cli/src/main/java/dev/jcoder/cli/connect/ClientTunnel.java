package dev.jcoder.cli.connect;

import dev.jcoder.cli.CliException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.transport.JdkWebSocketTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CLI's tunnel to one agent: a WebSocket to {@code /api/v2/workspaceagents/{id}/connect}
 * (JDK client: it starts much faster than Jetty's) carrying a yamux session in which the CLI is the
 * client and opens one stream per SSH session or forwarded connection.
 */
public final class ClientTunnel implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern MESSAGE = Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final Session session;

    private ClientTunnel(Session session) {
        this.session = session;
    }

    /** The WebSocket URL of an agent's client tunnel on the deployment {@code base}. */
    static URI connectUri(URI base, UUID agentId) {
        String scheme = "https".equalsIgnoreCase(base.getScheme()) ? "wss" : "ws";
        String path = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        return URI.create(scheme + "://" + base.getRawAuthority() + path + "/api/v2/workspaceagents/" + agentId + "/connect");
    }

    public static ClientTunnel dial(CoderClient client, UUID agentId) {
        URI uri = connectUri(client.baseUrl(), agentId);
        String token = client.sessionToken().orElseThrow(() -> new CliException("You are not logged in."));
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        try {
            JdkWebSocketTransport transport = JdkWebSocketTransport.connect(http, uri,
                    Map.of("Coder-Session-Token", token), CONNECT_TIMEOUT).join();
            return new ClientTunnel(Session.client(transport, SessionConfig.defaults()));
        } catch (CompletionException e) {
            throw dialFailure(uri, e.getCause() == null ? e : e.getCause());
        }
    }

    private static CliException dialFailure(URI uri, Throwable cause) {
        if (cause instanceof WebSocketHandshakeException handshake) {
            var response = handshake.getResponse();
            Object body = response.body();
            String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(body);
            Matcher message = MESSAGE.matcher(text);
            String reason = message.find() ? message.group(1).replace("\\\"", "\"") : switch (response.statusCode()) {
                case 401 -> "your session is not valid; log in again with coder login";
                case 403 -> "you may not connect to this workspace";
                case 404 -> "the agent does not exist or you cannot see its workspace";
                case 400 -> "the workspace is not running";
                default -> "HTTP " + response.statusCode();
            };
            return new CliException("Could not connect to the workspace agent: " + reason
                    + " (" + response.statusCode() + ")", cause);
        }
        return new CliException("Could not connect to " + uri.getHost() + ": " + cause.getMessage(), cause);
    }

    /**
     * Opens a stream for {@code request}; the agent's (or coderd's) refusal comes back as a
     * {@link dev.jcoder.tunnel.service.ServiceHeaderException} whose message is meant for users.
     */
    public Stream open(ServiceRequest request) throws IOException {
        Stream stream = session.open();
        ServiceHeaders.connect(stream, request);
        return stream;
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        session.close();
    }
}
