package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class SshServerConfigTest {
    @Test
    void defaultsSuitAnAgent() {
        SshServerConfig config = SshServerConfig.defaults();

        assertThat(config.port()).isZero();
        assertThat(config.hostKeyFile()).isEmpty();
        assertThat(config.environment()).isEmpty();
        assertThat(config.workingDirectory()).isEmpty();
        assertThat(config.motdFile()).isEmpty();
        assertThat(config.shell()).isEmpty();
    }

    @Test
    void environmentIsCopied() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("CODER", "true"));
        SshServerConfig config = SshServerConfig.builder().environment(env).build();
        env.put("LATER", "x");

        assertThat(config.environment()).containsExactly(Map.entry("CODER", "true"));
    }

    @Test
    void portOutOfRangeIsRejected() {
        assertThatThrownBy(() -> SshServerConfig.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sessionTypeComesFromTheMarkerVariable() {
        assertThat(SessionType.ofClientEnvironment(Map.of("CODER_SSH_SESSION_TYPE", "vscode"))).isEqualTo(SessionType.VSCODE);
        assertThat(SessionType.ofClientEnvironment(Map.of("CODER_SSH_SESSION_TYPE", "JetBrains"))).isEqualTo(SessionType.JETBRAINS);
        assertThat(SessionType.ofClientEnvironment(Map.of())).isEqualTo(SessionType.SSH);
    }
}
