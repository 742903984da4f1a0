import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.lifecycle.LifecycleExecutor;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.templates.EchoTemplates;
import dev.jcoder.coderd.testing.MutableClock;
import dev.jcoder.coderd.testing.TestDatabase;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateFirstUserRequest;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import java.net.URI;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Lifecycle executor benchmark: one in-process coderd (embedded PostgreSQL, a fixed clock, the
 * background tick off), WORKSPACES workspaces inserted with SQL, and timed ticks of the executor.
 * Usage: LifecycleBench [workspaces=10000]
 */
public class LifecycleBench {
    /** A Wednesday noon (UTC): the stopped workspaces' 09:00 Berlin weekday autostart is tomorrow. */
    private static final Instant NOW = Instant.parse("2027-09-15T12:00:00Z");

    public static void main(String[] args) throws Exception {
        int workspaces = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        MutableClock clock = new MutableClock(NOW);
        CoderdConfig config = CoderdConfig.defaults(TestDatabase.createDatabase()).withHttp("127.0.0.1", 0)
                .withRateLimits(-1, -1).withPasswordIterations(1024).withAutobuildPollInterval(Duration.ofDays(1));
        try (Coderd coderd = Coderd.start(config, clock)) {
            CoderClient anonymous = new CoderClient(URI.create("http://127.0.0.1:" + coderd.port()));
            anonymous.createFirstUser(new CreateFirstUserRequest("bench@example.com", "bench", "", "Bench-Password-2026-x"));
            CoderClient owner = anonymous.withToken(anonymous.login("bench@example.com", "Bench-Password-2026-x").sessionToken());
            Template template = template(coderd, owner);

            long insertStarted = System.nanoTime();
            insert(coderd.database().jdbi(), template.id(), workspaces);
            System.out.printf("inserted %,d workspaces with one build each in %d ms%n", workspaces,
                    (System.nanoTime() - insertStarted) / 1_000_000);

            LifecycleExecutor executor = coderd.lifecycleExecutor();
            LifecycleExecutor.TickResult first = executor.tick();
            System.out.printf("first tick:  %,d eligible, %,d builds queued, %d errors, %d ms "
                    + "(computes and stores every stopped workspace's next start)%n",
                    first.considered(), first.transitions().size(), first.errors().size(), first.duration().toMillis());

            List<Long> steady = new ArrayList<>();
            int eligible = 0;
            for (int i = 0; i < 5; i++) {
                LifecycleExecutor.TickResult tick = executor.tick();
                steady.add(tick.duration().toNanos());
                eligible = tick.considered();
            }
            Collections.sort(steady);
            System.out.printf("steady tick: %,d eligible, median %.1f ms, max %.1f ms over 5 ticks (target <= 1000 ms)%n",
                    eligible, steady.get(2) / 1e6, steady.get(4) / 1e6);

            // The selection alone: what a tick costs when nothing is due.
            PostgresStore store = new PostgresStore(coderd.database().jdbi());
            List<Long> queries = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                store.getWorkspacesEligibleForTransition(clock.instant());
                queries.add(System.nanoTime() - started);
            }
            Collections.sort(queries);
            System.out.printf("eligibility query alone: median %.1f ms%n", queries.get(2) / 1e6);
        }
    }

    /** A template imported by one in-process echo daemon, which is stopped again so due builds stay queued. */
    private static Template template(Coderd coderd, CoderClient owner) throws Exception {
        UUID file = EchoTemplates.upload(owner, EchoTemplates.echo(Map.of()));
        DaemonConfig daemonConfig = new DaemonConfig(Files.createTempDirectory("lifecycle-bench"), Duration.ofSeconds(5),
                Duration.ofSeconds(30), Duration.ofMillis(5));
        try (ProvisionerDaemons daemons = ProvisionerDaemons.start(1, "bench",
                registration -> coderd.provisionerJobs().daemonServer().connectToDefaultOrganization(registration, "bench"),
                ProvisionerDaemons.builtIn(), daemonConfig)) {
            TemplateVersion version = owner.createTemplateVersion("default",
                    CreateTemplateVersionRequest.ofFile(file, ProvisionerType.ECHO));
            while (!owner.templateVersion(version.id()).job().completed()) {
                Thread.sleep(20);
            }
            return owner.createTemplate("default", CreateTemplateRequest.of("bench", version.id()));
        }
    }

    /**
     * Per hundred workspaces: 1 running past its deadline, 1 stopped two days ago with an autostart
     * due, 58 running with a deadline an hour ahead, 30 stopped ten minutes ago with an autostart
     * tomorrow, 10 stopped without a schedule.
     */
    private static void insert(Jdbi jdbi, UUID templateId, int count) {
        Timestamp now = Timestamp.from(NOW);
        jdbi.useTransaction(h -> {
            h.execute("""
                    CREATE TEMP TABLE bench ON COMMIT DROP AS
                    SELECT i, i % 100 AS kind, gen_random_uuid() AS ws, gen_random_uuid() AS job, gen_random_uuid() AS build
                    FROM generate_series(1, ?) AS i""", count);
            h.createUpdate("""
                    INSERT INTO workspaces (id, created_at, updated_at, owner_id, organization_id, template_id, name,
                                            autostart_schedule, ttl_ms, last_used_at)
                    SELECT b.ws, :now, :now, t.created_by, t.organization_id, t.id, 'bench-' || b.i,
                           CASE WHEN b.kind = 1 OR b.kind BETWEEN 60 AND 89
                                THEN 'CRON_TZ=Europe/Berlin 0 9 * * 1-5' END,
                           3600000, :now
                    FROM bench b CROSS JOIN templates t WHERE t.id = :template""")
                    .bind("now", now).bind("template", templateId).execute();
            h.createUpdate("""
                    INSERT INTO provisioner_jobs (id, created_at, updated_at, started_at, completed_at, organization_id,
                                                  initiator_id, provisioner, type, input, file_id)
                    SELECT b.job, s.at, s.at, s.at, s.at, t.organization_id, t.created_by, 'echo', 'workspace_build',
                           jsonb_build_object('workspace_build_id', b.build), vj.file_id
                    FROM bench b
                    CROSS JOIN templates t
                    JOIN template_versions v ON v.id = t.active_version_id
                    JOIN provisioner_jobs vj ON vj.id = v.job_id
                    CROSS JOIN LATERAL (SELECT CASE WHEN b.kind = 1 THEN CAST(:now AS timestamptz) - interval '2 days'
                                                    ELSE CAST(:now AS timestamptz) - interval '10 minutes' END AS at) s
                    WHERE t.id = :template""")
                    .bind("now", now).bind("template", templateId).execute();
            h.createUpdate("""
                    INSERT INTO workspace_builds (id, created_at, updated_at, workspace_id, template_version_id, build_number,
                                                  transition, initiator_id, job_id, deadline, reason)
                    SELECT b.build, j.created_at, j.created_at, b.ws, t.active_version_id, 1,
                           CASE WHEN b.kind = 0 OR b.kind BETWEEN 2 AND 59 THEN 'start' ELSE 'stop' END,
                           t.created_by, b.job,
                           CASE WHEN b.kind = 0 THEN CAST(:now AS timestamptz) - interval '1 minute'
                                WHEN b.kind BETWEEN 2 AND 59 THEN CAST(:now AS timestamptz) + interval '1 hour' END,
                           'initiator'
                    FROM bench b JOIN provisioner_jobs j ON j.id = b.job CROSS JOIN templates t
                    WHERE t.id = :template""")
                    .bind("now", now).bind("template", templateId).execute();
        });
        jdbi.useHandle(h -> h.execute("ANALYZE"));
    }
}
