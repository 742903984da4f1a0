package dev.jcoder.provisionerd.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.provisionerd.Timing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Terraform's -json UI lines as job logs, timings and errors. */
class MachineReadableOutputTest {
    private final List<String> lines = new ArrayList<>();
    private final MachineReadableOutput output = new MachineReadableOutput(
            (level, line) -> lines.add(level.value() + " " + line), "apply", () -> Instant.EPOCH);

    @Test
    void messagesBecomeLinesAtTheirLevel() {
        output.stdout("{\"@level\":\"info\",\"@message\":\"Terraform 1.11.4\",\"type\":\"version\"}");
        output.stdout("{\"@level\":\"warn\",\"@message\":\"Two\\nlines\",\"type\":\"log\"}");
        output.stdout("plain text from an old command");
        output.stdout("   ");
        output.stderr("something on stderr");

        assertThat(lines).containsExactly("info Terraform 1.11.4", "warn Two", "warn lines",
                "info plain text from an old command", "warn something on stderr");
    }

    @Test
    void errorDiagnosticsAreLoggedWithTheirDetailAndKept() {
        output.stdout("""
                {"@level":"error","@message":"Error: Invalid parameter value","type":"diagnostic","diagnostic":{"severity":"error","summary":"Invalid parameter value","detail":"value 12 is more than the maximum 8"}}""");
        output.stdout("""
                {"@level":"warn","@message":"Warning: Deprecated","type":"diagnostic","diagnostic":{"severity":"warning","summary":"Deprecated","detail":""}}""");

        assertThat(lines).containsExactly("error Error: Invalid parameter value", "error value 12 is more than the maximum 8",
                "warn Warning: Deprecated");
        assertThat(output.errors()).containsExactly("Invalid parameter value: value 12 is more than the maximum 8");
    }

    @Test
    void resourceHooksBecomeTimings() {
        output.stdout("""
                {"@level":"info","@message":"terraform_data.home: Creating...","@timestamp":"2026-11-25T07:00:00.100000Z","type":"apply_start","hook":{"resource":{"addr":"terraform_data.home","implied_provider":"terraform"},"action":"create"}}""");
        output.stdout("""
                {"@level":"info","@message":"coder_agent.main: Creating...","@timestamp":"2026-11-25T07:00:00.200000Z","type":"apply_start","hook":{"resource":{"addr":"coder_agent.main","implied_provider":"coder"},"action":"create"}}""");
        output.stdout("""
                {"@level":"info","@message":"terraform_data.home: Creation complete after 0s","@timestamp":"2026-11-25T07:00:00.500000Z","type":"apply_complete","hook":{"resource":{"addr":"terraform_data.home","implied_provider":"terraform"},"action":"create"}}""");
        output.stdout("""
                {"@level":"error","@message":"coder_agent.main: failed","@timestamp":"2026-11-25T07:00:01Z","type":"apply_errored","hook":{"resource":{"addr":"coder_agent.main","implied_provider":"coder"},"action":"create"}}""");

        assertThat(output.timings()).containsExactly(
                new Timing(Instant.parse("2026-11-25T07:00:00.100Z"), Instant.parse("2026-11-25T07:00:00.500Z"), "apply",
                        "terraform", "create", "terraform_data.home"),
                new Timing(Instant.parse("2026-11-25T07:00:00.200Z"), Instant.parse("2026-11-25T07:00:01Z"), "apply",
                        "coder", "create", "coder_agent.main"));
        assertThat(lines).contains("info terraform_data.home: Creating...", "error coder_agent.main: failed");
        assertThat(MachineReadableOutput.level("trace")).isEqualTo(LogLevel.TRACE);
    }
}
