package dev.jcoder.tunnel.yamux;

import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of one yamux session. {@link #defaults()} follows the relay prototype's measurements:
 * 64 KiB messages, windows that start at the spec's 256 KiB and grow up to 4 MiB when the
 * consumer keeps up and the window limits throughput (window/RTT is what caps a WAN link).
 *
 * @param acceptBacklog         inbound streams waiting for {@code accept()}; more are refused with RST
 * @param initialStreamWindow   receive window granted to each new stream (at least 256 KiB; the
 *                              excess is announced with the SYN/ACK)
 * @param maxStreamWindow       largest receive window a stream may grow to
 * @param windowGrowthBudget    total bytes of window growth (beyond the initial window) over all
 *                              streams of the session: bounds memory when many streams stall
 * @param maxMessageSize        largest transport message the writer sends (frames are coalesced up to it)
 * @param maxQueuedBytes        data bytes the writer may hold before {@code write()} blocks
 * @param keepAliveInterval     time between keepalive pings; zero disables keepalive
 * @param keepAliveTimeout      a ping unanswered this long ends the session
 * @param streamOpenTimeout     an opened stream not acknowledged this long is reset
 * @param streamCloseTimeout    a stream closed here whose peer has not sent FIN this long is reset,
 *                              so a peer that never finishes cannot leak streams (as hashicorp/yamux)
 * @param closeTimeout          how long {@code close()} waits to flush queued frames
 */
public record SessionConfig(
        int acceptBacklog,
        int initialStreamWindow,
        int maxStreamWindow,
        long windowGrowthBudget,
        int maxMessageSize,
        int maxQueuedBytes,
        Duration keepAliveInterval,
        Duration keepAliveTimeout,
        Duration streamOpenTimeout,
        Duration streamCloseTimeout,
        Duration closeTimeout) {

    /** The window every yamux peer assumes for a new stream (spec: "Flow Control"). */
    public static final int SPEC_INITIAL_WINDOW = 256 * 1024;

    public SessionConfig {
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(streamOpenTimeout, "streamOpenTimeout");
        Objects.requireNonNull(streamCloseTimeout, "streamCloseTimeout");
        Objects.requireNonNull(closeTimeout, "closeTimeout");
        if (acceptBacklog < 1) {
            throw new IllegalArgumentException("acceptBacklog must be positive");
        }
        if (initialStreamWindow < SPEC_INITIAL_WINDOW) {
            throw new IllegalArgumentException("initialStreamWindow must be at least 256 KiB");
        }
        if (maxStreamWindow < initialStreamWindow) {
            throw new IllegalArgumentException("maxStreamWindow must be at least initialStreamWindow");
        }
        if (windowGrowthBudget < 0) {
            throw new IllegalArgumentException("windowGrowthBudget must not be negative");
        }
        if (maxMessageSize < 1024) {
            throw new IllegalArgumentException("maxMessageSize must be at least 1 KiB");
        }
        if (maxQueuedBytes < maxMessageSize) {
            throw new IllegalArgumentException("maxQueuedBytes must be at least maxMessageSize");
        }
        if (keepAliveInterval.isNegative() || keepAliveTimeout.isNegative() || keepAliveTimeout.isZero()) {
            throw new IllegalArgumentException("keepalive durations must be positive (interval zero disables)");
        }
        if (!streamOpenTimeout.isPositive() || !streamCloseTimeout.isPositive() || !closeTimeout.isPositive()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** The defaults for coderd, the agent and the CLI. */
    public static SessionConfig defaults() {
        return new SessionConfig(
                256,
                SPEC_INITIAL_WINDOW,
                4 * 1024 * 1024,
                64L * 1024 * 1024,
                64 * 1024,
                1024 * 1024,
                // Below Jetty's 30 s default idle timeout, so an idle tunnel stays open.
                Duration.ofSeconds(15),
                Duration.ofSeconds(30),
                Duration.ofSeconds(75),
                Duration.ofMinutes(5),
                Duration.ofSeconds(5));
    }

    /** Largest DATA payload that fits one message with its header. */
    public int maxDataPayload() {
        return maxMessageSize - FrameHeader.SIZE;
    }

    public SessionConfig withAcceptBacklog(int value) {
        return new SessionConfig(value, initialStreamWindow, maxStreamWindow, windowGrowthBudget, maxMessageSize,
                maxQueuedBytes, keepAliveInterval, keepAliveTimeout, streamOpenTimeout, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withWindows(int initial, int max) {
        return new SessionConfig(acceptBacklog, initial, max, windowGrowthBudget, maxMessageSize,
                maxQueuedBytes, keepAliveInterval, keepAliveTimeout, streamOpenTimeout, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withWindowGrowthBudget(long value) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, value, maxMessageSize,
                maxQueuedBytes, keepAliveInterval, keepAliveTimeout, streamOpenTimeout, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withMaxMessageSize(int value) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, windowGrowthBudget, value,
                Math.max(maxQueuedBytes, value), keepAliveInterval, keepAliveTimeout, streamOpenTimeout, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withKeepAlive(Duration interval, Duration timeout) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, windowGrowthBudget,
                maxMessageSize, maxQueuedBytes, interval, timeout, streamOpenTimeout, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withStreamOpenTimeout(Duration value) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, windowGrowthBudget,
                maxMessageSize, maxQueuedBytes, keepAliveInterval, keepAliveTimeout, value, streamCloseTimeout, closeTimeout);
    }

    public SessionConfig withStreamCloseTimeout(Duration value) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, windowGrowthBudget,
                maxMessageSize, maxQueuedBytes, keepAliveInterval, keepAliveTimeout, streamOpenTimeout, value, closeTimeout);
    }

    public SessionConfig withCloseTimeout(Duration value) {
        return new SessionConfig(acceptBacklog, initialStreamWindow, maxStreamWindow, windowGrowthBudget,
                maxMessageSize, maxQueuedBytes, keepAliveInterval, keepAliveTimeout, streamOpenTimeout, streamCloseTimeout, value);
    }
}
