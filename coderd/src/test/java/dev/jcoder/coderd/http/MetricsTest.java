package dev.jcoder.coderd.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.metrics.PrometheusEndpoint;
import dev.jcoder.coderd.testing.TestCoderd;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MetricsTest {
    @Test
    void prometheusEndpointServesCodersApiMetricsAndJvmMetrics() throws Exception {
        try (TestCoderd server = TestCoderd.start();
                PrometheusEndpoint endpoint = new PrometheusEndpoint(server.coderd().metricsRegistry(), "127.0.0.1", 0)) {
            server.anonymous().buildInfo();
            server.anonymous().hasFirstUser();
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(body).contains("coderd_api_requests_processed_total{code=\"200\",method=\"GET\",path=\"/api/v2/buildinfo\"}");
            assertThat(body).contains("coderd_api_request_latencies_seconds_bucket");
            assertThat(body).contains("coderd_api_concurrent_requests");
            assertThat(body).contains("jvm_memory_used_bytes");
        }
    }
}
