package dev.jcoder.agent.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UserAccountTest {
    @Test
    void currentUserHasAHomeAndAnExecutableShell() {
        UserAccount account = UserAccount.current(Optional.empty());

        assertThat(account.name()).isEqualTo(System.getProperty("user.name"));
        assertThat(Files.isDirectory(account.home())).isTrue();
        assertThat(Files.isExecutable(Path.of(account.shell()))).isTrue();
        assertThat(account.loginEnvironment()).containsEntry("HOME", account.home().toString())
                .containsEntry("SHELL", account.shell());
    }

    @Test
    void configuredShellWins() {
        assertThat(UserAccount.current(Optional.of("/bin/sh")).shell()).isEqualTo("/bin/sh");
    }
}
