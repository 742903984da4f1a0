package dev.jcoder.agent.stats;

import dev.jcoder.agent.ssh.SessionType;
import dev.jcoder.agent.ssh.SshStats;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.Stats;
import dev.jcoder.codersdk.agentsdk.StatsResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports the agent's stats every interval ({@code POST /workspaceagents/me/report-stats}); the
 * server's answer sets the next interval. Session counts are the SSH server's open session channels
 * by kind (SFTP counts as SSH); connections are the open SSH connections plus port-forward
 * connections; bytes are the tunnel's payload bytes since the previous report. A report that fails
 * is skipped (the next one carries the bytes).
 */
public final class StatsReporter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatsReporter.class);

    private final AgentClient client;
    private final SshStats ssh;
    private final LongSupplier tcpConnections;
    private final Supplier<long[]> tunnelBytes;
    private final Thread loop;
    private volatile Duration interval;
    private long reportedSent;
    private long reportedReceived;

    /** @param tunnelBytes total tunnel payload bytes {@code [sent, received]} since the agent started */
    public StatsReporter(AgentClient client, SshStats ssh, LongSupplier tcpConnections, Supplier<long[]> tunnelBytes,
            Duration initialInterval) {
        this.client = client;
        this.ssh = ssh;
        this.tcpConnections = tcpConnections;
        this.tunnelBytes = tunnelBytes;
        this.interval = initialInterval;
        this.loop = Thread.ofVirtual().name("agent-stats").unstarted(this::reportLoop);
    }

    public void start() {
        loop.start();
    }

    /** The stats as they are now; bytes are the delta since the last successful report. */
    Stats current() {
        SshStats.Snapshot snapshot = ssh.snapshot();
        long[] bytes = tunnelBytes.get();
        long sshConnections = snapshot.activeConnections();
        long tcp = tcpConnections.getAsLong();
        return new Stats(Map.of("ssh", sshConnections, "tcp", tcp), sshConnections + tcp, 0,
                0, bytes[1] - reportedReceived, 0, bytes[0] - reportedSent,
                snapshot.sessions(SessionType.VSCODE), snapshot.sessions(SessionType.JETBRAINS), 0,
                snapshot.sessions(SessionType.SSH) + snapshot.sessions(SessionType.SFTP));
    }

    private void reportLoop() {
        try {
            while (true) {
                Thread.sleep(interval);
                long[] bytes = tunnelBytes.get();
                Stats stats = current();
                try {
                    StatsResponse response = client.postStats(stats);
                    reportedSent = bytes[0];
                    reportedReceived = bytes[1];
                    if (response != null && response.reportInterval() > 0) {
                        interval = response.interval();
                    }
                } catch (RuntimeException e) {
                    log.debug("stats report failed: {}", e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    @Override
    public void close() {
        loop.interrupt();
    }
}
