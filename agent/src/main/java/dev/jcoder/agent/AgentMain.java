package dev.jcoder.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The entry point of the agent bundle that coderd serves at {@code /bin/coder-<os>-<arch>}: a
 * {@code coder} with only {@code coder agent} and {@code coder --version}, so that a workspace
 * downloads a few dozen MB instead of the whole server. {@code coder agent} in the full jar runs the
 * same {@link Agent} with the same flags and variables (see {@link AgentFlags}).
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) throws Exception {
        System.exit(run(List.of(args), System.getenv(), System.out, System.err));
    }

    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.getFirst().equals("--help") || args.getFirst().equals("-h")) {
            out.println("Usage: coder agent [flags]\n\nThis is the workspace agent bundle of jcoder (Coder " + version()
                    + "); it only runs `coder agent`.\n\n" + AgentFlags.HELP);
            return 0;
        }
        if (args.getFirst().equals("--version") || args.getFirst().equals("version")) {
            out.println("Coder " + version() + " (jcoder workspace agent)");
            return 0;
        }
        if (!args.getFirst().equals("agent")) {
            err.println("This agent bundle only runs `coder agent` (got `" + args.getFirst() + "`).");
            return 2;
        }
        AgentOptions options;
        try {
            options = AgentFlags.parse(args.subList(1, args.size()), env, version());
        } catch (AgentFlags.HelpRequested e) {
            out.println("Usage: coder agent [flags]\n\n" + AgentFlags.HELP);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        return runAgent(options);
    }

    /** Runs the agent until SIGTERM/SIGINT, which start the shutdown sequence (stop scripts, {@code off}). */
    public static int runAgent(AgentOptions options) throws InterruptedException, IOException {
        Agent agent = new Agent(options, InstantSource.system());
        Thread hook = new Thread(() -> {
            try {
                agent.stop(Duration.ofMinutes(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        agent.run();
        return 0;
    }

    /** The version in Coder's {@code v<semver>} form. */
    public static String version() {
        try (InputStream in = AgentMain.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            String version = properties.getProperty("version", "0.0.0-devel");
            return "v" + (version.startsWith("$") ? "0.0.0-devel" : version.replace("-SNAPSHOT", "-devel"));
        } catch (IOException e) {
            return "v0.0.0-devel";
        }
    }

    static String readTokenFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the agent token file " + file + ": " + e.getMessage());
        }
    }

    static URI parseUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("No deployment URL: set CODER_AGENT_URL (or --agent-url).");
        }
        URI uri = URI.create(url.strip());
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("CODER_AGENT_URL must be an http or https URL, got \"" + url + "\".");
        }
        return uri;
    }
}
