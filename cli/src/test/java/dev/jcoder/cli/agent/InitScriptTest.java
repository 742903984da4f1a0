package dev.jcoder.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The delivery chain with real programs: {@code sh} runs the init script that coderd serves, which
 * downloads the agent bundle with {@code curl}, unpacks its jlinked runtime and starts the agent,
 * which then reports to coderd. The bundle is built by {@code scripts/build-agent-bundle} (a no-op
 * when it is up to date).
 */
class InitScriptTest {
    private static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static TestCoderd server;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;

    @BeforeAll
    static void start() throws Exception {
        Process build = new ProcessBuilder(ROOT.resolve("scripts/build-agent-bundle").toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(build.waitFor(10, TimeUnit.MINUTES)).as("bundle build finished").isTrue();
        assertThat(build.exitValue()).as("scripts/build-agent-bundle exit code").isZero();
        server = TestCoderd.start(config -> config.withAgentBundleDirectory(ROOT.resolve(".build/agent")));
        owner = server.createFirstUser();
        daemons = EchoTemplates.startDaemons(server, owner, 1);
    }

    @AfterAll
    static void stop() {
        daemons.close();
        server.close();
    }

    private static String initScript(String os, String arch) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.url() + "/api/v2/init-script/" + os + "/" + arch)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Process runScript(String script, Path home, Map<String, String> env) throws IOException {
        Path file = home.resolve("init.sh");
        Files.writeString(file, script);
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", file.toString()).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(home.resolve("init.log").toFile());
        builder.environment().clear();
        builder.environment().putAll(Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "HOME", home.toString()));
        builder.environment().putAll(env);
        return builder.start();
    }

    @Test
    void initScriptDownloadsTheBundleAndStartsTheAgentWhichStopsCleanlyOnSigterm() throws Exception {
        var created = AgentWorkspaces.create(server, owner, Map.of("scripts", List.of(Map.of(
                "display_name", "Hello", "run_on_start", true, "script", "echo hello from $CODER_WORKSPACE_AGENT_NAME"))));
        UUID agentId = created.agent().id();
        Path home = Files.createTempDirectory("init-script-home");
        Process process = runScript(initScript("linux", "amd64"), home, Map.of("CODER_AGENT_TOKEN", created.token()));
        try {
            Awaitility.await("agent ready (log: " + home.resolve("init.log") + ")").atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> owner.workspaceAgent(agentId).lifecycleState() == WorkspaceAgentLifecycle.READY
                            && owner.workspaceAgent(agentId).status() == WorkspaceAgentStatus.CONNECTED);
            // Logs are sent in batches: ready can be reported before the script's output arrives.
            Awaitility.await("script output stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(owner.workspaceAgentLogs(agentId, 0)).extracting(l -> l.output())
                            .contains("hello from main"));
            assertThat(home.resolve(".cache/jcoder-agent/coder")).isExecutable();
            assertThat(home.resolve(".cache/jcoder-agent/coder.etag")).exists();
            assertThat(Files.readString(home.resolve("init.log"), StandardCharsets.UTF_8)).contains("Starting the jcoder agent (Coder ");
        } finally {
            process.destroy(); // SIGTERM: the agent runs its shutdown sequence
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("agent exited after SIGTERM").isTrue();
        }
        assertThat(owner.workspaceAgent(agentId).lifecycleState()).isEqualTo(WorkspaceAgentLifecycle.OFF);

        // A restarted workspace runs the script again: the cached agent is reused (ETag unchanged).
        long startedAt = System.nanoTime();
        Process again = runScript(initScript("linux", "amd64"), home, Map.of("CODER_AGENT_TOKEN", created.token()));
        try {
            Awaitility.await("agent ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> owner.workspaceAgent(agentId).lifecycleState() == WorkspaceAgentLifecycle.READY);
            long readyMillis = (System.nanoTime() - startedAt) / 1_000_000;
            assertThat(Files.readString(home.resolve("init.log"))).contains("The cached agent is up to date.");
            // The init script exec's the bundle, which exec's java: the process is the agent's JVM.
            String status = Files.readString(Path.of("/proc/" + again.pid() + "/status"));
            System.out.printf("init script start to ready (agent cached): %d ms; agent %s, %s%n", readyMillis,
                    status.lines().filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " "),
                    status.lines().filter(l -> l.startsWith("VmHWM")).findFirst().orElse("?").replaceAll("\\s+", " "));
        } finally {
            again.destroy();
            assertThat(again.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void anArchitectureWithoutBundleIsRetriedAndExplained() throws Exception {
        Path home = Files.createTempDirectory("init-script-home");
        Process process = runScript(initScript("linux", "arm64"), home,
                Map.of("CODER_AGENT_TOKEN", "unused", "CODER_AGENT_DOWNLOAD_RETRY_SECONDS", "1"));
        try {
            Path log = home.resolve("init.log");
            Awaitility.await("two failed download attempts").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> Files.readString(log).split("Trying again in 1 seconds", -1).length > 2);
            assertThat(Files.readString(log)).contains("error: failed to download the jcoder agent from "
                    + server.url() + "/bin/coder-linux-arm64");
        } finally {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
