package dev.jcoder.cli.server;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.coderd.Coderd;
import dev.jcoder.coderd.CoderdConfig;
import dev.jcoder.coderd.database.EmbeddedPostgresServer;
import dev.jcoder.coderd.database.PostgresUrls;
import dev.jcoder.coderd.metrics.PrometheusEndpoint;
import dev.jcoder.codersdk.GoDuration;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.provisionerd.DaemonConfig;
import dev.jcoder.provisionerd.ProvisionerDaemons;
import dev.jcoder.provisionerd.Provisioner;
import dev.jcoder.provisionerd.terraform.TerraformConfig;
import dev.jcoder.provisionerd.terraform.TerraformProvisioner;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code coder server}: the control plane. Every flag has Coder's name, environment variable and default. */
@Command(name = "server", description = "Start a jcoder server.", sortOptions = false)
public final class ServerCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--http-address", defaultValue = "${env:CODER_HTTP_ADDRESS:-127.0.0.1:3000}", paramLabel = "<host:port>",
            description = "HTTP bind address of the server. Env: $CODER_HTTP_ADDRESS. Default: ${DEFAULT-VALUE}.")
    String httpAddress;

    @Option(names = "--access-url", defaultValue = "${env:CODER_ACCESS_URL}", paramLabel = "<url>",
            description = "The URL that users will use to access the deployment; defaults to the listen address. Env: $CODER_ACCESS_URL.")
    String accessUrl;

    @Option(names = "--postgres-url", defaultValue = "${env:CODER_PG_CONNECTION_URL}", paramLabel = "<url>",
            description = "URL of a PostgreSQL database (postgres://user:pass@host/db?sslmode=disable). "
                    + "If empty, an embedded PostgreSQL 17 keeps its data under the config directory. Env: $CODER_PG_CONNECTION_URL.")
    String postgresUrl;

    @Option(names = "--cache-dir", defaultValue = "${env:CODER_CACHE_DIRECTORY}", paramLabel = "<path>",
            description = "The directory to cache temporary files: Terraform working directories and the provider plugin cache "
                    + "(default: the config directory). Env: $CODER_CACHE_DIRECTORY.")
    Path cacheDir;

    @Option(names = "--session-duration", defaultValue = "${env:CODER_SESSION_DURATION:-24h0m0s}", paramLabel = "<duration>",
            description = "The token expiry duration for browser sessions, extended while in use. Env: $CODER_SESSION_DURATION. Default: ${DEFAULT-VALUE}.")
    String sessionDuration;

    @Option(names = "--disable-session-expiry-refresh", defaultValue = "${env:CODER_DISABLE_SESSION_EXPIRY_REFRESH:-false}",
            description = "Disable automatic session expiry bumping due to activity. Env: $CODER_DISABLE_SESSION_EXPIRY_REFRESH.")
    boolean disableSessionExpiryRefresh;

    @Option(names = "--default-token-lifetime", defaultValue = "${env:CODER_DEFAULT_TOKEN_LIFETIME:-168h0m0s}", paramLabel = "<duration>",
            description = "The default lifetime duration for API tokens. Env: $CODER_DEFAULT_TOKEN_LIFETIME. Default: ${DEFAULT-VALUE}.")
    String defaultTokenLifetime;

    @Option(names = "--max-token-lifetime", defaultValue = "${env:CODER_MAX_TOKEN_LIFETIME:-876600h0m0s}", paramLabel = "<duration>",
            description = "The maximum lifetime duration users can specify when creating an API token. Env: $CODER_MAX_TOKEN_LIFETIME. Default: ${DEFAULT-VALUE}.")
    String maxTokenLifetime;

    @Option(names = "--secure-auth-cookie", defaultValue = "${env:CODER_SECURE_AUTH_COOKIE:-false}",
            description = "Controls if the 'Secure' property is set on browser session cookies. Env: $CODER_SECURE_AUTH_COOKIE.")
    boolean secureAuthCookie;

    @Option(names = "--api-rate-limit", defaultValue = "${env:CODER_API_RATE_LIMIT:-512}", paramLabel = "<int>",
            description = "Maximum number of requests per minute allowed to the API per user, or per IP address for unauthenticated users. Negative values mean no rate limit. Env: $CODER_API_RATE_LIMIT. Default: ${DEFAULT-VALUE}.")
    int apiRateLimit;

    @Option(names = "--dangerous-disable-rate-limits", defaultValue = "${env:CODER_DANGEROUS_DISABLE_RATE_LIMITS:-false}",
            description = "Disables all rate limits. This is not recommended in production. Env: $CODER_DANGEROUS_DISABLE_RATE_LIMITS.")
    boolean disableRateLimits;

    @Option(names = "--prometheus-enable", defaultValue = "${env:CODER_PROMETHEUS_ENABLE:-false}",
            description = "Serve prometheus metrics on the address defined by prometheus address. Env: $CODER_PROMETHEUS_ENABLE.")
    boolean prometheusEnable;

    @Option(names = "--prometheus-address", defaultValue = "${env:CODER_PROMETHEUS_ADDRESS:-127.0.0.1:2112}", paramLabel = "<host:port>",
            description = "The bind address to serve prometheus metrics. Env: $CODER_PROMETHEUS_ADDRESS. Default: ${DEFAULT-VALUE}.")
    String prometheusAddress;

    @Option(names = "--log-human", defaultValue = "${env:CODER_LOGGING_HUMAN:-/dev/stderr}", paramLabel = "<path>",
            description = "Output human-readable logs to a given file. Env: $CODER_LOGGING_HUMAN. Default: ${DEFAULT-VALUE}.")
    String logHuman;

    @Option(names = "--log-json", defaultValue = "${env:CODER_LOGGING_JSON}", paramLabel = "<path>",
            description = "Output JSON logs to a given file (e.g. /dev/stderr). Env: $CODER_LOGGING_JSON.")
    String logJson;

    @Option(names = "--provisioner-daemons", defaultValue = "${env:CODER_PROVISIONER_DAEMONS:-3}", paramLabel = "<int>",
            description = "Number of provisioner daemons to create on start. If builds are stuck in queued state for a long time, "
                    + "consider increasing this. Env: $CODER_PROVISIONER_DAEMONS.")
    int provisionerDaemons;

    @Option(names = "--allow-workspace-renames", defaultValue = "${env:CODER_ALLOW_WORKSPACE_RENAMES:-false}",
            description = "DEPRECATED: Allow users to rename their workspaces. Use only for temporary compatibility reasons, "
                    + "this will be removed in a future release. Env: $CODER_ALLOW_WORKSPACE_RENAMES.")
    boolean allowWorkspaceRenames;

    // Hidden as in Coder: a knob for tests and debugging, not for operators.
    @Option(names = "--autobuild-poll-interval", hidden = true, paramLabel = "<duration>",
            defaultValue = "${env:CODER_AUTOBUILD_POLL_INTERVAL:-1m0s}",
            description = "Interval to poll for scheduled workspace builds. Env: $CODER_AUTOBUILD_POLL_INTERVAL.")
    String autobuildPollInterval;

    @Option(names = {"-v", "--verbose"}, defaultValue = "${env:CODER_VERBOSE:-false}",
            description = "Output debug-level logs. Env: $CODER_VERBOSE.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        ServerLogging.configure(logHuman, Optional.ofNullable(logJson).filter(path -> !path.isBlank()), verbose);
        PrintWriter out = spec.commandLine().getOut();
        HostPort http = HostPort.parse(httpAddress, "--http-address");
        Path configDir = global.configDirectory().root();

        Optional<EmbeddedPostgresServer> embedded = Optional.empty();
        String databaseUrl;
        if (postgresUrl == null || postgresUrl.isBlank()) {
            Path data = configDir.resolve("postgres").resolve("data");
            out.println("Using built-in PostgreSQL (" + data + ")");
            out.flush();
            embedded = Optional.of(EmbeddedPostgresServer.start(data));
            databaseUrl = embedded.get().jdbcUrl("postgres");
        } else {
            databaseUrl = PostgresUrls.toJdbc(postgresUrl);
        }

        CoderdConfig config;
        try {
            config = CoderdConfig.defaults(databaseUrl)
                    .withHttp(http.host(), http.port())
                    .withAccessUrl(accessUrl == null || accessUrl.isBlank() ? URI.create("") : URI.create(accessUrl.strip()))
                    .withSessionDuration(GoDuration.parse(sessionDuration))
                    .withTokenLifetimes(GoDuration.parse(defaultTokenLifetime), GoDuration.parse(maxTokenLifetime))
                    .withCookieAndSession(secureAuthCookie, disableSessionExpiryRefresh)
                    .withRateLimits(disableRateLimits ? -1 : apiRateLimit,
                            disableRateLimits ? -1 : CoderdConfig.DEFAULT_LOGIN_RATE_LIMIT)
                    .withAllowWorkspaceRenames(allowWorkspaceRenames)
                    .withAutobuildPollInterval(GoDuration.parse(autobuildPollInterval));
        } catch (IllegalArgumentException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw new CliException(e.getMessage(), e);
        }

        Coderd coderd;
        try {
            coderd = Coderd.start(config, Clock.systemUTC());
        } catch (RuntimeException e) {
            embedded.ifPresent(EmbeddedPostgresServer::close);
            throw new CliException("Cannot start the server: " + e.getMessage(), e);
        }
        Optional<PrometheusEndpoint> prometheus = Optional.empty();
        if (prometheusEnable) {
            HostPort address = HostPort.parse(prometheusAddress, "--prometheus-address");
            prometheus = Optional.of(new PrometheusEndpoint(coderd.metricsRegistry(), address.host(), address.port()));
            out.println("Prometheus metrics on http://" + address.host() + ":" + prometheus.get().port() + "/metrics");
        }
        // In-process provisioner daemons: they talk to coderd's queue without a network hop and run
        // both terraform (with our coder provider hosted in this JVM) and echo jobs.
        Path cacheRoot = cacheDir != null ? cacheDir : configDir;
        TerraformProvisioner terraform = TerraformProvisioner.start(TerraformConfig.defaults(cacheRoot), Clock.systemUTC());
        Map<ProvisionerType, Provisioner> provisioners = new EnumMap<>(ProvisionerType.class);
        provisioners.putAll(ProvisionerDaemons.builtIn());
        provisioners.put(ProvisionerType.TERRAFORM, terraform);
        ProvisionerDaemons daemons = ProvisionerDaemons.start(Math.max(0, provisionerDaemons), "built-in",
                registration -> coderd.provisionerJobs().daemonServer().connectToDefaultOrganization(registration,
                        coderd.buildInfo().version()),
                provisioners, DaemonConfig.defaults(cacheRoot.resolve("provisionerd")));
        out.println("Started HTTP listener at http://" + http.host() + ":" + coderd.port());
        out.println();
        out.println("View the Web UI: " + coderd.accessUrl());
        out.flush();

        CountDownLatch stopped = new CountDownLatch(1);
        Optional<EmbeddedPostgresServer> database = embedded;
        Optional<PrometheusEndpoint> metrics = prometheus;
        Thread shutdown = new Thread(() -> {
            out.println();
            out.println("Interrupt caught, gracefully exiting...");
            out.flush();
            daemons.close();
            terraform.close();
            coderd.shutdown(Duration.ofSeconds(10));
            metrics.ifPresent(PrometheusEndpoint::close);
            database.ifPresent(EmbeddedPostgresServer::close);
            out.println("Stopped.");
            out.flush();
            stopped.countDown();
        }, "coder-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        stopped.await();
        return 0;
    }

    /** {@code host:port} as the address flags take it. */
    record HostPort(String host, int port) {
        static HostPort parse(String value, String flag) {
            int colon = value.lastIndexOf(':');
            if (colon < 0) {
                throw new CliException("Invalid " + flag + " \"" + value + "\": expected host:port.");
            }
            try {
                String host = value.substring(0, colon).replace("[", "").replace("]", "");
                return new HostPort(host.isEmpty() ? "0.0.0.0" : host, Integer.parseInt(value.substring(colon + 1)));
            } catch (NumberFormatException e) {
                throw new CliException("Invalid " + flag + " \"" + value + "\": the port must be a number.");
            }
        }
    }
}
