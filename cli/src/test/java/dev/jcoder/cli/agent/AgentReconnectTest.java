package dev.jcoder.cli.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentLog;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The server goes away while the agent works, and comes back on the same address and database. */
class AgentReconnectTest {
    private static final int LINES = 60;

    @Test
    void agentReconnectsWithinTenSecondsAndNoLogLineIsLost() throws Exception {
        TestCoderd server = TestCoderd.start(config -> config.withAgentStatsRefreshInterval(Duration.ofMillis(300)));
        CoderClient owner = server.createFirstUser();
        AgentWorkspaces.Created created;
        try (ProvisionerDaemons daemons = EchoTemplates.startDaemons(server, owner, 1)) {
            created = AgentWorkspaces.create(server, owner, Map.of("scripts", List.of(Map.of(
                    "display_name", "Count", "run_on_start", true, "log_path", "count.log",
                    "script", "i=1; while [ $i -le " + LINES + " ]; do echo line-$i; i=$((i+1)); sleep 0.05; done"))));
        }
        UUID agentId = created.agent().id();
        int port = server.coderd().port();
        Coderd restarted = null;
        try (RunningAgent running = RunningAgent.start(server.url(), created.token())) {
            Awaitility.await("first lines stored").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                    .until(() -> owner.workspaceAgentLogs(agentId, 0).size() >= 3);

            server.coderd().shutdown(Duration.ofSeconds(2));
            // The script goes on while the server is away: its lines queue in the agent.
            Path countLog = running.logDir.resolve("count.log");
            Awaitility.await("script finished while the server is down").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> Files.exists(countLog) && Files.readString(countLog).contains("line-" + LINES + "\n"));

            long restartedAt = System.nanoTime();
            Coderd fresh = Coderd.start(server.config().withHttp("127.0.0.1", port), server.clock());
            restarted = fresh;
            Awaitility.await("agent reconnected and ready").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        WorkspaceAgent agent = owner.workspaceAgent(agentId);
                        // Only a reconnected agent has a tunnel in the new server's registry.
                        return fresh.agentConnections().session(agentId).isPresent()
                                && agent.status() == WorkspaceAgentStatus.CONNECTED
                                && agent.lifecycleState() == WorkspaceAgentLifecycle.READY;
                    });
            System.out.printf("agent reconnected %d ms after the server restarted%n",
                    (System.nanoTime() - restartedAt) / 1_000_000);
            Awaitility.await("every line stored").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> owner.workspaceAgentLogs(agentId, 0).size() >= LINES);
            List<String> outputs = owner.workspaceAgentLogs(agentId, 0).stream().map(WorkspaceAgentLog::output).toList();
            assertThat(outputs).containsExactlyElementsOf(IntStream.rangeClosed(1, LINES).mapToObj(i -> "line-" + i).toList());
        } finally {
            if (restarted != null) {
                restarted.close();
            }
        }
    }

}
