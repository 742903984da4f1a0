package dev.jcoder.coderd.provisionerjobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.DaemonRegistration;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue through the daemon protocol: acquisition, tags, wake-ups, heartbeats, the reaper, shutdown. */
class JobQueueTest {
    private TestCoderd server;
    private CoderClient admin;
    private UUID organization;
    private final List<ProvisionerDaemonClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = TestCoderd.start();
        admin = server.createFirstUser();
        organization = admin.organization("default").id();
    }

    @AfterEach
    void stop() {
        clients.forEach(ProvisionerDaemonClient::close);
        server.close();
    }

    private ProvisionerDaemonClient connect(String name, Map<String, String> tags) {
        ProvisionerDaemonClient client = server.coderd().provisionerJobs().daemonServer().connect(organization,
                new DaemonRegistration(name, List.of(ProvisionerType.ECHO), tags), "test");
        clients.add(client);
        return client;
    }

    private TemplateVersion post(Map<String, String> tags) {
        var request = CreateTemplateVersionRequest.ofFile(EchoTemplates.upload(admin, EchoTemplates.echo(Map.of())),
                ProvisionerType.ECHO).withTags(tags);
        return admin.createTemplateVersion("default", request);
    }

    @Test
    void concurrentDaemonsNeverTakeTheSameJob() throws Exception {
        int jobs = 40;
        Set<UUID> posted = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < jobs; i++) {
            posted.add(post(Map.of()).job().id());
        }
        List<UUID> acquired = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int d = 0; d < 6; d++) {
            ProvisionerDaemonClient client = connect("daemon-" + d, Map.of());
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    Optional<AcquiredJob> job;
                    while ((job = client.acquireJob(Duration.ofMillis(300))).isPresent()) {
                        acquired.add(job.get().jobId());
                        client.failJob(FailedJob.of(job.get().jobId(), "test done"));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(30));
        }
        assertThat(acquired).hasSize(jobs).doesNotHaveDuplicates();
        assertThat(Set.copyOf(acquired)).isEqualTo(posted);
    }

    @Test
    void tagsRouteJobsAsCoderDoes() throws Exception {
        ProvisionerDaemonClient untagged = connect("plain", Map.of());
        ProvisionerDaemonClient gpu = connect("gpu", Map.of("pool", "gpu"));
        TemplateVersion gpuJob = post(Map.of("pool", "gpu"));
        assertThat(untagged.acquireJob(Duration.ofMillis(200))).isEmpty();
        assertThat(gpu.acquireJob(Duration.ofSeconds(2))).get().extracting(AcquiredJob::jobId).isEqualTo(gpuJob.job().id());

        TemplateVersion plainJob = post(Map.of());
        // Untagged jobs go only to untagged daemons.
        assertThat(gpu.acquireJob(Duration.ofMillis(200))).isEmpty();
        assertThat(untagged.acquireJob(Duration.ofSeconds(2))).get().extracting(AcquiredJob::jobId)
                .isEqualTo(plainJob.job().id());
    }

    @Test
    void waitingDaemonIsWokenByANewJobWithoutPolling() throws Exception {
        ProvisionerDaemonClient client = connect("waiter", Map.of());
        AtomicInteger latencyMillis = new AtomicInteger(-1);
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                long started = System.nanoTime();
                Optional<AcquiredJob> job = client.acquireJob(Duration.ofSeconds(20));
                if (job.isPresent()) {
                    latencyMillis.set((int) ((System.nanoTime() - started) / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(300); // the daemon is now waiting
        post(Map.of());
        waiter.join(Duration.ofSeconds(20));
        // The fallback poll is 30 s: getting the job within a few seconds means the notification woke it.
        assertThat(latencyMillis.get()).isBetween(0, 5_000);
    }

    @Test
    void heartbeatsKeepARunningJobAliveAndTheReaperFailsItWhenTheyStop() throws Exception {
        ProvisionerDaemonClient client = connect("beating", Map.of());
        TemplateVersion version = post(Map.of());
        AcquiredJob job = client.acquireJob(Duration.ofSeconds(2)).orElseThrow();
        JobReaper reaper = server.coderd().provisionerJobs().reaper();

        server.clock().advance(Duration.ofMinutes(4));
        client.updateJob(UpdateJobRequest.heartbeat(job.jobId()));
        server.clock().advance(Duration.ofMinutes(4));
        assertThat(reaper.reapOnce()).isZero();
        assertThat(admin.templateVersion(version.id()).job().status()).isEqualTo(ProvisionerJobStatus.RUNNING);

        server.clock().advance(Duration.ofMinutes(2));
        assertThat(reaper.reapOnce()).isEqualTo(1);
        var reaped = admin.templateVersion(version.id()).job();
        assertThat(reaped.status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(reaped.error()).contains("hung").contains("5 minutes");
        assertThat(admin.templateVersionLogs(version.id(), 0)).extracting(ProvisionerJobLog::output)
                .anySatisfy(line -> assertThat(line).contains("no heartbeat"));
    }

    @Test
    void reaperFailsJobsPendingTooLong() {
        TemplateVersion version = post(Map.of("pool", "nobody"));
        JobReaper reaper = server.coderd().provisionerJobs().reaper();
        server.clock().advance(Duration.ofMinutes(29));
        assertThat(reaper.reapOnce()).isZero();
        server.clock().advance(Duration.ofMinutes(2));
        assertThat(reaper.reapOnce()).isEqualTo(1);
        var job = admin.templateVersion(version.id()).job();
        assertThat(job.status()).isEqualTo(ProvisionerJobStatus.FAILED);
        assertThat(job.error()).contains("pending for 30 minutes");
    }

    @Test
    void reaperWithCustomThresholds() {
        TemplateVersion version = post(Map.of("pool", "nobody"));
        var config = new ProvisionerJobsConfig(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofSeconds(30));
        var store = new dev.jcoder.coderd.store.AuthorizingStore(
                new dev.jcoder.coderd.store.PostgresStore(server.coderd().database().jdbi()),
                new dev.jcoder.coderd.rbac.Authorizer(), dev.jcoder.coderd.rbac.Subject.nobody());
        try (JobReaper reaper = new JobReaper(store, server.coderd().provisionerJobs().events(), server.clock(), config).start()) {
            server.clock().advance(Duration.ofSeconds(6));
            assertThat(reaper.reapOnce()).isEqualTo(1);
            assertThat(reaper.isRunning()).isTrue();
            reaper.close();
            assertThat(reaper.isRunning()).isFalse();
        }
        assertThat(admin.templateVersion(version.id()).job().error()).contains("5 seconds");
    }

    @Test
    void backgroundLoopsStopWithTheirOwners() throws Exception {
        ProvisionerDaemons daemons = EchoTemplates.startDaemons(server, admin, 3);
        assertThat(daemons.anyRunning()).isTrue();
        daemons.close();
        assertThat(daemons.anyRunning()).isFalse();

        var jobs = server.coderd().provisionerJobs();
        assertThat(jobs.pubsub().isRunning()).isTrue();
        assertThat(jobs.reaper().isRunning()).isTrue();
        jobs.close();
        assertThat(jobs.pubsub().isRunning()).isFalse();
        assertThat(jobs.reaper().isRunning()).isFalse();
    }
}
