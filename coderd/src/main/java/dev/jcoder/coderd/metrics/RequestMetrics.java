package dev.jcoder.coderd.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coder's API request metrics: {@code coderd_api_requests_processed_total},
 * {@code coderd_api_request_latencies_seconds} and {@code coderd_api_concurrent_requests}, labelled
 * by method, route pattern and status code.
 */
public final class RequestMetrics {
    private final MeterRegistry registry;
    private final AtomicInteger concurrent = new AtomicInteger();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("coderd_api_concurrent_requests", concurrent, AtomicInteger::get)
                .description("The number of concurrent API requests.")
                .register(registry);
    }

    public void started() {
        concurrent.incrementAndGet();
    }

    public void finished(String method, String route, int status, Duration latency) {
        concurrent.decrementAndGet();
        Counter.builder("coderd_api_requests_processed")
                .description("The total number of processed API requests.")
                .tag("code", Integer.toString(status))
                .tag("method", method)
                .tag("path", route)
                .register(registry)
                .increment();
        Timer.builder("coderd_api_request_latencies_seconds")
                .description("Latency distribution of requests in seconds.")
                .tag("method", method)
                .tag("path", route)
                .publishPercentileHistogram()
                .register(registry)
                .record(latency);
    }

    public int concurrentRequests() {
        return concurrent.get();
    }
}
