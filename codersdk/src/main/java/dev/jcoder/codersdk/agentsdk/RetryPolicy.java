package dev.jcoder.codersdk.agentsdk;

import dev.jcoder.codersdk.CoderApiException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Exponential back-off for calls to a server that may be restarting: the first retry after
 * {@code initial}, each next one {@code factor} times later, never more than {@code max} apart.
 * Only failures that can pass are retried: the server unreachable, 5xx (including 503 while it
 * drains) and 429. Other answers (400, 401, 403, 404, 413) are final and thrown at once.
 */
public record RetryPolicy(Duration initial, Duration max, double factor) {
    public RetryPolicy {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || factor < 1) {
            throw new IllegalArgumentException("need 0 < initial <= max and factor >= 1");
        }
    }

    /** 250 ms doubling up to 2 s: a restarted server is noticed within about 2 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofMillis(250), Duration.ofSeconds(2), 2);
    }

    /** True for failures worth retrying (see the class comment). */
    public static boolean isTransient(RuntimeException failure) {
        if (failure instanceof UncheckedIOException) {
            return true;
        }
        if (failure instanceof CoderApiException api) {
            return api.statusCode() >= 500 || api.statusCode() == 429;
        }
        return false;
    }

    /** The delay before attempt {@code attempt} (1 = the first retry). */
    public Duration delay(int attempt) {
        double millis = initial.toMillis() * Math.pow(factor, Math.max(0, attempt - 1));
        return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
    }

    /**
     * Calls {@code call} until it succeeds or fails for good; {@code onRetry} sees each transient
     * failure (for logging). Throws {@link InterruptedException} when the thread is interrupted
     * while waiting.
     */
    public <T> T run(Supplier<T> call, Consumer<RuntimeException> onRetry) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) {
                    throw e;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("Interrupted while retrying: " + e.getMessage());
                }
                onRetry.accept(e);
                Thread.sleep(delay(attempt));
            }
        }
    }
}
