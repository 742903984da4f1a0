package dev.jcoder.coderd.http;

import dev.jcoder.coderd.errors.RateLimited;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A per-key limit of requests per minute, counted in fixed one-minute windows. Keys are user ids
 * or client IPs. A negative limit turns it off. Old windows are dropped as new ones start, so memory
 * stays proportional to the callers of the current minute.
 */
public final class RateLimiter {
    private final int perMinute;
    private final InstantSource clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile long currentMinute;

    public RateLimiter(int perMinute, InstantSource clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    public boolean enabled() {
        return perMinute >= 0;
    }

    /** Counts one request for {@code key}; throws 429 when it is over the limit. */
    public void acquire(String key) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        long minute = now.getEpochSecond() / 60;
        if (minute != currentMinute) {
            currentMinute = minute;
            windows.values().removeIf(window -> window.minute != minute);
        }
        Window window = windows.compute(key, (k, existing) ->
                existing == null || existing.minute != minute ? new Window(minute) : existing);
        if (window.count.incrementAndGet() > perMinute) {
            long retryAfter = Duration.between(now, Instant.ofEpochSecond((minute + 1) * 60)).toSeconds() + 1;
            throw new RateLimited("You've been rate limited for sending more than " + perMinute
                    + " requests in a minute.", "Try again in " + retryAfter + " seconds.");
        }
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
