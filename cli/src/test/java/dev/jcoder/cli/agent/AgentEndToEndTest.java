package dev.jcoder.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.ApiAssertions;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.EventStream;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAgentMetadata;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import dev.jcoder.tunnel.pump.BytePump;
import dev.jcoder.tunnel.pump.Duplex;
import dev.jcoder.tunnel.service.ServiceHeaders;
import dev.jcoder.tunnel.service.ServiceRequest;
import dev.jcoder.tunnel.yamux.Session;
import dev.jcoder.tunnel.yamux.Stream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The agent against a real coderd: workspaces built by the echo provisioner, the agent running in-process. */
class AgentEndToEndTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;
    private static HttpServer app;

    @BeforeAll
    static void start() throws IOException {
        server = TestCoderd.start(config -> config.withAgentStatsRefreshInterval(Duration.ofMillis(300)));
        owner = server.createFirstUser();
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        app = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        app.createContext("/", exchange -> {
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        app.start();
    }

    @AfterAll
    static void stop() {
        app.stop(0);
        daemons.close();
        server.close();
    }

    private static ConditionFactory await(String what) {
        return Awaitility.await(what).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    private static WorkspaceAgent agentOf(UUID id) {
        return owner.workspaceAgent(id);
    }

    private static List<String> outputs(UUID agentId) {
        return owner.workspaceAgentLogs(agentId, 0).stream().map(WorkspaceAgentLog::output).toList();
    }

    @Test
    void agentBecomesReadyReportsEverythingAndShutsDownThroughItsStopScript() throws Exception {
        String appUrl = "http://127.0.0.1:" + app.getAddress().getPort();
        var created = AgentWorkspaces.create(server, owner, Map.of(
                "directory", "~",
                "environment_variables", Map.of("FOO", "bar"),
                "scripts", List.of(
                        Map.of("display_name", "Start", "run_on_start", true,
                                "script", "echo started-$CODER_WORKSPACE_NAME-$CODER_WORKSPACE_AGENT_NAME; echo foo=$FOO; echo coder=$CODER"),
                        Map.of("display_name", "Stop", "run_on_stop", true, "script", "echo stopping-now")),
                "metadata", List.of(Map.of("key", "greeting", "display_name", "Greeting", "script", "echo hi-$FOO",
                        "interval_seconds", 1, "timeout_seconds", 5)),
                "apps", List.of(Map.of("slug", "web", "display_name", "Web", "url", appUrl,
                        "healthcheck", Map.of("url", appUrl + "/health", "interval", 1, "threshold", 2)))));
        UUID agentId = created.agent().id();
        assertThat(created.agent().lifecycleState()).isEqualTo(WorkspaceAgentLifecycle.CREATED);
        assertThat(created.agent().status()).isEqualTo(WorkspaceAgentStatus.CONNECTING);

        try (RunningAgent running = RunningAgent.start(server.url(), created.token())) {
            await("agent ready").until(() -> agentOf(agentId).lifecycleState() == WorkspaceAgentLifecycle.READY);
            WorkspaceAgent ready = agentOf(agentId);
            assertThat(ready.status()).isEqualTo(WorkspaceAgentStatus.CONNECTED);
            assertThat(ready.health().healthy()).isTrue();
            assertThat(ready.version()).isEqualTo("v0.0.0-test");
            assertThat(ready.expandedDirectory()).isEqualTo(System.getProperty("user.home"));
            assertThat(ready.firstConnectedAt()).isNotNull();
            assertThat(ready.startedAt()).isNotNull();
            assertThat(ready.readyAt()).isNotNull();

            String workspace = created.workspace().name();
            try {
                await("start script logs").until(() -> outputs(agentId).containsAll(
                        List.of("started-" + workspace + "-main", "foo=bar", "coder=true")));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("logs: " + outputs(agentId), e);
            }
            WorkspaceAgentLog first = owner.workspaceAgentLogs(agentId, 0).getFirst();
            assertThat(ready.logSources()).extracting(s -> s.id()).contains(first.sourceId());
            assertThat(owner.workspaceAgentLogs(agentId, first.id())).hasSize(outputs(agentId).size() - 1);
            assertThat(running.logDir.resolve("coder-script-" + first.sourceId() + ".log"))
                    .content().contains("started-" + workspace + "-main");

            List<WorkspaceAgentLog> followed = new ArrayList<>();
            owner.followWorkspaceAgentLogs(agentId, 0, batch -> {
                followed.addAll(batch);
                return followed.size() < 3;
            });
            assertThat(followed).extracting(WorkspaceAgentLog::output).startsWith("started-" + workspace + "-main");

            try (EventStream<WorkspaceAgentMetadata[]> watch = owner.watchWorkspaceAgentMetadata(agentId)) {
                String value = "";
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!value.equals("hi-bar") && System.nanoTime() < deadline) {
                    Optional<WorkspaceAgentMetadata[]> next = watch.next(Duration.ofSeconds(20));
                    assertThat(next).as("a metadata event").isPresent();
                    assertThat(next.get()).hasSize(1);
                    assertThat(next.get()[0].description().key()).isEqualTo("greeting");
                    value = next.get()[0].result().value();
                }
                assertThat(value).isEqualTo("hi-bar");
            }

            await("app healthy").until(() -> agentOf(agentId).apps().getFirst().health() == WorkspaceAppHealth.HEALTHY);

            assertThat(owner.workspaceAgentListeningPorts(agentId).ports())
                    .anySatisfy(port -> {
                        assertThat(port.port()).isEqualTo(app.getAddress().getPort());
                        assertThat(port.processName()).isEqualTo("java");
                    });

            running.stop();
            WorkspaceAgent off = agentOf(agentId);
            assertThat(off.lifecycleState()).isEqualTo(WorkspaceAgentLifecycle.OFF);
            assertThat(outputs(agentId)).contains("stopping-now");
            await("tunnel closed").until(() -> agentOf(agentId).disconnectedAt() != null);
            // The server's clock stands still in tests: let the 6 s inactivity rule see the missing heartbeats.
            server.clock().advance(Duration.ofSeconds(10));
            assertThat(agentOf(agentId).status()).isEqualTo(WorkspaceAgentStatus.DISCONNECTED);
        }
    }

    @Test
    void sshThroughTheTunnelReachesTheAgentAndAnOpenSessionMarksTheWorkspaceUsed() throws Exception {
        var created = AgentWorkspaces.create(server, owner, Map.of());
        UUID agentId = created.agent().id();
        try (RunningAgent running = RunningAgent.start(server.url(), created.token());
                ServerSocket bridge = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            await("agent ready").until(() -> agentOf(agentId).lifecycleState() == WorkspaceAgentLifecycle.READY);
            Session tunnel = server.coderd().agentConnections().session(agentId).orElseThrow();
            // What coderd does for a user's SSH connection: a stream with the ssh service, pumped to the client.
            Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        Socket client = bridge.accept();
                        Stream stream = tunnel.open();
                        ServiceHeaders.connect(stream, new ServiceRequest.Ssh());
                        BytePump.start(Duplex.of(client), Duplex.of(stream));
                    }
                } catch (IOException e) {
                    // bridge closed
                }
            });
            Instant before = owner.workspace(created.workspace().id()).lastUsedAt();
            server.clock().advance(Duration.ofMinutes(5));

            Process ssh = new ProcessBuilder("/usr/bin/ssh", "-F", "/dev/null", "-o", "StrictHostKeyChecking=no",
                    "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR",
                    "-p", Integer.toString(bridge.getLocalPort()), "127.0.0.1",
                    "echo ws=$CODER_WORKSPACE_NAME coder=$CODER url=$CODER_AGENT_URL token=${CODER_AGENT_TOKEN:-none}; sleep 30")
                    .redirectErrorStream(true).start();
            try {
                var out = new java.io.BufferedReader(new java.io.InputStreamReader(ssh.getInputStream(), StandardCharsets.UTF_8));
                String line = out.readLine();
                assertThat(line).isEqualTo("ws=" + created.workspace().name() + " coder=true url=" + server.url() + "/ token=none");
                await("workspace used").until(() -> owner.workspace(created.workspace().id()).lastUsedAt().isAfter(before));
                assertThat(owner.workspace(created.workspace().id()).lastUsedAt())
                        .isCloseTo(server.clock().instant(), org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));
            } finally {
                ssh.destroyForcibly();
            }
        }
    }

    @Test
    void hangingScriptTimesOutAndHugeOutputOverflowsWithoutHarm() throws Exception {
        var created = AgentWorkspaces.create(server, owner, Map.of("scripts", List.of(
                Map.of("display_name", "Hang", "run_on_start", true, "timeout_seconds", 1, "script", "echo hanging; sleep 60"),
                Map.of("display_name", "Flood", "run_on_start", true,
                        "script", "i=0; while [ $i -lt 40000 ]; do echo line-$i-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; i=$((i+1)); done"))));
        UUID agentId = created.agent().id();
        try (RunningAgent running = RunningAgent.start(server.url(), created.token())) {
            await("start timeout").until(() -> agentOf(agentId).lifecycleState() == WorkspaceAgentLifecycle.START_TIMEOUT);
            await("logs overflowed").until(() -> agentOf(agentId).logsOverflowed());
            WorkspaceAgent agent = agentOf(agentId);
            assertThat(agent.logsLength()).isLessThanOrEqualTo(1 << 20).isGreaterThan(900_000);
            assertThat(agent.health()).satisfies(h -> {
                assertThat(h.healthy()).isFalse();
                assertThat(h.reason()).isEqualTo("agent startup script timed out");
            });
            // The flood filled the limit, so the agent dropped the rest (as Coder's); its log file has everything.
            assertThat(running.logDir.resolve("coder-script-" + agent.scripts().getFirst().logSourceId() + ".log"))
                    .content().contains("hanging", "Script \"Hang\" timed out after 1 s and was killed.");
            assertThat(agent.status()).isEqualTo(WorkspaceAgentStatus.CONNECTED);
        }
    }

    @Test
    void tokensAreCheckedAgainstTheLatestBuild() throws Exception {
        ApiAssertions.assertStatus(() -> new AgentClient(server.url(), UUID.randomUUID().toString()).manifest(), 401);
        var created = AgentWorkspaces.create(server, owner, Map.of("name", "dev"));
        AgentClient agent = new AgentClient(server.url(), created.token());
        assertThat(agent.manifest().agentName()).isEqualTo("dev");
        assertThat(agent.manifest().workspaceName()).isEqualTo(created.workspace().name());
        assertThat(agent.manifest().ownerName()).isEqualTo("owner");

        var stop = owner.createWorkspaceBuild(created.workspace().id(),
                CreateWorkspaceBuildRequest.of(WorkspaceTransition.STOP));
        await("stopped").until(() -> owner.workspaceBuild(stop.id()).job().completed());
        ApiAssertions.assertStatus(agent::manifest, 403);
        // Other users cannot see the agent at all.
        CoderClient member = server.createUser(owner, TestCoderd.uniqueName("m"));
        ApiAssertions.assertStatus(() -> member.workspaceAgent(created.agent().id()), 404);
    }
}
