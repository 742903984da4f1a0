import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestDatabase;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerJob;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Job queue benchmark: an in-process coderd (real clock, embedded PostgreSQL) with 3 in-process
 * daemons running the echo provisioner. Submits JOBS template imports from CLIENTS concurrent
 * clients, waits for all to finish, and prints jobs per second (first creation to last completion)
 * and the creation-to-acquisition delay (server timestamps started_at - created_at): median and p90.
 * Usage: JobsBench [jobs=300] [clients=4] [daemons=3]
 */
public class JobsBench {
    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int daemonCount = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        CoderdConfig config = CoderdConfig.defaults(TestDatabase.createDatabase()).withHttp("127.0.0.1", 0)
                .withRateLimits(-1, -1).withPasswordIterations(1024);
        try (Coderd coderd = Coderd.start(config, Clock.systemUTC())) {
            CoderClient anonymous = new CoderClient(URI.create("http://127.0.0.1:" + coderd.port()));
            anonymous.createFirstUser(new CreateFirstUserRequest("bench@example.com", "bench", "", "Bench-Password-2026-x"));
            CoderClient owner = anonymous.withToken(anonymous.login("bench@example.com", "Bench-Password-2026-x").sessionToken());
            UUID file = EchoTemplates.upload(owner, EchoTemplates.echo(Map.of("logs", List.of(Map.of("output", "hello")))));
            var request = CreateTemplateVersionRequest.ofFile(file, ProvisionerType.ECHO);
            DaemonConfig daemonConfig = new DaemonConfig(Files.createTempDirectory("jobs-bench"), Duration.ofSeconds(5),
                    Duration.ofSeconds(30), Duration.ofMillis(5));
            try (ProvisionerDaemons daemons = ProvisionerDaemons.start(daemonCount, "bench",
                    registration -> coderd.provisionerJobs().daemonServer().connectToDefaultOrganization(registration, "bench"),
                    ProvisionerDaemons.builtIn(), daemonConfig)) {
                // Warm-up: JIT, connection pools.
                run(owner, request, 40, clients);
                // Sequential single jobs: the acquisition delay of an idle queue.
                List<TemplateVersion> single = run(owner, request, 30, 1);
                List<TemplateVersion> versions = run(owner, request, jobs, clients);
                report("idle queue (one job at a time)", owner, single, 1);
                report(jobs + " jobs from " + clients + " clients, " + daemonCount + " daemons", owner, versions, clients);
            }
        }
    }

    private static List<TemplateVersion> run(CoderClient owner, CreateTemplateVersionRequest request, int jobs, int clients)
            throws InterruptedException {
        List<TemplateVersion> created = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = jobs / clients + (c < jobs % clients ? 1 : 0);
            threads.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < share; i++) {
                    TemplateVersion version = owner.createTemplateVersion("default", request);
                    created.add(version);
                    if (clients == 1) {
                        await(owner, version);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        created.forEach(version -> await(owner, version));
        return created;
    }

    private static void await(CoderClient owner, TemplateVersion version) {
        while (!owner.templateVersion(version.id()).job().completed()) {
            Thread.onSpinWait();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void report(String title, CoderClient owner, List<TemplateVersion> versions, int clients) {
        List<ProvisionerJob> finished = versions.stream().map(v -> owner.templateVersion(v.id()).job()).toList();
        long failed = finished.stream().filter(job -> job.status() != ProvisionerJobStatus.SUCCEEDED).count();
        List<Double> delays = new ArrayList<>(finished.stream()
                .map(job -> Duration.between(job.createdAt(), job.startedAt()).toNanos() / 1e6).toList());
        Collections.sort(delays);
        var first = finished.stream().map(ProvisionerJob::createdAt).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var last = finished.stream().map(ProvisionerJob::completedAt).max(java.util.Comparator.naturalOrder()).orElseThrow();
        double seconds = Duration.between(first, last).toNanos() / 1e9;
        System.out.printf("%s%n  jobs: %d (failed %d)  throughput: %.1f jobs/s%n"
                        + "  creation -> acquisition: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                title, finished.size(), failed, finished.size() / seconds, percentile(delays, 0.5),
                percentile(delays, 0.9), delays.getLast());
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
    }
}
