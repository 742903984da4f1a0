package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class ScpCommandsTest {
    private static final Path HOME = Path.of("/home/coder");

    @Test
    void absoluteTargetIsKept() {
        assertThat(ScpCommands.resolveTarget("scp -t /tmp/x", HOME)).isEqualTo("scp -t /tmp/x");
    }

    @Test
    void dotAndEmptyTargetsMeanHome() {
        assertThat(ScpCommands.resolveTarget("scp -t .", HOME)).isEqualTo("scp -t '/home/coder'");
        assertThat(ScpCommands.resolveTarget("scp -t", HOME)).isEqualTo("scp -t '/home/coder'");
    }

    @Test
    void relativeTargetIsUnderHomeAndKeepsSpaces() {
        assertThat(ScpCommands.resolveTarget("scp -r -t -- 'my dir/file'", HOME))
                .isEqualTo("scp -r -t -- '/home/coder/my dir/file'");
        assertThat(ScpCommands.resolveTarget("scp -f notes.txt", HOME)).isEqualTo("scp -f '/home/coder/notes.txt'");
    }
}
