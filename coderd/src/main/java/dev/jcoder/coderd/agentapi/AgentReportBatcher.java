package dev.jcoder.coderd.agentapi;

import dev.jcoder.coderd.pubsub.Pubsub;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.WorkspaceAgentMetadataUpdate;
import dev.jcoder.coderd.store.WorkspaceAgentStatsRow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what many agents report often (metadata results, stats) in batches: the
 * agent API queues each report and answers at once; every {@link #interval} one transaction
 * writes everything queued (one batched statement per kind), and then pubsub tells metadata
 * watchers which agents changed. With thousands of agents reporting metadata every few seconds and
 * stats every 30 s this is one transaction per second instead of thousands. A newer metadata result
 * of the same key replaces a queued one; a workspace whose agent reported open sessions is recorded
 * as used once per flush (last_used_at and the deadline bump, see {@code ActivityBumper}); at most {@link #MAX_QUEUED} reports wait (beyond that a
 * flush runs at once).
 */
public final class AgentReportBatcher implements AutoCloseable {
    static final int MAX_QUEUED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(AgentReportBatcher.class);

    private final AuthorizingStore store;
    private final Pubsub pubsub;
    private final Consumer<UUID> workspaceUsed;
    private final Duration interval;
    private final Map<String, WorkspaceAgentMetadataUpdate> metadata = new LinkedHashMap<>();
    private final List<WorkspaceAgentStatsRow> stats = new ArrayList<>();
    private final Set<UUID> usedWorkspaces = new LinkedHashSet<>();
    private final Thread flusher;

    /** @param workspaceUsed records use of a workspace ({@code last_used_at}, deadline bump) */
    public AgentReportBatcher(AuthorizingStore store, Pubsub pubsub, Consumer<UUID> workspaceUsed, Duration interval) {
        // System actor: writes reports of many agents at once, each checked by the agent API when queued.
        this.store = store.as(Subject.system("agent report batching"));
        this.pubsub = pubsub;
        this.workspaceUsed = workspaceUsed;
        this.interval = interval;
        this.flusher = Thread.ofVirtual().name("agent-report-batcher").start(this::flushLoop);
    }

    /** The pubsub channel that announces new metadata results of an agent. */
    public static String metadataChannel(UUID agentId) {
        return "workspace_agent_metadata:" + agentId;
    }

    synchronized void addMetadata(List<WorkspaceAgentMetadataUpdate> updates) {
        for (WorkspaceAgentMetadataUpdate update : updates) {
            metadata.put(update.agentId() + "/" + update.key(), update);
        }
        wakeIfFull();
    }

    synchronized void addStats(WorkspaceAgentStatsRow row, boolean workspaceUsed) {
        stats.add(row);
        if (workspaceUsed) {
            usedWorkspaces.add(row.workspaceId());
        }
        wakeIfFull();
    }

    private void wakeIfFull() {
        if (metadata.size() + stats.size() >= MAX_QUEUED) {
            notifyAll();
        }
    }

    private void flushLoop() {
        try {
            while (true) {
                synchronized (this) {
                    wait(interval.toMillis());
                }
                flush();
            }
        } catch (InterruptedException e) {
            flush();
        }
    }

    /** Writes everything queued now. */
    public void flush() {
        List<WorkspaceAgentMetadataUpdate> metadataBatch;
        List<WorkspaceAgentStatsRow> statsBatch;
        List<UUID> used;
        synchronized (this) {
            if (metadata.isEmpty() && stats.isEmpty() && usedWorkspaces.isEmpty()) {
                return;
            }
            metadataBatch = List.copyOf(metadata.values());
            statsBatch = List.copyOf(stats);
            used = List.copyOf(usedWorkspaces);
            metadata.clear();
            stats.clear();
            usedWorkspaces.clear();
        }
        try {
            store.inTransaction(tx -> {
                tx.updateWorkspaceAgentMetadata(metadataBatch);
                tx.insertWorkspaceAgentStats(statsBatch);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("writing {} metadata results and {} stats reports failed: {}", metadataBatch.size(),
                    statsBatch.size(), e.getMessage());
            return;
        }
        for (UUID workspace : used) {
            try {
                workspaceUsed.accept(workspace);
            } catch (RuntimeException e) {
                log.warn("recording use of workspace {} failed: {}", workspace, e.getMessage());
            }
        }
        metadataBatch.stream().map(WorkspaceAgentMetadataUpdate::agentId).distinct().forEach(agent -> {
            try {
                pubsub.publish(metadataChannel(agent), "");
            } catch (RuntimeException e) {
                log.debug("metadata notification for {} failed: {}", agent, e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        flusher.interrupt();
        try {
            flusher.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
