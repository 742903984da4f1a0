package dev.jcoder.coderd.lifecycle;

import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.awaitLatest;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.template;
import static dev.jcoder.coderd.lifecycle.LifecycleFixtures.workspace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.TestCoderd;
import dev.jcoder.coderd.workspaces.WorkspaceBuildBuilder;
import dev.jcoder.coderd.workspaces.WorkspaceEvents;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.awaitility.Awaitility;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One replica at a time, one build per workspace, and an executor that stops when its owner does. */
class LifecycleConcurrencyTest {
    private static TestCoderd server;
    private static CoderClient owner;
    private static ProvisionerDaemons daemons;
    private static Template template;

    @BeforeAll
    static void startServer() {
        server = TestCoderd.start(config -> config.withAutobuildPollInterval(Duration.ofDays(1))
                .withSessionDuration(Duration.ofDays(3650)));
        server.clock().set(Instant.parse("2027-07-01T10:00:00Z"));
        owner = server.createFirstUser();
        daemons = EchoTemplates.startDaemons(server, owner, 2);
        template = template(owner, UpdateTemplateMeta.empty());
    }

    @AfterAll
    static void shutdown() {
        daemons.close();
        server.close();
    }

    /** A second executor on the same database, as another replica would run it. */
    private static LifecycleExecutor otherReplica(Duration interval, SimpleMeterRegistry metrics) {
        AuthorizingStore store = new AuthorizingStore(new PostgresStore(server.coderd().database().jdbi()), new Authorizer(),
                Subject.nobody());
        return new LifecycleExecutor(store, new WorkspaceBuildBuilder(server.clock()),
                new WorkspaceEvents(server.coderd().provisionerJobs().pubsub()), server.coderd().provisionerJobs().events(),
                server.clock(), interval, metrics);
    }

    private static List<Workspace> runningWorkspaces(Instant at, int count) {
        server.clock().set(at);
        List<Workspace> workspaces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            workspaces.add(workspace(owner, template, null, Duration.ofHours(1).toMillis()));
        }
        return workspaces;
    }

    @Test
    void twoExecutorsRacingStopEachWorkspaceOnce() throws Exception {
        List<Workspace> workspaces = runningWorkspaces(Instant.parse("2027-07-01T10:00:00Z"), 6);
        server.clock().set(Instant.parse("2027-07-01T11:00:00Z"));
        try (LifecycleExecutor other = otherReplica(Duration.ofDays(1), new SimpleMeterRegistry())) {
            CountDownLatch go = new CountDownLatch(1);
            var first = CompletableFuture.supplyAsync(() -> awaitThen(go, server.coderd().lifecycleExecutor()::tick));
            var second = CompletableFuture.supplyAsync(() -> awaitThen(go, other::tick));
            go.countDown();
            List<LifecycleExecutor.TickResult> results = List.of(first.get(), second.get());

            for (Workspace workspace : workspaces) {
                long acted = results.stream().filter(r -> r.transitions().containsKey(workspace.id())).count();
                assertThat(acted).as("executors that stopped %s", workspace.name()).isEqualTo(1);
                awaitLatest(owner, workspace.id());
                List<WorkspaceBuild> builds = owner.workspaceBuilds(workspace.id(), 0, 0);
                assertThat(builds).extracting(WorkspaceBuild::transition)
                        .containsExactly(WorkspaceTransition.STOP, WorkspaceTransition.START);
                assertThat(builds.getFirst().reason()).isEqualTo(BuildReason.AUTOSTOP);
            }
        }
    }

    private static <T> T awaitThen(CountDownLatch latch, java.util.function.Supplier<T> work) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return work.get();
    }

    @Test
    void aReplicaThatDoesNotGetTheTickLockSkipsTheTick() {
        List<Workspace> workspaces = runningWorkspaces(Instant.parse("2027-07-02T10:00:00Z"), 1);
        server.clock().set(Instant.parse("2027-07-02T11:00:00Z"));
        try (Handle other = server.coderd().database().jdbi().open()) {
            other.begin();
            assertThat(other.createQuery("SELECT pg_try_advisory_xact_lock(:key)")
                    .bind("key", LifecycleExecutor.TICK_LOCK).mapTo(Boolean.class).one()).isTrue();
            LifecycleExecutor.TickResult skipped = server.coderd().lifecycleExecutor().tick();
            assertThat(skipped.leader()).isFalse();
            assertThat(skipped.transitions()).isEmpty();
            other.rollback();
        }
        LifecycleExecutor.TickResult result = server.coderd().lifecycleExecutor().tick();
        assertThat(result.leader()).isTrue();
        assertThat(result.transitions()).containsEntry(workspaces.getFirst().id(), BuildReason.AUTOSTOP);
        awaitLatest(owner, workspaces.getFirst().id());
    }

    @Test
    void aWorkspaceWhoseBuildLockIsHeldIsLeftToTheNextTick() {
        Workspace workspace = runningWorkspaces(Instant.parse("2027-07-03T10:00:00Z"), 1).getFirst();
        server.clock().set(Instant.parse("2027-07-03T11:00:00Z"));
        try (Handle user = server.coderd().database().jdbi().open()) {
            // As a user's build request in flight holds it.
            user.begin();
            user.execute("SELECT pg_advisory_xact_lock(?)", WorkspaceBuildBuilder.lockKey(workspace.id()));
            assertThat(server.coderd().lifecycleExecutor().tick().transitions()).doesNotContainKey(workspace.id());
            user.rollback();
        }
        assertThat(server.coderd().lifecycleExecutor().tick().transitions())
                .containsEntry(workspace.id(), BuildReason.AUTOSTOP);
        awaitLatest(owner, workspace.id());
        // The stop is the latest build now: a second tick adds nothing.
        assertThat(server.coderd().lifecycleExecutor().tick().transitions()).doesNotContainKey(workspace.id());
        assertThat(owner.workspaceBuilds(workspace.id(), 0, 0)).hasSize(2);
    }

    @Test
    void backgroundTicksRunUntilTheExecutorIsClosed() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        LifecycleExecutor executor = otherReplica(Duration.ofMillis(20), metrics).start();
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> metrics.timer("coderd_lifecycle_autobuild_execution_duration").count() >= 2);
        assertThat(executor.isRunning()).isTrue();
        executor.close();
        // Terminated: its scheduler runs no more ticks.
        assertThat(executor.isRunning()).isFalse();
    }

    @Test
    void theServersExecutorStopsWhenTheServerShutsDown() {
        TestCoderd second = TestCoderd.start();
        LifecycleExecutor executor = second.coderd().lifecycleExecutor();
        assertThat(executor.isRunning()).isTrue();
        assertThat(executor.interval()).isEqualTo(Duration.ofMinutes(1));
        second.close();
        assertThat(executor.isRunning()).isFalse();
    }
}
