package dev.jcoder.coderd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CoderdConfigTest {
    @Test
    void defaultsAreCoders() {
        CoderdConfig config = CoderdConfig.defaults("jdbc:postgresql://db/coder");
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(3000);
        assertThat(config.accessUrl()).isEqualTo(URI.create(""));
        assertThat(config.sessionDuration()).isEqualTo(Duration.ofHours(24));
        assertThat(config.defaultTokenLifetime()).isEqualTo(Duration.ofHours(168));
        assertThat(config.maxTokenLifetime()).isEqualTo(Duration.ofHours(876600));
        assertThat(config.disableSessionExpiryRefresh()).isFalse();
        assertThat(config.secureAuthCookie()).isFalse();
        assertThat(config.apiRateLimit()).isEqualTo(512);
        assertThat(config.loginRateLimit()).isEqualTo(60);
        assertThat(config.autobuildPollInterval()).isEqualTo(Duration.ofMinutes(1));
        assertThat(config.maxRequestBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(config.passwordIterations()).isEqualTo(65535);
        assertThat(config.allowWorkspaceRenames()).isFalse();
    }

    @Test
    void withersChangeOnlyWhatTheyName() {
        CoderdConfig base = CoderdConfig.defaults("jdbc:postgresql://db/coder");
        CoderdConfig changed = base.withHttp("0.0.0.0", 8080).withRateLimits(-1, 5).withCookieAndSession(true, true)
                .withAllowWorkspaceRenames(true);
        assertThat(changed.allowWorkspaceRenames()).isTrue();
        assertThat(changed.httpHost()).isEqualTo("0.0.0.0");
        assertThat(changed.httpPort()).isEqualTo(8080);
        assertThat(changed.apiRateLimit()).isEqualTo(-1);
        assertThat(changed.loginRateLimit()).isEqualTo(5);
        assertThat(changed.secureAuthCookie()).isTrue();
        assertThat(changed.disableSessionExpiryRefresh()).isTrue();
        assertThat(changed.withHttp("127.0.0.1", 3000).withRateLimits(512, 60).withCookieAndSession(false, false)
                .withAllowWorkspaceRenames(false))
                .isEqualTo(base);
    }

    @Test
    void aDefaultTokenLifetimeAboveTheMaximumIsRefused() {
        CoderdConfig base = CoderdConfig.defaults("jdbc:postgresql://db/coder");
        assertThatThrownBy(() -> base.withTokenLifetimes(Duration.ofDays(2), Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longer than the maximum");
    }
}
