package dev.jcoder.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.cli.CliRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentCommandTest {
    @TempDir
    Path config;

    @Test
    void helpNamesCodersFlagsAndVariables() {
        CliRunner.Result result = new CliRunner(config).run("agent", "--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("--agent-url", "$CODER_AGENT_URL", "--agent-token", "$CODER_AGENT_TOKEN",
                "--agent-token-file", "$CODER_AGENT_TOKEN_FILE", "--auth", "$CODER_AGENT_AUTH", "--log-dir",
                "$CODER_AGENT_LOG_DIR", "--script-data-dir");
    }

    @Test
    void missingUrlOrTokenAndUnsupportedAuthAreExplained() throws Exception {
        CliRunner cli = new CliRunner(config);
        assertThat(cli.run("agent", "--agent-token", "x").err()).contains("No deployment URL: set CODER_AGENT_URL");
        assertThat(cli.run("agent", "--agent-url", "http://127.0.0.1:1").err())
                .contains("No agent token: set CODER_AGENT_TOKEN or CODER_AGENT_TOKEN_FILE");
        assertThat(cli.run("agent", "--agent-url", "http://127.0.0.1:1", "--agent-token", "x", "--auth", "aws-instance-identity")
                .err()).contains("Unsupported --auth \"aws-instance-identity\"");
        Path missing = config.resolve("no-such-token");
        assertThat(cli.run("agent", "--agent-url", "http://127.0.0.1:1", "--agent-token-file", missing.toString()).err())
                .contains("Cannot read the agent token file " + missing);
        assertThat(Files.exists(missing)).isFalse();
    }
}
