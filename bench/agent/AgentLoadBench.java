import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestDatabase;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.MetadataResult;
import dev.jcoder.codersdk.agentsdk.PostMetadataRequest;
import dev.jcoder.codersdk.agentsdk.Stats;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Simulated agents against one coderd: each agent posts metadata every 10 s and stats every 30 s
 * (its own random phase), as many real agents would; for growing N, prints the agent API latency
 * percentiles over the run. Agents are real rows (echo builds of workspaces with many agents each),
 * so every request pays the token lookup and the writes of a real one.
 */
public final class AgentLoadBench {
    private static final int AGENTS_PER_WORKSPACE = 100;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        List<Integer> steps = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            steps.add(Integer.parseInt(args[i]));
        }
        if (steps.isEmpty()) {
            steps = List.of(250, 500, 1000, 2000);
        }
        int maxAgents = Collections.max(steps);
        CoderdConfig config = CoderdConfig.defaults(TestDatabase.createDatabase()).withHttp("127.0.0.1", 0)
                .withRateLimits(-1, -1).withPasswordIterations(1024);
        try (Coderd coderd = Coderd.start(config, Clock.systemUTC())) {
            URI url = URI.create("http://127.0.0.1:" + coderd.port());
            CoderClient anonymous = new CoderClient(url);
            anonymous.createFirstUser(new CreateFirstUserRequest("bench@example.com", "bench", "", "Bench-Password-2026-x"));
            CoderClient owner = anonymous.withToken(anonymous.login("bench@example.com", "Bench-Password-2026-x").sessionToken());
            List<String> tokens = new ArrayList<>();
            long setup = System.nanoTime();
            DaemonConfig daemonConfig = new DaemonConfig(Files.createTempDirectory("agent-bench"), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), Duration.ofMillis(5));
            try (ProvisionerDaemons daemons = ProvisionerDaemons.start(2, "bench",
                    registration -> coderd.provisionerJobs().daemonServer().connectToDefaultOrganization(registration, "bench"),
                    ProvisionerDaemons.builtIn(), daemonConfig)) {
                for (int w = 0; tokens.size() < maxAgents; w++) {
                    tokens.addAll(workspaceWithAgents(owner, "ws" + w));
                }
            }
            System.out.printf("setup: %d agents in %d workspaces in %d s%n", tokens.size(),
                    tokens.size() / AGENTS_PER_WORKSPACE, (System.nanoTime() - setup) / 1_000_000_000);
            System.out.printf("%-7s %-9s %-8s %-8s %-8s %-8s %s%n", "agents", "requests", "req/s", "p50 ms", "p95 ms",
                    "p99 ms", "errors");
            for (int n : steps) {
                run(url, tokens.subList(0, n), seconds);
            }
        }
    }

    private static List<String> workspaceWithAgents(CoderClient owner, String name) {
        List<Map<String, Object>> agents = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < AGENTS_PER_WORKSPACE; i++) {
            String token = UUID.randomUUID().toString();
            tokens.add(token);
            agents.add(Map.of("name", "a" + i, "auth_token", token, "metadata", List.of(
                    Map.of("key", "cpu", "display_name", "CPU", "script", "true", "interval_seconds", 10, "timeout_seconds", 1),
                    Map.of("key", "mem", "display_name", "Memory", "script", "true", "interval_seconds", 10, "timeout_seconds", 1))));
        }
        Map<String, Object> resource = Map.of("name", "dev", "type", "null_resource", "agents", agents);
        var version = EchoTemplates.createVersion(owner, EchoTemplates.echo(
                Map.of("resources", List.of(), "build", Map.of("resources", List.of(resource)))));
        EchoTemplates.awaitCompleted(owner, version.id());
        var template = owner.createTemplate("default", CreateTemplateRequest.of("t-" + name, version.id()));
        Workspace workspace = owner.createWorkspace("me", new CreateWorkspaceRequest(template.id(), null, name, null, null,
                List.of(), null, null));
        while (!owner.workspace(workspace.id()).latestBuild().job().completed()) {
            sleep(100);
        }
        return tokens;
    }

    private static void run(URI url, List<String> tokens, int seconds) throws InterruptedException {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> threads = new ArrayList<>();
        for (String token : tokens) {
            threads.add(Thread.ofVirtual().start(() -> agent(new AgentClient(url, token), end, latencies, errors)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-7d %-9d %-8.1f %-8.1f %-8.1f %-8.1f %d%s%n", tokens.size(), sorted.size(),
                sorted.size() / (double) seconds, percentile(sorted, 0.50), percentile(sorted, 0.95),
                percentile(sorted, 0.99), errors.size(), errors.isEmpty() ? "" : " (" + errors.peek() + ")");
    }

    /** One simulated agent: metadata every 10 s, stats every 30 s, each starting at a random phase. */
    private static void agent(AgentClient client, long end, ConcurrentLinkedQueue<Long> latencies,
            ConcurrentLinkedQueue<String> errors) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long nextMetadata = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextLong(10_000));
        long nextStats = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(random.nextLong(30_000));
        while (true) {
            long next = Math.min(nextMetadata, nextStats);
            if (next >= end) {
                return;
            }
            sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
            long started = System.nanoTime();
            try {
                if (nextMetadata <= nextStats) {
                    Instant now = Instant.now();
                    client.postMetadata(new PostMetadataRequest(List.of(new MetadataResult("cpu", now, 0, "0.5", ""),
                            new MetadataResult("mem", now, 0, "1.2G", ""))));
                    nextMetadata += TimeUnit.SECONDS.toNanos(10);
                } else {
                    client.postStats(new Stats(Map.of("ssh", 1L), 1, 0, 10, 1000, 10, 2000, 0, 0, 0, 1));
                    nextStats += TimeUnit.SECONDS.toNanos(30);
                }
                latencies.add(System.nanoTime() - started);
            } catch (RuntimeException e) {
                errors.add(e.getMessage());
                nextMetadata += TimeUnit.SECONDS.toNanos(10);
            }
        }
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
