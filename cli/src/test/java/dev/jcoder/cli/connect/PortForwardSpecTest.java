package dev.jcoder.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jcoder.cli.CliException;
import org.junit.jupiter.api.Test;

class PortForwardSpecTest {
    @Test
    void parsesCodersForms() {
        assertThat(PortForwardSpec.parse("8080")).containsExactly(new PortForwardSpec("127.0.0.1", 8080, 8080));
        assertThat(PortForwardSpec.parse("8080:3000")).containsExactly(new PortForwardSpec("127.0.0.1", 8080, 3000));
        assertThat(PortForwardSpec.parse("0.0.0.0:8080:3000")).containsExactly(new PortForwardSpec("0.0.0.0", 8080, 3000));
        assertThat(PortForwardSpec.parse("9000-9002:8000-8002")).containsExactly(
                new PortForwardSpec("127.0.0.1", 9000, 8000), new PortForwardSpec("127.0.0.1", 9001, 8001),
                new PortForwardSpec("127.0.0.1", 9002, 8002));
    }

    @Test
    void rejectsBadSpecs() {
        for (String bad : new String[] {"", "x", "80:", "1:2:3:4", "70000:1", "1:0", "9000-9002:9000", "5-3:5-3"}) {
            assertThatThrownBy(() -> PortForwardSpec.parse(bad)).as(bad).isInstanceOf(CliException.class)
                    .hasMessageStartingWith("Invalid port forward");
        }
    }
}
