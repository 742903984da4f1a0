package dev.jcoder.tunnel.pump;

import dev.jcoder.tunnel.service.ServiceHeaderException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceResponse;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Forwards a stream that arrived with a stream header to another session: what coderd does for a
 * CLI connection (CLI session → agent tunnel) and what a replica does for a peer replica. The
 * header is read, checked by a policy (coderd's authorization), re-sent on a new stream of the
 * target session, the target's answer is passed back unchanged (so "Nothing is listening on
 * 127.0.0.1:3000" reaches the user as the agent wrote it), then both streams are pumped.
 */
public final class Relay {
    private Relay() {
    }

    /**
     * Relays {@code incoming} to a new stream of {@code target}. Blocks while the headers are
     * exchanged (call it on a virtual thread), then returns the running pump.
     *
     * @param policy        empty to allow the request, or the refusal to answer with (for example
     *                      {@code ServiceResponse.error(FORBIDDEN, "…")})
     * @param answerTimeout how long the target may take to answer the header
     * @return the pump's result; a refused or failed relay completes at once with the failure
     */
    public static CompletableFuture<PumpResult> forward(Stream incoming, Session target,
            Function<ServiceRequest, Optional<ServiceResponse>> policy, Duration answerTimeout) {
        Objects.requireNonNull(incoming, "incoming");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(policy, "policy");
        Stream outgoing = null;
        try {
            ServiceRequest request;
            try {
                request = ServiceHeaders.readRequest(incoming.inputStream());
            } catch (ServiceHeaderException e) {
                return refused(incoming, new ServiceHeaderException(e.status(), e.getMessage()));
            }
            Optional<ServiceResponse> refusal = policy.apply(request);
            if (refusal.isPresent() && !refusal.get().isOk()) {
                return refused(incoming, new ServiceHeaderException(refusal.get().status(), refusal.get().message()));
            }
            outgoing = target.open();
            try {
                ServiceHeaders.connect(outgoing, request, answerTimeout);
            } catch (ServiceHeaderException e) {
                return refused(incoming, e);
            }
            ServiceHeaders.accept(incoming);
            return BytePump.start(Duplex.of(incoming), Duplex.of(outgoing));
        } catch (IOException | RuntimeException e) {
            incoming.reset();
            if (outgoing != null) {
                outgoing.reset();
            }
            IOException failure = e instanceof IOException io ? io : new IOException(e);
            return CompletableFuture.completedFuture(new PumpResult(0, 0, Optional.of(failure)));
        }
    }

    private static CompletableFuture<PumpResult> refused(Stream incoming, ServiceHeaderException refusal) throws IOException {
        ServiceHeaders.reject(incoming, refusal.status(), refusal.getMessage());
        incoming.close();
        return CompletableFuture.completedFuture(new PumpResult(0, 0, Optional.of(refusal)));
    }
}
