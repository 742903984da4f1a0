package dev.jcoder.coderd.http;

import dev.jcoder.tunnel.transport.CallbackTransport;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * A yamux session (coderd in the server role) over an accepted Javalin WebSocket, with Jetty's
 * completion callback as back-pressure for the session's writer (docs/tunnel.md, "coderd"). Both
 * the agents' tunnels and the clients' connections use it.
 */
public final class WebSocketTunnel {
    private static final String TRANSPORT = "jcoder.tunnel.transport";
    private static final String SESSION = "jcoder.tunnel.session";

    private WebSocketTunnel() {}

    /**
     * Wires {@code ws}: on connect a session is made and handed to {@code onSession} (which must not
     * block: it starts its own accept loop); frames feed the session; close and errors end it.
     */
    public static void configure(WsConfig ws, SessionConfig config, BiConsumer<WsContext, Session> onSession) {
        configure(ws, config, onSession, (ctx, session) -> {});
    }

    /** As above; {@code onEnd} runs after the WebSocket closed or failed, with the session it carried. */
    public static void configure(WsConfig ws, SessionConfig config, BiConsumer<WsContext, Session> onSession,
            BiConsumer<WsContext, Session> onEnd) {
        ws.onConnect(ctx -> {
            ctx.session.setIdleTimeout(Duration.ofSeconds(60)); // above the 15 s keepalive
            ctx.session.setMaxBinaryMessageSize(config.maxMessageSize());
            CallbackTransport transport = new CallbackTransport(message -> {
                Callback.Completable done = new Callback.Completable();
                ctx.session.sendBinary(message, done);
                return done;
            }, ctx::closeSession);
            ctx.attribute(TRANSPORT, transport);
            Session session = Session.server(transport, config);
            ctx.attribute(SESSION, session);
            onSession.accept(ctx, session);
        });
        ws.onBinaryMessage(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.receive(ctx.data());
            }
        });
        ws.onClose(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.closed(ctx.status(), ctx.reason());
            }
            onEnd.accept(ctx, ctx.attribute(SESSION));
        });
        ws.onError(ctx -> {
            CallbackTransport transport = ctx.attribute(TRANSPORT);
            if (transport != null) {
                transport.failed(ctx.error());
            }
            onEnd.accept(ctx, ctx.attribute(SESSION));
        });
    }
}
