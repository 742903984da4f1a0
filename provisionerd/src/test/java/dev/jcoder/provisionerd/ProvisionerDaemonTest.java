package dev.jcoder.provisionerd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.CompletedJob;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Log;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.ProvisionerDaemonClient;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import dev.jcoder.codersdk.provisionerd.UpdateJobResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon loop against a hand-written in-memory server. */
class ProvisionerDaemonTest {
    @TempDir
    Path work;

    /** A server that hands out queued jobs and records what the daemon reports. */
    static final class FakeServer implements ProvisionerDaemonClient {
        final BlockingQueue<AcquiredJob> jobs = new LinkedBlockingQueue<>();
        final List<Log> logs = new CopyOnWriteArrayList<>();
        final BlockingQueue<Object> ends = new LinkedBlockingQueue<>();
        final List<Runnable> cancelWatchers = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile int heartbeats;

        @Override
        public Optional<AcquiredJob> acquireJob(Duration timeout) throws InterruptedException {
            return closed ? Optional.empty() : Optional.ofNullable(jobs.poll(Math.min(timeout.toMillis(), 100), TimeUnit.MILLISECONDS));
        }

        @Override
        public UpdateJobResponse updateJob(UpdateJobRequest request) {
            logs.addAll(request.logs());
            if (request.logs().isEmpty() && request.templateVariables().isEmpty()) {
                heartbeats++;
            }
            List<VariableValue> values = request.templateVariables().stream()
                    .filter(v -> !v.required()).map(v -> new VariableValue(v.name(), v.defaultValue())).toList();
            return new UpdateJobResponse(false, values);
        }

        @Override
        public void completeJob(CompletedJob job) {
            ends.add(job);
        }

        @Override
        public void failJob(FailedJob job) {
            ends.add(job);
        }

        @Override
        public Watch watchCancel(UUID jobId, Runnable onCancel) {
            cancelWatchers.add(onCancel);
            return () -> cancelWatchers.remove(onCancel);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] echoArchive(Object echo) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            byte[] content = Json.mapper().writeValueAsBytes(echo);
            TarArchiveEntry entry = new TarArchiveEntry("echo.json");
            entry.setSize(content.length);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
            byte[] readme = "# hi".getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry readmeEntry = new TarArchiveEntry("README.md");
            readmeEntry.setSize(readme.length);
            tar.putArchiveEntry(readmeEntry);
            tar.write(readme);
            tar.closeArchiveEntry();
        }
        return out.toByteArray();
    }

    private static AcquiredJob importJob(byte[] archive) {
        return new AcquiredJob(UUID.randomUUID(), Instant.now(), ProvisionerType.ECHO, "admin", archive,
                new JobPayload.TemplateImport(Metadata.forImport("http://localhost", "t", "v", UUID.randomUUID()), List.of()));
    }

    private ProvisionerDaemon daemon(FakeServer server) {
        return new ProvisionerDaemon("test", server, ProvisionerDaemons.builtIn(),
                new DaemonConfig(work, Duration.ofMillis(50), Duration.ofSeconds(1), Duration.ofMillis(1))).start();
    }

    @Test
    void importJobIsRunAndCompletedWithTheEchoAnswers() throws Exception {
        FakeServer server = new FakeServer();
        try (ProvisionerDaemon daemon = daemon(server)) {
            server.jobs.add(importJob(echoArchive(Map.of("logs", List.of(Map.of("output", "one"), Map.of("output", "two")),
                    "resources", List.of(Map.of("name", "dev", "type", "null_resource"))))));
            Object end = server.ends.poll(10, TimeUnit.SECONDS);
            assertThat(end).isInstanceOfSatisfying(CompletedJob.class, completed ->
                    assertThat(((JobResult.TemplateImport) completed.result()).startResources())
                            .extracting(r -> r.name()).containsExactly("dev"));
            assertThat(server.logs).extracting(Log::output).contains("one", "two");
        }
    }

    @Test
    void failureAndRequiredVariablesAreReported() throws Exception {
        FakeServer server = new FakeServer();
        try (ProvisionerDaemon daemon = daemon(server)) {
            server.jobs.add(importJob(echoArchive(Map.of("error", "broken"))));
            assertThat(server.ends.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(FailedJob.class,
                    failed -> assertThat(failed.error()).isEqualTo("broken"));
            server.jobs.add(importJob(echoArchive(Map.of("variables", List.of(Map.of("name", "token", "required", true))))));
            assertThat(server.ends.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(FailedJob.class,
                    failed -> assertThat(failed.errorCode()).isEqualTo(FailedJob.REQUIRED_TEMPLATE_VARIABLES));
        }
    }

    @Test
    void canceledJobStopsAndHeartbeatsFlowMeanwhile() throws Exception {
        FakeServer server = new FakeServer();
        try (ProvisionerDaemon daemon = daemon(server)) {
            server.jobs.add(importJob(echoArchive(Map.of("wait_for_cancel", true))));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.cancelWatchers.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            assertThat(server.heartbeats).isPositive();
            server.cancelWatchers.forEach(Runnable::run);
            assertThat(server.ends.poll(10, TimeUnit.SECONDS)).isInstanceOfSatisfying(FailedJob.class,
                    failed -> assertThat(failed.error()).isEqualTo("canceled"));
        }
    }

    @Test
    void closeStopsTheLoop() {
        FakeServer server = new FakeServer();
        ProvisionerDaemon daemon = daemon(server);
        assertThat(daemon.isRunning()).isTrue();
        daemon.close();
        assertThat(daemon.isRunning()).isFalse();
        assertThat(server.closed).isTrue();
    }

    @Test
    void archiveEntriesOutsideTheWorkDirectoryAreRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            TarArchiveEntry entry = new TarArchiveEntry("../escape", true);
            entry.setSize(1);
            tar.putArchiveEntry(entry);
            tar.write(1);
            tar.closeArchiveEntry();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Archives.extract(out.toByteArray(), work.resolve("job")))
                .isInstanceOf(IOException.class).hasMessageContaining("../escape");
    }
}
