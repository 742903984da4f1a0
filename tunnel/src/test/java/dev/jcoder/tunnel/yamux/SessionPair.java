package dev.jcoder.tunnel.yamux;

import dev.jcoder.tunnel.transport.PipeTransport;
import java.util.concurrent.TimeUnit;

/** A client and a server session joined by an in-memory pipe. Closing waits for both to terminate. */
final class SessionPair implements AutoCloseable {
    final PipeTransport.Pair pipe;
    final Session client;
    final Session server;

    private SessionPair(PipeTransport.Pair pipe, SessionConfig config) {
        this.pipe = pipe;
        this.client = Session.client(pipe.client(), config);
        this.server = Session.server(pipe.server(), config);
    }

    static SessionPair open(SessionConfig config) {
        return new SessionPair(PipeTransport.pair(), config);
    }

    /** Delivers inbound bytes in pieces of at most {@code chunkSize}, as WebSocket fragments arrive. */
    static SessionPair open(SessionConfig config, int chunkSize) {
        return new SessionPair(PipeTransport.pair(chunkSize), config);
    }

    /** Defaults without keepalive, so tests control every ping. */
    static SessionConfig quiet() {
        return SessionConfig.defaults().withKeepAlive(java.time.Duration.ZERO, java.time.Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        client.close();
        server.close();
        client.terminated().orTimeout(10, TimeUnit.SECONDS).join();
        server.terminated().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
