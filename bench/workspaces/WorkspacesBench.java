import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestDatabase;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Workspaces benchmark: an in-process coderd (real clock, embedded PostgreSQL) with DAEMONS in-process
 * echo daemons. Creates WORKSPACES workspaces from 4 concurrent clients (each creation queues build
 * #1 with an agent, a script, metadata and an app), waits for every build and prints builds per
 * second (first creation to last job completion, server timestamps). Then measures REQUESTS
 * sequential {@code GET /api/v2/workspaces?q=owner:me} (all workspaces in one answer, and the
 * dashboard's first page of 25) and prints latency percentiles.
 * Usage: WorkspacesBench [workspaces=1000] [requests=300] [daemons=3]
 */
public class WorkspacesBench {
    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int daemonCount = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        CoderdConfig config = CoderdConfig.defaults(TestDatabase.createDatabase()).withHttp("127.0.0.1", 0)
                .withRateLimits(-1, -1).withPasswordIterations(1024);
        try (Coderd coderd = Coderd.start(config, Clock.systemUTC())) {
            URI url = URI.create("http://127.0.0.1:" + coderd.port());
            CoderClient anonymous = new CoderClient(url);
            anonymous.createFirstUser(new CreateFirstUserRequest("bench@example.com", "bench", "", "Bench-Password-2026-x"));
            String token = anonymous.login("bench@example.com", "Bench-Password-2026-x").sessionToken();
            CoderClient owner = anonymous.withToken(token);
            DaemonConfig daemonConfig = new DaemonConfig(Files.createTempDirectory("workspaces-bench"), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), Duration.ofMillis(5));
            try (ProvisionerDaemons daemons = ProvisionerDaemons.start(daemonCount, "bench",
                    registration -> coderd.provisionerJobs().daemonServer().connectToDefaultOrganization(registration, "bench"),
                    ProvisionerDaemons.builtIn(), daemonConfig)) {
                Template template = template(owner);
                create(owner, template, "warm", 40, 4); // JIT, connection pools
                List<Workspace> created = create(owner, template, "ws", workspaces - 40, 4);
                reportBuilds(owner, created, daemonCount);
            }
            HttpClient http = HttpClient.newHttpClient();
            latency(http, url, token, "/api/v2/workspaces?q=owner:me", requests);
            latency(http, url, token, "/api/v2/workspaces?q=owner:me&limit=25", requests);
            phases(coderd, owner.user("me").id(), requests / 3);
        }
    }

    private static Template template(CoderClient owner) {
        Map<String, Object> agent = Map.of("name", "main", "apps", List.of(Map.of("slug", "code", "url", "http://localhost:8080")),
                "scripts", List.of(Map.of("display_name", "Startup Script", "script", "echo hi", "run_on_start", true)),
                "metadata", List.of(Map.of("key", "load", "display_name", "Load", "script", "uptime", "interval_seconds", 10,
                        "timeout_seconds", 1)));
        Map<String, Object> resource = Map.of("name", "dev", "type", "docker_container", "agents", List.of(agent));
        Map<String, Object> echo = Map.of("resources", List.of(resource),
                "build", Map.of("logs", List.of(Map.of("output", "applying")), "resources", List.of(resource), "state", "{}"));
        TemplateVersion version = EchoTemplates.createVersion(owner, CreateTemplateVersionRequest.ofFile(
                EchoTemplates.upload(owner, EchoTemplates.echo(echo)), ProvisionerType.ECHO));
        EchoTemplates.awaitCompleted(owner, version.id());
        return owner.createTemplate("default", CreateTemplateRequest.of("bench", version.id()));
    }

    /** Creates {@code count} workspaces from {@code clients} threads and waits until every build has ended. */
    private static List<Workspace> create(CoderClient owner, Template template, String prefix, int count, int clients)
            throws Exception {
        List<Workspace> created = new CopyOnWriteArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = prefix + "-" + i;
                futures.add(pool.submit(() -> created.add(owner.createWorkspace("me",
                        CreateWorkspaceRequest.of(template.id(), name, List.of())))));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (owner.workspaces("owner:me status:pending,starting", 0, 0).count() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Builds did not finish within 10 minutes.");
            }
            Thread.sleep(100);
        }
        return created;
    }

    private static void reportBuilds(CoderClient owner, List<Workspace> created, int daemons) {
        Instant first = Instant.MAX;
        Instant last = Instant.MIN;
        int failed = 0;
        for (Workspace workspace : created) {
            WorkspaceBuild build = owner.workspaceBuild(workspace.latestBuild().id());
            first = build.job().createdAt().isBefore(first) ? build.job().createdAt() : first;
            last = build.job().completedAt().isAfter(last) ? build.job().completedAt() : last;
            failed += build.job().error().isEmpty() ? 0 : 1;
        }
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        System.out.printf("workspace builds: %d from 4 clients, %d echo daemons: %.1f builds/s (%.1f s, %d failed)%n",
                created.size(), daemons, created.size() / seconds, seconds, failed);
    }

    private static void latency(HttpClient http, URI url, String token, String path, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).header("Coder-Session-Token", token).GET().build();
        long bytes = 0;
        for (int i = 0; i < 30; i++) { // warm-up
            bytes = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body().length;
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            micros.add((System.nanoTime() - started) / 1000);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        Collections.sort(micros);
        System.out.printf("GET %s (%d requests, %d KB per answer): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                path, requests, bytes / 1024, at(micros, 0.50), at(micros, 0.90), at(micros, 0.99),
                micros.getLast() / 1000.0);
    }

    /**
     * Where the time of the full list goes, measured in-process without HTTP: the filtered page
     * query (with count), loading latest builds, jobs and resources, converting, and writing JSON.
     */
    private static void phases(Coderd coderd, UUID ownerId, int rounds) throws Exception {
        var store = new dev.jcoder.coderd.store.AuthorizingStore(
                new dev.jcoder.coderd.store.PostgresStore(coderd.database().jdbi()), new dev.jcoder.coderd.rbac.Authorizer(),
                dev.jcoder.coderd.rbac.Subject.user(ownerId, "bench", java.util.Set.of("owner"), java.util.Map.of()));
        var views = new dev.jcoder.coderd.workspaces.WorkspaceViews(Clock.systemUTC(), false);
        long query = 0;
        long load = 0;
        long json = 0;
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            var page = store.getWorkspaces(dev.jcoder.coderd.store.WorkspacesFilter.all(Instant.now(), ownerId)
                    .withOwner("bench"), 0, 0);
            long t1 = System.nanoTime();
            var list = views.workspaces(store, page.items());
            long t2 = System.nanoTime();
            dev.jcoder.codersdk.Json.mapper().writeValueAsBytes(
                    new dev.jcoder.codersdk.WorkspacesResponse(list, page.count()));
            long t3 = System.nanoTime();
            query += t1 - t0;
            load += t2 - t1;
            json += t3 - t2;
        }
        System.out.printf("  in-process mean per full list: filter query + count %.1f ms, builds/jobs/resources + "
                + "conversion %.1f ms, JSON %.1f ms%n", query / 1e6 / rounds, load / 1e6 / rounds, json / 1e6 / rounds);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
