package dev.jcoder.codersdk;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Items a server pushes over Server-Sent Events ({@code GET /workspaces/{id}/watch}), read on a
 * virtual thread and handed out in order. Frames are {@code event: <type>} and {@code data: <json>}
 * lines ended by a blank line; {@code data} events become items, {@code ping} events are skipped,
 * an {@code error} event ends the stream with its {@link Response} as {@link #failure()}.
 * Close the stream to stop reading.
 */
public final class EventStream<T> implements AutoCloseable {
    private static final Object END = new Object();

    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final Closeable connection;
    private final Thread reader;
    private volatile Optional<Response> failure = Optional.empty();
    private volatile boolean ended;

    EventStream(BufferedReader lines, Closeable connection, Function<String, T> decode) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.reader = Thread.ofVirtual().name("sse-reader").start(() -> read(lines, decode));
    }

    private void read(BufferedReader lines, Function<String, T> decode) {
        try {
            String event = "";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!dispatch(event, data.toString(), decode)) {
                        return;
                    }
                    event = "";
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).strip();
                } else if (line.startsWith("data:")) {
                    if (!data.isEmpty()) {
                        data.append('\n');
                    }
                    data.append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!ended) {
                failure = Optional.of(Response.of("The event stream broke.", String.valueOf(e.getMessage())));
            }
        } finally {
            items.add(END);
        }
    }

    /** Hands out one event; false when the stream must end. */
    private boolean dispatch(String event, String data, Function<String, T> decode) {
        switch (event) {
            case "data" -> items.add(decode.apply(data));
            case "error" -> {
                failure = Optional.of(Json.mapper().convertValue(parse(data), Response.class));
                return false;
            }
            default -> {
                // "ping" and unnamed events keep the connection alive; nothing to hand out.
            }
        }
        return true;
    }

    private static Object parse(String data) {
        try {
            return Json.mapper().readTree(data);
        } catch (IOException e) {
            return Response.of("The server reported an error.", data);
        }
    }

    /** Waits for the next item; empty once the stream has ended (closed, failed or the server hung up). */
    public Optional<T> next() throws InterruptedException {
        return unwrap(items.take());
    }

    /** Like {@link #next()} but gives up after {@code timeout}; empty then too (see {@link #ended()}). */
    public Optional<T> next(Duration timeout) throws InterruptedException {
        Object item = items.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return item == null ? Optional.empty() : unwrap(item);
    }

    @SuppressWarnings("unchecked")
    private Optional<T> unwrap(Object item) {
        if (item == END) {
            ended = true;
            items.add(END); // later calls see the end too
            return Optional.empty();
        }
        return Optional.of((T) item);
    }

    /** True once {@link #next()} has seen the end of the stream. */
    public boolean ended() {
        return ended;
    }

    /** The error the server sent (or the broken connection), if the stream ended because of one. */
    public Optional<Response> failure() {
        return failure;
    }

    @Override
    public void close() {
        ended = true;
        try {
            connection.close();
        } catch (IOException e) {
            // The connection is going away either way.
        }
        reader.interrupt();
    }
}
