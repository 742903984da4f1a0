package dev.jcoder.tunnel.transport;

import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.SessionConfig;
import io.javalin.Javalin;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;

/**
 * The coderd side of the tunnel as coderd wires it: Javalin (Jetty 12) accepts the agent's
 * WebSocket at {@code /tunnel} and runs the server end of a yamux session over a
 * {@link CallbackTransport}. Sends use Jetty's completion callback (never {@code ctx.send}, which
 * has no back-pressure).
 */
public final class JavalinTunnelServer implements AutoCloseable {
    private static final String TRANSPORT = "tunnel.transport";

    private final Javalin app;
    private final BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();

    private JavalinTunnelServer(SessionConfig config) {
        app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyWebSocketServletFactory(factory -> {
                // Above the keepalive interval, so an idle tunnel stays open.
                factory.setIdleTimeout(Duration.ofSeconds(60));
                factory.setMaxBinaryMessageSize(config.maxMessageSize());
                factory.setMaxFrameSize(config.maxMessageSize());
            });
            cfg.routes.ws("/tunnel", ws -> {
                ws.onConnect(ctx -> {
                    CallbackTransport transport = new CallbackTransport(
                            message -> {
                                Callback.Completable done = new Callback.Completable();
                                ctx.session.sendBinary(message, done);
                                return done;
                            },
                            ctx::closeSession);
                    ctx.attribute(TRANSPORT, transport);
                    sessions.add(Session.server(transport, config));
                });
                ws.onBinaryMessage(ctx -> ctx.<CallbackTransport>attribute(TRANSPORT).receive(ctx.data()));
                ws.onClose(ctx -> ctx.<CallbackTransport>attribute(TRANSPORT).closed(ctx.status(), ctx.reason()));
                ws.onError(ctx -> {
                    CallbackTransport transport = ctx.attribute(TRANSPORT);
                    if (transport != null) {
                        transport.failed(ctx.error());
                    }
                });
            });
        });
    }

    /** Starts a server on a free loopback port. */
    public static JavalinTunnelServer start(SessionConfig config) {
        JavalinTunnelServer server = new JavalinTunnelServer(config);
        server.app.start("127.0.0.1", 0);
        return server;
    }

    /** Where agents dial. */
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + app.port() + "/tunnel");
    }

    /** The session of the next agent that connected. */
    public Session nextSession() throws InterruptedException {
        Session session = sessions.poll(10, TimeUnit.SECONDS);
        if (session == null) {
            throw new AssertionError("No agent connected within 10 s.");
        }
        return session;
    }

    /** Stops the HTTP server, which drops every tunnel. */
    @Override
    public void close() {
        CompletableFuture.runAsync(app::stop).orTimeout(30, TimeUnit.SECONDS).join();
    }
}
