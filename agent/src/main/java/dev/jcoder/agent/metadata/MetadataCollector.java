package dev.jcoder.agent.metadata;

import dev.jcoder.agent.scripts.ScriptProcess;
import dev.jcoder.codersdk.WorkspaceAgentMetadataDescription;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.MetadataResult;
import dev.jcoder.codersdk.agentsdk.PostMetadataRequest;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the agent's {@code metadata} items: each item's script runs every {@code interval}
 * seconds (once when the interval is 0), is cut off after {@code timeout} seconds (the interval, at
 * least 1 s, when 0), and its trimmed output becomes the value. Results are reported in batches
 * ({@code POST /workspaceagents/me/metadata}): one sender sends whatever was collected since its
 * last request, so many items with short intervals still make at most one request per
 * {@code reportInterval}.
 */
public final class MetadataCollector implements AutoCloseable {
    /** Longest value (and error) reported, as Coder's limit. */
    static final int MAX_VALUE_LENGTH = 10 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MetadataCollector.class);

    private final AgentClient client;
    private final RetryPolicy retry;
    private final InstantSource clock;
    private final Map<String, String> environment;
    private final Path directory;
    private final Duration reportInterval;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Collected> unsent = new LinkedHashMap<>();

    private record Collected(String key, Instant collectedAt, String value, String error) {}

    public MetadataCollector(AgentClient client, RetryPolicy retry, InstantSource clock, Map<String, String> environment,
            Path directory, Duration reportInterval) {
        this.client = client;
        this.retry = retry;
        this.clock = clock;
        this.environment = Map.copyOf(environment);
        this.directory = directory;
        this.reportInterval = reportInterval;
    }

    public void start(List<WorkspaceAgentMetadataDescription> items) {
        if (items.isEmpty()) {
            return;
        }
        for (WorkspaceAgentMetadataDescription item : items) {
            threads.submit(() -> collectLoop(item));
        }
        threads.submit(this::sendLoop);
    }

    private Void collectLoop(WorkspaceAgentMetadataDescription item) throws InterruptedException {
        while (true) {
            Collected result = collect(item);
            synchronized (this) {
                unsent.put(item.key(), result);
                notifyAll();
            }
            if (item.interval() <= 0) {
                return null;
            }
            Thread.sleep(Duration.ofSeconds(item.interval()));
        }
    }

    Collected collect(WorkspaceAgentMetadataDescription item) throws InterruptedException {
        Duration timeout = Duration.ofSeconds(item.timeout() > 0 ? item.timeout() : Math.max(1, item.interval()));
        StringBuilder output = new StringBuilder();
        try {
            ScriptProcess.Outcome outcome = ScriptProcess.run(item.script(), environment, directory, timeout, line -> {
                synchronized (output) {
                    if (output.length() <= MAX_VALUE_LENGTH) {
                        output.append(line).append('\n');
                    }
                }
            });
            String value;
            synchronized (output) {
                value = truncate(output.toString().strip());
            }
            String error = outcome.timedOut() ? "The script timed out after " + timeout.toSeconds() + " s."
                    : outcome.exitCode() != 0 ? "run cmd: exit status " + outcome.exitCode() : "";
            return new Collected(item.key(), clock.instant(), value, error);
        } catch (IOException e) {
            return new Collected(item.key(), clock.instant(), "", truncate("Cannot run the script: " + e.getMessage()));
        }
    }

    private static String truncate(String text) {
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH);
    }

    private Void sendLoop() throws InterruptedException {
        while (true) {
            List<Collected> batch;
            synchronized (this) {
                while (unsent.isEmpty()) {
                    wait();
                }
                batch = new ArrayList<>(unsent.values());
                unsent.clear();
            }
            Instant now = clock.instant();
            List<MetadataResult> results = batch.stream()
                    .map(c -> new MetadataResult(c.key(), c.collectedAt(),
                            Math.max(0, Duration.between(c.collectedAt(), now).toSeconds()), c.value(), c.error()))
                    .toList();
            try {
                retry.run(() -> {
                    client.postMetadata(new PostMetadataRequest(results));
                    return null;
                }, e -> log.debug("sending metadata failed, retrying: {}", e.getMessage()));
            } catch (RuntimeException e) {
                log.warn("coderd refused metadata: {}", e.getMessage());
            }
            Thread.sleep(reportInterval);
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
