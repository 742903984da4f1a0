package dev.jcoder.cli.agent;

import dev.jcoder.agent.AgentFlags;
import dev.jcoder.agent.AgentMain;
import dev.jcoder.agent.AgentOptions;
import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.coderd.BuildVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code coder agent}: the workspace agent, with Coder's flags and variables. The agent bundle that
 * coderd serves to workspaces parses the same flags without picocli ({@link AgentFlags}).
 */
@Command(name = "agent", description = {"Starts the workspace agent (run inside a workspace, usually by the template's init script).",
    "It authenticates with CODER_AGENT_TOKEN, reports to CODER_AGENT_URL and stops cleanly on SIGTERM."},
        sortOptions = false)
public final class AgentCommand implements Callable<Integer> {
    /** Accepted like on every command; the agent talks to CODER_AGENT_URL with its own token, not the CLI session. */
    @Mixin
    GlobalOptions global;

    @Option(names = "--agent-url", defaultValue = "${env:CODER_AGENT_URL}", paramLabel = "<url>",
            description = "URL for an agent to access your deployment. Env: $CODER_AGENT_URL.")
    String url;

    @Option(names = "--agent-token", defaultValue = "${env:CODER_AGENT_TOKEN}", paramLabel = "<token>",
            description = "An agent authentication token. Env: $CODER_AGENT_TOKEN.")
    String token;

    @Option(names = "--agent-token-file", defaultValue = "${env:CODER_AGENT_TOKEN_FILE}", paramLabel = "<path>",
            description = "A file containing an agent authentication token. Env: $CODER_AGENT_TOKEN_FILE.")
    String tokenFile;

    @Option(names = "--auth", defaultValue = "${env:CODER_AGENT_AUTH:-token}", paramLabel = "<kind>",
            description = "Specify the authentication type to use for the agent (only \"token\" is supported). "
                    + "Env: $CODER_AGENT_AUTH. Default: ${DEFAULT-VALUE}.")
    String auth;

    @Option(names = "--log-dir", defaultValue = "${env:CODER_AGENT_LOG_DIR}", paramLabel = "<path>",
            description = "Specify the location for the agent log files (default: the temp directory). Env: $CODER_AGENT_LOG_DIR.")
    String logDir;

    @Option(names = "--script-data-dir", defaultValue = "${env:CODER_AGENT_SCRIPT_DATA_DIR}", paramLabel = "<path>",
            description = "Specify the location for storing script data (default: the temp directory). Env: $CODER_AGENT_SCRIPT_DATA_DIR.")
    String scriptDataDir;

    @Override
    public Integer call() throws Exception {
        AgentOptions options;
        try {
            options = AgentFlags.options(url, token, tokenFile, auth, logDir, scriptDataDir, BuildVersion.version());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return AgentMain.runAgent(options);
    }
}
