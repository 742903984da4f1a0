package dev.jcoder.coderd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.coderd.testing.TestCoderd;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortInUseTest {
    @Test
    void aServerThatCannotListenFailsAndLeavesNoListenerRunning() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> TestCoderd.start(config -> config.withHttp("127.0.0.1", taken.getLocalPort())))
                    .isInstanceOf(RuntimeException.class);
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                            .noneMatch(thread -> thread.getName().equals("pubsub-listener")));
        }
    }
}
