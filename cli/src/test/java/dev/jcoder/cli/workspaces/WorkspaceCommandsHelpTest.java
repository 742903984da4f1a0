package dev.jcoder.cli.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.cli.CliRunner;
import dev.jcoder.cli.CliRunner.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Help texts and flag checks that need no server. */
class WorkspaceCommandsHelpTest {
    @TempDir
    Path temp;

    private Result run(String... args) {
        return new CliRunner(temp).run(args);
    }

    @Test
    void rootHelpListsTheWorkspaceCommands() {
        Result help = run("--help");
        assertThat(help.out()).contains("create", "list", "show", "start", "stop", "restart", "update", "delete", "rename",
                "logs", "schedule", "favorite", "unfavorite", "autoupdate");
    }

    @Test
    void createHelpNamesCodersFlagsAndEnvironmentVariables() {
        Result help = run("create", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("-t, --template", "$CODER_TEMPLATE_NAME", "--template-version", "--preset",
                "--start-at", "$CODER_WORKSPACE_START_AT", "--stop-after", "--automatic-updates", "--copy-parameters-from",
                "--parameter", "$CODER_RICH_PARAMETER", "--rich-parameter-file", "--parameter-default", "--no-wait",
                "-y, --yes", "-O, --org");
    }

    @Test
    void listAndScheduleHelpDescribeColumnsAndSyntax() {
        assertThat(run("ls", "--help").out()).contains("-a, --all", "--search", "-o, --output", "daily cost", "Default: workspace,");
        assertThat(run("schedule", "--help").out()).contains("show", "start", "stop", "extend");
        assertThat(run("schedule", "start", "--help").out()).contains("<start-time> [day-of-week] [location]", "Mon-Fri");
        assertThat(run("schedule", "override-stop", "--help").out()).contains("at least 30 minutes");
        assertThat(run("delete", "--help").out()).contains("--orphan");
        assertThat(run("logs", "--help").out()).contains("-f, --follow", "-n, --build-number");
    }

    @Test
    void badFlagValuesFailBeforeTheServerIsAsked() {
        // No server runs at this URL: these must fail on the flag, not on the connection.
        Result schedule = run("create", "ws", "-t", "t", "--url", "http://127.0.0.1:9", "--token", "x", "--start-at", "9:30 Mon-Fri Nowhere/City");
        assertThat(schedule.exitCode()).isEqualTo(1);
        assertThat(schedule.err()).contains("Invalid location \"Nowhere/City\"");
        Result updates = run("create", "ws", "-t", "t", "--url", "http://127.0.0.1:9", "--token", "x", "--automatic-updates", "weekly");
        assertThat(updates.err()).contains("Invalid --automatic-updates \"weekly\"");
        Result extend = run("schedule", "extend", "ws", "5m", "--url", "http://127.0.0.1:9", "--token", "x");
        assertThat(extend.err()).contains("Please specify a duration of at least 30 minutes.");
        Result policy = run("autoupdate", "ws", "weekly", "--url", "http://127.0.0.1:9", "--token", "x");
        assertThat(policy.err()).contains("Invalid option \"weekly\": must be one of [always never].");
    }
}
