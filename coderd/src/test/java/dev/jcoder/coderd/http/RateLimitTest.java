package dev.jcoder.coderd.http;

import static dev.jcoder.coderd.testing.TestCoderd.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    @Test
    void apiRequestsAreLimitedPerUserPerMinute() {
        try (TestCoderd server = TestCoderd.start(config -> config.withRateLimits(20, 1000))) {
            server.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
            CoderClient owner = server.createFirstUser();
            int ok = 0;
            CoderApiException limited = null;
            for (int i = 0; i < 40 && limited == null; i++) {
                try {
                    owner.user("me");
                    ok++;
                } catch (CoderApiException e) {
                    limited = e;
                }
            }
            assertThat(limited).isNotNull();
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.response().message()).contains("rate limited");
            assertThat(ok).isEqualTo(20);
            // The next minute starts a new window.
            server.clock().advance(Duration.ofMinutes(1));
            assertThat(owner.user("me").username()).isEqualTo("owner");
        }
    }

    @Test
    void loginsAreLimitedPerAddress() {
        try (TestCoderd server = TestCoderd.start(config -> config.withRateLimits(-1, 5))) {
            server.clock().set(Instant.parse("2026-01-01T00:00:30Z"));
            server.createFirstUser(); // one login
            int status = 0;
            for (int i = 0; i < 10 && status != 429; i++) {
                try {
                    server.anonymous().login("owner@example.com", PASSWORD);
                } catch (CoderApiException e) {
                    status = e.statusCode();
                }
            }
            assertThat(status).isEqualTo(429);
        }
    }

    @Test
    void ownersMayBypassTheLimitWithCodersHeader() throws Exception {
        try (TestCoderd server = TestCoderd.start(config -> config.withRateLimits(3, 1000))) {
            server.clock().set(Instant.parse("2026-01-01T00:00:00Z"));
            CoderClient owner = server.createFirstUser();
            String token = owner.sessionToken().orElseThrow();
            var http = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 10; i++) {
                var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "/api/v2/users/me"))
                        .header("Coder-Session-Token", token).header("X-Coder-Bypass-Ratelimit", "true").build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }
}
