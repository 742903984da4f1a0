package dev.jcoder.agent.logs;

import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.Log;
import dev.jcoder.codersdk.agentsdk.PatchLogs;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends log lines to coderd in batches ({@code PATCH /workspaceagents/me/logs}), one request per log
 * source, oldest lines first. Lines queue in memory while the server is unreachable and go out
 * once it answers again, so a restart loses nothing.
 *
 * <p>The server keeps at most {@link #AGENT_LOG_LIMIT_BYTES} of output per agent (Coder's limit)
 * and answers 413 beyond it; from then on the sender drops every line, as Coder's agent does. For
 * the same reason at most that many bytes are ever queued: lines beyond it could never be stored.
 */
public final class LogSender implements AutoCloseable {
    /** Coder's per-agent limit on stored log output. */
    public static final int AGENT_LOG_LIMIT_BYTES = 1 << 20;
    /** Upper bound of one request's output bytes. */
    static final int MAX_BATCH_BYTES = 256 * 1024;
    static final int MAX_BATCH_LINES = 1000;

    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    private final AgentClient client;
    private final RetryPolicy retry;
    private final Duration flushInterval;
    private final Map<UUID, List<Log>> queued = new LinkedHashMap<>();
    private final Thread sender;
    private long queuedBytes;
    private long droppedLines;
    private boolean overflowed;
    private boolean sending;
    private boolean flushRequested;

    public LogSender(AgentClient client, RetryPolicy retry, Duration flushInterval) {
        this.client = client;
        this.retry = retry;
        this.flushInterval = flushInterval;
        this.sender = Thread.ofVirtual().name("agent-log-sender").start(this::sendLoop);
    }

    /** Queues one line of {@code source}; returns false when it was dropped (limit reached). */
    public synchronized boolean enqueue(UUID source, Log line) {
        int size = line.size();
        if (overflowed || queuedBytes + size > AGENT_LOG_LIMIT_BYTES) {
            droppedLines++;
            return false;
        }
        boolean wasEmpty = queued.isEmpty();
        queued.computeIfAbsent(source, id -> new ArrayList<>()).add(line);
        queuedBytes += size;
        // Wake the sender when it sleeps on an empty queue (it then waits a flush interval for more
        // lines), or when a full batch is ready.
        if (wasEmpty || queuedBytes >= MAX_BATCH_BYTES) {
            notifyAll();
        }
        return true;
    }

    /** True once the server refused more logs for this agent. */
    public synchronized boolean overflowed() {
        return overflowed;
    }

    public synchronized long droppedLines() {
        return droppedLines;
    }

    /** Sends everything queued now and waits for it, at most {@code timeout}; true if all went out. */
    public synchronized boolean flush(Duration timeout) throws InterruptedException {
        flushRequested = true;
        notifyAll();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!queued.isEmpty() || sending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private void sendLoop() {
        try {
            while (true) {
                PatchLogs batch;
                synchronized (this) {
                    if (queued.isEmpty()) {
                        wait();
                        continue;
                    }
                    if (!flushRequested && queuedBytes < MAX_BATCH_BYTES) {
                        // Let lines that arrive close together share a request.
                        wait(flushInterval.toMillis());
                    }
                    flushRequested = false;
                    batch = takeBatch();
                    sending = true;
                }
                send(batch);
                synchronized (this) {
                    sending = false;
                    notifyAll();
                }
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** The oldest source's first lines, up to the batch limits (caller holds the lock). */
    private PatchLogs takeBatch() {
        var entry = queued.entrySet().iterator().next();
        List<Log> lines = entry.getValue();
        int count = 0;
        int bytes = 0;
        while (count < lines.size() && count < MAX_BATCH_LINES
                && (count == 0 || bytes + lines.get(count).size() <= MAX_BATCH_BYTES)) {
            bytes += lines.get(count).size();
            count++;
        }
        List<Log> batch = List.copyOf(lines.subList(0, count));
        lines.subList(0, count).clear();
        if (lines.isEmpty()) {
            queued.remove(entry.getKey());
        }
        queuedBytes -= bytes;
        return new PatchLogs(entry.getKey(), batch);
    }

    private void send(PatchLogs batch) throws InterruptedException {
        try {
            retry.run(() -> {
                client.patchLogs(batch);
                return null;
            }, e -> log.debug("sending logs failed, retrying: {}", e.getMessage()));
        } catch (CoderApiException e) {
            if (e.statusCode() == AgentClient.LOGS_LIMIT_EXCEEDED_STATUS) {
                log.warn("coderd stores no more logs for this agent (limit {} bytes reached); dropping logs from now on",
                        AGENT_LOG_LIMIT_BYTES);
                synchronized (this) {
                    overflowed = true;
                    for (List<Log> lines : queued.values()) {
                        droppedLines += lines.size();
                    }
                    droppedLines += batch.logs().size();
                    queued.clear();
                    queuedBytes = 0;
                }
            } else {
                log.warn("coderd refused {} log lines: {}", batch.logs().size(), e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        sender.interrupt();
    }
}
