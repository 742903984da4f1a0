package dev.jcoder.coderd.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateUserRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    @Test
    void inFlightRequestsFinishBeforeTheServerStops() throws Exception {
        // Real PBKDF2 rounds make user creation take long enough to still be running at shutdown.
        TestCoderd server = TestCoderd.start(config -> config.withPasswordIterations(2_000_000));
        CoderClient owner;
        try {
            owner = server.createFirstUser();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CompletableFuture<String> inFlight = CompletableFuture.supplyAsync(() -> owner.createUser(
                new CreateUserRequest("slow@example.com", "slow", "", TestCoderd.PASSWORD)).username());
        // Wait until the request is being processed: the server counts it as concurrent.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                server.coderd().metricsRegistry().get("coderd_api_concurrent_requests").gauge().value() >= 1);
        CoderClient anonymous = server.anonymous();
        server.coderd().shutdown(Duration.ofSeconds(30));
        assertThat(inFlight.get(30, TimeUnit.SECONDS)).isEqualTo("slow");
        assertThat(anonymous.healthy()).isFalse();
    }
}
