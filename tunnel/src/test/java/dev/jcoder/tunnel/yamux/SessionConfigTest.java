package dev.jcoder.tunnel.yamux;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionConfigTest {

    @Test
    void defaultsAreTheDocumentedOnes() {
        SessionConfig config = SessionConfig.defaults();
        assertThat(config.acceptBacklog()).isEqualTo(256);
        assertThat(config.initialStreamWindow()).isEqualTo(256 * 1024);
        assertThat(config.maxStreamWindow()).isEqualTo(4 * 1024 * 1024);
        assertThat(config.windowGrowthBudget()).isEqualTo(64L * 1024 * 1024);
        assertThat(config.maxMessageSize()).isEqualTo(64 * 1024);
        assertThat(config.maxDataPayload()).isEqualTo(64 * 1024 - 12);
        assertThat(config.maxQueuedBytes()).isEqualTo(1024 * 1024);
        assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.streamOpenTimeout()).isEqualTo(Duration.ofSeconds(75));
        assertThat(config.streamCloseTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.closeTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void invalidValuesAreRejected() {
        SessionConfig config = SessionConfig.defaults();
        assertThatThrownBy(() -> config.withWindows(1024, 1024 * 1024)).hasMessageContaining("256 KiB");
        assertThatThrownBy(() -> config.withWindows(1024 * 1024, 512 * 1024)).hasMessageContaining("maxStreamWindow");
        assertThatThrownBy(() -> config.withAcceptBacklog(0)).hasMessageContaining("acceptBacklog");
        assertThatThrownBy(() -> config.withMaxMessageSize(100)).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> config.withKeepAlive(Duration.ofSeconds(1), Duration.ZERO)).hasMessageContaining("keepalive");
        assertThatThrownBy(() -> config.withStreamOpenTimeout(Duration.ZERO)).hasMessageContaining("timeouts");
        assertThat(config.withKeepAlive(Duration.ZERO, Duration.ofSeconds(1)).keepAliveInterval()).isZero();
    }
}
