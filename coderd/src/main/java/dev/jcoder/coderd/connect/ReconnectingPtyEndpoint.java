package dev.jcoder.coderd.connect;

import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Stream;
import io.javalin.http.Context;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * {@code GET /api/v2/workspaceagents/{workspaceagent}/pty?reconnect=<uuid>&height=&width=&command=}:
 * Coder's web terminal. The browser sends JSON messages {@code {"data": "...", "height": h,
 * "width": w}} (text or binary frames); coderd sends the terminal's output as raw binary frames.
 * The agent keeps the PTY by the {@code reconnect} id, so a new WebSocket with the same id
 * reattaches to the same shell and first receives its recent output. On the agent stream each
 * client message is written as one line of JSON.
 */
final class ReconnectingPtyEndpoint {
    private static final String REQUEST = "jcoder.pty.request";
    private static final String STREAM = "jcoder.pty.stream";
    private static final long SEND_TIMEOUT_SECONDS = 60;

    private final AgentConnectApi api;

    private record PtyRequest(ConnectTarget target, ServiceRequest.ReconnectingPty request) {}

    ReconnectingPtyEndpoint(AgentConnectApi api) {
        this.api = api;
    }

    void beforeUpgrade(Context ctx) {
        ConnectTarget target = api.target(ctx);
        var request = new ServiceRequest.ReconnectingPty(reconnectId(ctx.queryParam("reconnect")),
                dimension(ctx, "height"), dimension(ctx, "width"),
                ctx.queryParam("command") == null ? "" : ctx.queryParam("command"));
        target.refusal(request).ifPresent(refusal -> {
            throw new dev.jcoder.coderd.errors.Forbidden("Forbidden.", refusal.message());
        });
        ctx.attribute(REQUEST, new PtyRequest(target, request));
    }

    private static UUID reconnectId(String value) {
        if (value == null || value.isBlank()) {
            throw ValidationFailed.field("reconnect", "Query param \"reconnect\" is required (a UUID naming the session).");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ValidationFailed.field("reconnect", "Query param \"reconnect\" must be a valid UUID.");
        }
    }

    private static int dimension(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed < 0 || parsed > 0xFFFF) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw ValidationFailed.field(name, "Query param \"" + name + "\" must be a valid uint16.");
        }
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            PtyRequest request = ctx.attribute(REQUEST);
            if (request == null) {
                AgentConnectApi.close(ctx, 1008, "not authorized");
                return;
            }
            ctx.session.setIdleTimeout(Duration.ofHours(1));
            Stream stream;
            try {
                stream = api.openAgentStream(request.target(), request.request());
            } catch (ServiceHeaderException e) {
                AgentConnectApi.close(ctx, 1011, e.getMessage());
                return;
            } catch (IOException e) {
                AgentConnectApi.close(ctx, 1011, "Failed to reach the agent: " + e.getMessage());
                return;
            }
            ctx.attribute(STREAM, stream);
            Thread.ofVirtual().name("pty-output-" + request.request().id()).start(() -> sendOutput(ctx, stream));
        });
        ws.onMessage(ctx -> forward(ctx, ctx.message().getBytes(StandardCharsets.UTF_8)));
        ws.onBinaryMessage(ctx -> {
            ByteBuffer data = ctx.data();
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            forward(ctx, bytes);
        });
        ws.onClose(ctx -> closeStream(ctx.attribute(STREAM)));
        ws.onError(ctx -> closeStream(ctx.attribute(STREAM)));
    }

    /** One client message → one JSON line to the agent; blocking here holds back the browser (flow control). */
    private static void forward(WsContext ctx, byte[] message) {
        Stream stream = ctx.attribute(STREAM);
        if (stream == null) {
            return;
        }
        try {
            OutputStream out = stream.outputStream();
            for (byte b : message) {
                if (b == '\n' || b == '\r') {
                    throw new IOException("a message must be one JSON object"); // JSON escapes newlines in strings
                }
            }
            byte[] line = new byte[message.length + 1];
            System.arraycopy(message, 0, line, 0, message.length);
            line[message.length] = '\n';
            out.write(line);
            out.flush();
        } catch (IOException e) {
            AgentConnectApi.close(ctx, 1011, "The terminal is gone: " + e.getMessage());
        }
    }

    private static void sendOutput(WsContext ctx, Stream stream) {
        byte[] buffer = new byte[32 * 1024];
        try {
            InputStream in = stream.inputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (n == 0) {
                    continue;
                }
                Callback.Completable sent = new Callback.Completable();
                ctx.session.sendBinary(ByteBuffer.wrap(buffer, 0, n).asReadOnlyBuffer(), sent);
                sent.get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS); // the buffer is reused after the send
            }
            AgentConnectApi.close(ctx, 1000, "The terminal's process exited.");
        } catch (IOException | ExecutionException | TimeoutException e) {
            AgentConnectApi.close(ctx, 1011, "The terminal connection failed.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeStream(stream);
        }
    }

    private static void closeStream(Stream stream) {
        if (stream != null) {
            try {
                stream.close();
            } catch (RuntimeException e) {
                stream.reset();
            }
        }
    }
}
