package dev.jcoder.agent;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The flags of {@code coder agent} and their {@code CODER_*} variables, as Coder's: a flag wins over
 * its variable. The full {@code coder} jar declares the same options with picocli (for its help
 * system); the agent bundle parses them here, without picocli.
 */
public final class AgentFlags {
    static final String HELP = """
            Options:
              --agent-url string           $CODER_AGENT_URL        URL of the deployment (the access URL).
              --agent-token string         $CODER_AGENT_TOKEN      The agent's token.
              --agent-token-file string    $CODER_AGENT_TOKEN_FILE A file holding the agent's token.
              --auth string                $CODER_AGENT_AUTH       How the agent authenticates (default: token; the only kind supported).
              --log-dir string             $CODER_AGENT_LOG_DIR    Where the agent and its scripts write logs (default: the temp directory).
              --script-data-dir string     $CODER_AGENT_SCRIPT_DATA_DIR  Where scripts are stored and may keep data (default: the temp directory).
            """;

    /** {@code --help} was given. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super("help", null, false, false);
        }
    }

    private AgentFlags() {}

    /** Parses {@code --flag value} and {@code --flag=value} over the variables in {@code env}. */
    public static AgentOptions parse(List<String> args, Map<String, String> env, String version) {
        String url = env.get("CODER_AGENT_URL");
        String token = env.get("CODER_AGENT_TOKEN");
        String tokenFile = env.get("CODER_AGENT_TOKEN_FILE");
        String auth = env.getOrDefault("CODER_AGENT_AUTH", "token");
        String logDir = env.get("CODER_AGENT_LOG_DIR");
        String scriptDataDir = env.get("CODER_AGENT_SCRIPT_DATA_DIR");
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                throw new HelpRequested();
            }
            String name = arg;
            String value;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new IllegalArgumentException("Flag " + arg + " needs a value.");
            }
            switch (name) {
                case "--agent-url" -> url = value;
                case "--agent-token" -> token = value;
                case "--agent-token-file" -> tokenFile = value;
                case "--auth" -> auth = value;
                case "--log-dir" -> logDir = value;
                case "--script-data-dir" -> scriptDataDir = value;
                default -> throw new IllegalArgumentException("Unknown flag " + name + " for `coder agent`.\n\n" + HELP);
            }
        }
        return options(url, token, tokenFile, auth, logDir, scriptDataDir, version);
    }

    /** Builds options from the resolved values (flags over variables); blank values take the defaults. */
    public static AgentOptions options(String url, String token, String tokenFile, String auth, String logDir,
            String scriptDataDir, String version) {
        String resolvedToken = token;
        if ((resolvedToken == null || resolvedToken.isBlank()) && tokenFile != null && !tokenFile.isBlank()) {
            resolvedToken = AgentMain.readTokenFile(Path.of(tokenFile));
        }
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        return new AgentOptions(AgentMain.parseUrl(url), resolvedToken == null ? "" : resolvedToken.strip(), auth,
                logDir == null || logDir.isBlank() ? temp : Path.of(logDir),
                scriptDataDir == null || scriptDataDir.isBlank() ? temp.resolve("coder-script-data") : Path.of(scriptDataDir),
                version);
    }
}
