package dev.jcoder.agent.pty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.service.ServiceStatus;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code reconnecting-pty} streams: the stream's id names a session; the first stream with
 * an id starts the shell (or {@code command}), later ones reattach. After the header the client
 * sends JSON objects {@code {"data": "...", "height": h, "width": w}} (Coder's web-terminal
 * messages; coderd writes one per line) and receives the terminal's raw output, starting with the
 * session's recent output.
 */
public final class ReconnectingPtyService implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReconnectingPtyService.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PtyOptions options;
    private final ConcurrentHashMap<UUID, PtySession> sessions = new ConcurrentHashMap<>();

    /** A message from the terminal's client. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Input(@JsonProperty("data") String data, @JsonProperty("height") int height, @JsonProperty("width") int width) {}

    public ReconnectingPtyService(PtyOptions options) {
        this.options = options;
    }

    /** Live sessions (attached or waiting for a client). */
    public int sessionCount() {
        return sessions.size();
    }

    /** Serves one stream whose header was read; returns when the client detaches or the process ends. */
    public void serve(Stream stream, ServiceRequest.ReconnectingPty request) throws IOException {
        PtySession session;
        try {
            session = sessions.computeIfAbsent(request.id(), id -> {
                try {
                    return PtySession.start(id, options, request.command(), request.height(), request.width(),
                            ended -> sessions.remove(ended.id(), ended));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            ServiceHeaders.reject(stream, ServiceStatus.FAILED, "The terminal could not start: " + e.getCause().getMessage());
            stream.close();
            return;
        }
        ServiceHeaders.accept(stream);
        if (!session.attach(stream, request.height(), request.width())) {
            stream.close(); // it ended between the lookup and the attach
            return;
        }
        try (MappingIterator<Input> inputs = JSON.readerFor(Input.class).readValues(stream.inputStream())) {
            while (inputs.hasNextValue()) {
                Input input = inputs.nextValue();
                if (input.data() != null && !input.data().isEmpty()) {
                    session.write(input.data().getBytes(StandardCharsets.UTF_8));
                }
                session.resize(input.height(), input.width());
            }
        } catch (JsonProcessingException | RuntimeJsonMappingException e) {
            log.debug("reconnecting pty {}: bad input: {}", request.id(), e.getMessage());
        } catch (IOException e) {
            // the client went away
        } finally {
            session.detach(stream);
            stream.close();
        }
    }

    @Override
    public void close() {
        sessions.values().forEach(PtySession::kill);
        sessions.clear();
    }
}
