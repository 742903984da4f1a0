package dev.jcoder.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.cli.CliRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help texts and input errors of ssh, config-ssh and port-forward (no server needed). */
class ConnectCommandsHelpTest {
    @TempDir
    Path temp;

    private CliRunner cli() {
        return new CliRunner(temp.resolve("config"));
    }

    @Test
    void helpNamesCodersFlagsAndVariables() {
        var ssh = cli().run("ssh", "--help");
        assertThat(ssh.exitCode()).isZero();
        assertThat(ssh.out()).contains("--stdio", "CODER_SSH_STDIO", "--wait", "CODER_SSH_WAIT", "--remote-forward",
                "--forward-agent", "--env", "--disable-autostart").doesNotContain("--no-wait");
        var config = cli().run("config-ssh", "--help");
        assertThat(config.out()).contains("--ssh-host-prefix", "--ssh-config-file", "--dry-run", "--yes", "--ssh-option",
                "CODER_SSH_CONFIG_FILE");
        var forward = cli().run("port-forward", "--help");
        assertThat(forward.out()).contains("--tcp", "CODER_PORT_FORWARD_TCP");
    }

    @Test
    void badInputIsRejectedBeforeConnecting() {
        var wait = cli().run("ssh", "ws", "--wait", "maybe");
        assertThat(wait.exitCode()).isNotZero();
        assertThat(wait.err()).contains("Invalid value for --wait: \"maybe\"");
        var noPorts = cli().run("port-forward", "ws");
        assertThat(noPorts.exitCode()).isNotZero();
        assertThat(noPorts.err()).contains("No port-forwards requested");
        var badPort = cli().run("port-forward", "ws", "--tcp", "8080:nope");
        assertThat(badPort.err()).contains("Invalid port forward \"8080:nope\"");
        var notLoggedIn = cli().run("config-ssh", "--yes", "--ssh-config-file", temp.resolve("ssh_config").toString());
        assertThat(notLoggedIn.err()).contains("You are not logged in");
    }
}
