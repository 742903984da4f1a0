package dev.jcoder.coderd;

import dev.jcoder.coderd.auth.ApiKeyIssuer;
import dev.jcoder.coderd.auth.PasswordHasher;
import dev.jcoder.coderd.auth.SessionCookie;
import dev.jcoder.coderd.authcheck.AuthCheckApi;
import dev.jcoder.coderd.database.Database;
import dev.jcoder.coderd.database.PostgresUrls;
import dev.jcoder.coderd.http.ApiKeyAuthenticator;
import dev.jcoder.coderd.http.CsrfProtection;
import dev.jcoder.coderd.http.HttpServer;
import dev.jcoder.coderd.http.RateLimiter;
import dev.jcoder.coderd.lifecycle.ActivityBumper;
import dev.jcoder.coderd.lifecycle.LifecycleExecutor;
import dev.jcoder.coderd.lifecycle.WorkspaceUsageApi;
import dev.jcoder.coderd.metrics.RequestMetrics;
import dev.jcoder.coderd.organizations.DefaultOrganization;
import dev.jcoder.coderd.organizations.OrganizationsApi;
import dev.jcoder.coderd.files.FilesApi;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobs;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobsApi;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobsConfig;
import dev.jcoder.coderd.templates.TemplateExamples;
import dev.jcoder.coderd.templates.TemplatesApi;
import dev.jcoder.coderd.templateversions.TemplateImportJobHandler;
import dev.jcoder.coderd.templateversions.TemplateVersionsApi;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.coderd.rbac.Authorizer;
import dev.jcoder.coderd.rbac.Subject;
import dev.jcoder.coderd.site.SiteHandler;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.PostgresStore;
import dev.jcoder.coderd.tokens.TokensApi;
import dev.jcoder.coderd.users.AuthenticationApi;
import dev.jcoder.coderd.users.UserConverter;
import dev.jcoder.coderd.users.UserCreator;
import dev.jcoder.coderd.users.UsersApi;
import dev.jcoder.coderd.workspaces.WorkspaceBuildBuilder;
import dev.jcoder.coderd.workspaces.WorkspaceBuildJobHandler;
import dev.jcoder.coderd.workspaces.WorkspaceBuildsApi;
import dev.jcoder.coderd.workspaces.WorkspaceEvents;
import dev.jcoder.coderd.workspaces.WorkspaceViews;
import dev.jcoder.coderd.workspaces.WorkspacesApi;
import dev.jcoder.codersdk.BuildInfoResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the server: builds the object graph by hand (database, store,
 * authorizer, services, routes, HTTP server) and owns its lifecycle.
 */
public final class Coderd implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Coderd.class);

    private final Database database;
    private final HttpServer http;
    private final PrometheusMeterRegistry metricsRegistry;
    private final BuildInfoResponse buildInfo;
    private final URI accessUrl;
    private final ProvisionerJobs provisionerJobs;
    private final WorkspaceEvents workspaceEvents;
    private final LifecycleExecutor lifecycleExecutor;
    private final ActivityBumper activityBumper;
    private final AgentServices agents;

    /** The agent API's background parts: tunnels with their heartbeat, and the report batcher. */
    private record AgentServices(dev.jcoder.coderd.agentapi.AgentConnections connections,
            dev.jcoder.coderd.agentapi.AgentReportBatcher batcher) implements AutoCloseable {
        @Override
        public void close() {
            connections.close();
            batcher.close();
        }
    }

    private Coderd(Database database, HttpServer http, PrometheusMeterRegistry metricsRegistry,
            BuildInfoResponse buildInfo, URI accessUrl, ProvisionerJobs provisionerJobs, WorkspaceEvents workspaceEvents,
            LifecycleExecutor lifecycleExecutor, ActivityBumper activityBumper, AgentServices agents) {
        this.lifecycleExecutor = lifecycleExecutor;
        this.activityBumper = activityBumper;
        this.provisionerJobs = provisionerJobs;
        this.workspaceEvents = workspaceEvents;
        this.agents = agents;
        this.database = database;
        this.http = http;
        this.metricsRegistry = metricsRegistry;
        this.buildInfo = buildInfo;
        this.accessUrl = accessUrl;
    }

    /** Connects to the database, migrates it, and starts serving. */
    public static Coderd start(CoderdConfig config, InstantSource clock) {
        long started = System.nanoTime();
        Database database = Database.connect(PostgresUrls.toJdbc(config.postgresUrl()), 20);
        log.info("database connected and migrated in {} ms", (System.nanoTime() - started) / 1_000_000);
        try {
            return start(config, clock, database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static Coderd start(CoderdConfig config, InstantSource clock, Database database) {
        Authorizer authorizer = new Authorizer();
        AuthorizingStore store = new AuthorizingStore(new PostgresStore(database.jdbi()), authorizer, Subject.nobody());
        DefaultOrganization.ensure(store, clock);

        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PasswordHasher hasher = new PasswordHasher(config.passwordIterations());
        UserCreator creator = new UserCreator(hasher, clock);
        ApiKeyIssuer issuer = new ApiKeyIssuer(clock);
        SessionCookie cookie = new SessionCookie(config.secureAuthCookie());
        ApiKeyAuthenticator authenticator = new ApiKeyAuthenticator(store, clock, config);
        ProvisionerJobs jobs = ProvisionerJobs.start(database, store, clock, ProvisionerJobsConfig.defaults());

        WorkspaceEvents workspaceEvents = new WorkspaceEvents(jobs.pubsub());
        WorkspaceBuildBuilder buildBuilder = new WorkspaceBuildBuilder(clock);
        WorkspaceViews workspaceViews = new WorkspaceViews(clock, config.allowWorkspaceRenames());
        ActivityBumper activityBumper = new ActivityBumper(store, workspaceEvents, clock);

        String deploymentId = store.getDeploymentID().orElse("");
        String version = BuildVersion.version();
        // The access URL is only known for sure once the port is bound (port 0 in tests).
        var listening = new java.util.concurrent.atomic.AtomicReference<URI>(config.accessUrl());
        BuildInfoResponse buildInfo = new BuildInfoResponse("https://github.com/coder/coder", version, "",
                false, "2.0", "1.4", "", deploymentId, false);

        AgentServices agents = new AgentServices(
                new dev.jcoder.coderd.agentapi.AgentConnections(store, clock, workspaceEvents::publish),
                new dev.jcoder.coderd.agentapi.AgentReportBatcher(store, jobs.pubsub(), activityBumper::bump,
                        Duration.ofSeconds(1)));
        List<dev.jcoder.coderd.http.Api> apis = List.of(
                new AuthenticationApi(store, creator, hasher, issuer, cookie, config),
                new UsersApi(creator, hasher, authorizer, clock, config),
                new TokensApi(issuer, config),
                new OrganizationsApi(),
                new AuthCheckApi(authorizer, config),
                new FilesApi(clock),
                new TemplatesApi(clock, TemplateExamples::load),
                new TemplateVersionsApi(clock, jobs.events(), jobs.logStream(), authenticator),
                new ProvisionerJobsApi(),
                new WorkspacesApi(clock, buildBuilder, workspaceViews, workspaceEvents, jobs.events(),
                        config.allowWorkspaceRenames()),
                new WorkspaceBuildsApi(clock, buildBuilder, workspaceViews, workspaceEvents, jobs.events(),
                        jobs.logStream(), authenticator),
                new WorkspaceUsageApi(activityBumper),
                new dev.jcoder.coderd.agentapi.AgentApi(new dev.jcoder.coderd.agentapi.AgentAuthenticator(store),
                        agents.batcher(), new dev.jcoder.coderd.agentapi.AgentTunnelEndpoint(agents.connections()),
                        jobs.pubsub(), clock, config, workspaceEvents::publish),
                new dev.jcoder.coderd.agentapi.WorkspaceAgentsApi(authenticator, agents.connections(), jobs.pubsub(), clock),
                new dev.jcoder.coderd.connect.AgentConnectApi(authenticator, agents.connections(), activityBumper::bump, clock),
                new dev.jcoder.coderd.agentapi.AgentDeliveryApi(config.agentBundleDirectory(), listening::get),
                routes -> routes.get("/api/v2/buildinfo", ctx -> ctx.json(withDashboardUrl(buildInfo, listening.get()))));
        SiteHandler site = new SiteHandler(buildInfo, auth -> UserConverter.toSdk(auth.store(), auth.user()));
        HttpServer http;
        try {
            http = new HttpServer(config, version, clock, authenticator, new CsrfProtection(config.secureAuthCookie()),
                    new RateLimiter(config.apiRateLimit(), clock), new RateLimiter(config.loginRateLimit(), clock),
                    new RequestMetrics(registry), apis, site).start();
        } catch (RuntimeException e) {
            workspaceEvents.close();
            agents.close();
            jobs.close(); // the job queue's loops must not outlive a server that never started
            throw e;
        }
        URI accessUrl = config.accessUrl().toString().isEmpty()
                ? URI.create("http://" + hostForUrl(config.httpHost()) + ":" + http.port())
                : config.accessUrl();
        listening.set(accessUrl);
        jobs.daemonServer().register(ProvisionerJobType.TEMPLATE_VERSION_IMPORT, new TemplateImportJobHandler(listening::get));
        jobs.daemonServer().register(ProvisionerJobType.WORKSPACE_BUILD,
                new WorkspaceBuildJobHandler(listening::get, issuer, config.defaultTokenLifetime()));
        LifecycleExecutor lifecycle = new LifecycleExecutor(store, buildBuilder, workspaceEvents, jobs.events(), clock,
                config.autobuildPollInterval(), registry).start();
        log.info("serving the API and dashboard on http://{}:{} (access URL {})", config.httpHost(), http.port(), accessUrl);
        return new Coderd(database, http, registry, withDashboardUrl(buildInfo, accessUrl), accessUrl, jobs,
                workspaceEvents, lifecycle, activityBumper, agents);
    }

    private static BuildInfoResponse withDashboardUrl(BuildInfoResponse info, URI accessUrl) {
        return new BuildInfoResponse(info.externalUrl(), info.version(), accessUrl.toString(), info.workspaceProxy(),
                info.agentApiVersion(), info.provisionerApiVersion(), info.upgradeMessage(), info.deploymentId(),
                info.telemetry());
    }

    private static String hostForUrl(String host) {
        if (host.isEmpty() || host.equals("0.0.0.0")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public int port() {
        return http.port();
    }

    public URI accessUrl() {
        return accessUrl;
    }

    public BuildInfoResponse buildInfo() {
        return buildInfo;
    }

    public PrometheusMeterRegistry metricsRegistry() {
        return metricsRegistry;
    }

    public Database database() {
        return database;
    }

    /** The tunnels of the agents connected to this server (to open streams to them). */
    public dev.jcoder.coderd.agentapi.AgentConnections agentConnections() {
        return agents.connections();
    }

    /** The provisioner job queue: daemon server (for in-process daemons), reaper, pubsub. */
    public ProvisionerJobs provisionerJobs() {
        return provisionerJobs;
    }

    /** The lifecycle executor: {@link LifecycleExecutor#tick()} runs a tick now (tests, end-to-end checks). */
    public LifecycleExecutor lifecycleExecutor() {
        return lifecycleExecutor;
    }

    /** Where every kind of workspace use (agent sessions, connections, usage reports) is recorded and bumped. */
    public ActivityBumper activityBumper() {
        return activityBumper;
    }

    /** Stops accepting requests, lets in-flight ones finish (up to {@code grace}), closes the pool. */
    public void shutdown(Duration grace) {
        lifecycleExecutor.close(); // no new automatic builds while the server winds down
        workspaceEvents.close(); // ends workspace watches, which would otherwise hold the drain for the whole grace
        http.shutdown(grace);
        agents.close();
        provisionerJobs.close();
        database.close();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(10));
    }
}
