package dev.jcoder.coderd;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything coderd needs to know, filled by {@code coder server} from flags and {@code CODER_*}
 * environment variables. Defaults are Coder's and live in {@link #defaults(String)}.
 *
 * @param httpHost              address to listen on ({@code --http-address} host part)
 * @param httpPort              port to listen on; 0 picks a free one (tests)
 * @param accessUrl             the URL users and workspaces reach the server at; empty until known
 * @param postgresUrl           JDBC or {@code postgres://} URL of the database
 * @param sessionDuration       browser session lifetime, extended while in use ({@code --session-duration})
 * @param defaultTokenLifetime  lifetime of a token created without one ({@code --default-token-lifetime})
 * @param maxTokenLifetime      the longest lifetime a token may ask for ({@code --max-token-lifetime})
 * @param disableSessionExpiryRefresh keep session expiry fixed instead of extending it while in use
 * @param secureAuthCookie      mark the session cookie {@code Secure}
 * @param apiRateLimit          API requests per minute per user or IP; negative disables
 * @param loginRateLimit        login attempts per minute per IP; negative disables
 * @param maxRequestBodyBytes   the largest JSON request body accepted (413 above it)
 * @param passwordIterations    PBKDF2 iterations for new password hashes (Coder: 65535)
 * @param allowWorkspaceRenames whether {@code PATCH /workspaces/{id}} may rename ({@code --allow-workspace-renames})
 * @param autobuildPollInterval how often the lifecycle executor ticks ({@code --autobuild-poll-interval}, hidden)
 * @param agentStatsRefreshInterval how often agents report stats (Coder's {@code CODER_AGENT_STATS_REFRESH_INTERVAL}, 30 s)
 * @param agentBundleDirectory  where the agent bundles served at {@code /bin/coder-<os>-<arch>} are
 *                              ({@code scripts/build-agent-bundle} writes {@code .build/agent} of the checkout)
 */
public record CoderdConfig(
        String httpHost,
        int httpPort,
        URI accessUrl,
        String postgresUrl,
        Duration sessionDuration,
        Duration defaultTokenLifetime,
        Duration maxTokenLifetime,
        boolean disableSessionExpiryRefresh,
        boolean secureAuthCookie,
        int apiRateLimit,
        int loginRateLimit,
        long maxRequestBodyBytes,
        int passwordIterations,
        boolean allowWorkspaceRenames,
        Duration autobuildPollInterval,
        Duration agentStatsRefreshInterval,
        java.nio.file.Path agentBundleDirectory) {

    public static final Duration DEFAULT_SESSION_DURATION = Duration.ofHours(24);
    public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(168);
    public static final Duration DEFAULT_MAX_TOKEN_LIFETIME = Duration.ofHours(876600);
    public static final int DEFAULT_API_RATE_LIMIT = 512;
    public static final int DEFAULT_LOGIN_RATE_LIMIT = 60;
    public static final long DEFAULT_MAX_REQUEST_BODY_BYTES = 10L * 1024 * 1024;
    public static final Duration DEFAULT_AUTOBUILD_POLL_INTERVAL = Duration.ofMinutes(1);
    public static final Duration DEFAULT_AGENT_STATS_REFRESH_INTERVAL = Duration.ofSeconds(30);

    public CoderdConfig {
        Objects.requireNonNull(httpHost, "httpHost");
        Objects.requireNonNull(accessUrl, "accessUrl");
        Objects.requireNonNull(postgresUrl, "postgresUrl");
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        Objects.requireNonNull(defaultTokenLifetime, "defaultTokenLifetime");
        Objects.requireNonNull(maxTokenLifetime, "maxTokenLifetime");
        Objects.requireNonNull(autobuildPollInterval, "autobuildPollInterval");
        if (autobuildPollInterval.isNegative() || autobuildPollInterval.isZero()) {
            throw new IllegalArgumentException("The autobuild poll interval must be positive, not "
                    + autobuildPollInterval + ".");
        }
        Objects.requireNonNull(agentStatsRefreshInterval, "agentStatsRefreshInterval");
        Objects.requireNonNull(agentBundleDirectory, "agentBundleDirectory");
        if (defaultTokenLifetime.compareTo(maxTokenLifetime) > 0) {
            throw new IllegalArgumentException("The default token lifetime (" + defaultTokenLifetime
                    + ") is longer than the maximum token lifetime (" + maxTokenLifetime + ").");
        }
    }

    /** Coder's defaults, listening on 127.0.0.1:3000, for the given database. */
    public static CoderdConfig defaults(String postgresUrl) {
        return new CoderdConfig("127.0.0.1", 3000, URI.create(""), postgresUrl, DEFAULT_SESSION_DURATION,
                DEFAULT_TOKEN_LIFETIME, DEFAULT_MAX_TOKEN_LIFETIME, false, false, DEFAULT_API_RATE_LIMIT,
                DEFAULT_LOGIN_RATE_LIMIT, DEFAULT_MAX_REQUEST_BODY_BYTES, 65535, false,
                DEFAULT_AUTOBUILD_POLL_INTERVAL, DEFAULT_AGENT_STATS_REFRESH_INTERVAL,
                defaultAgentBundleDirectory());

    }

    /** {@code .build/agent} next to the {@code ./coder} launcher that started us, else under the working directory. */
    static java.nio.file.Path defaultAgentBundleDirectory() {
        String launcher = System.getProperty("jcoder.launcher", "");
        java.nio.file.Path root = launcher.isEmpty() ? java.nio.file.Path.of("")
                : java.nio.file.Path.of(launcher).toAbsolutePath().getParent();
        return root.resolve(".build").resolve("agent").toAbsolutePath();
    }

    public CoderdConfig withAgentStatsRefreshInterval(Duration interval) {
        return with(b -> b.agentStatsRefreshInterval = interval);
    }

    public CoderdConfig withAgentBundleDirectory(java.nio.file.Path directory) {
        return with(b -> b.agentBundleDirectory = directory);
    }

    public CoderdConfig withHttp(String host, int port) {
        return with(b -> {
            b.httpHost = host;
            b.httpPort = port;
        });
    }

    public CoderdConfig withAccessUrl(URI url) {
        return with(b -> b.accessUrl = url);
    }

    public CoderdConfig withRateLimits(int api, int login) {
        return with(b -> {
            b.apiRateLimit = api;
            b.loginRateLimit = login;
        });
    }

    public CoderdConfig withPasswordIterations(int iterations) {
        return with(b -> b.passwordIterations = iterations);
    }

    public CoderdConfig withSessionDuration(Duration duration) {
        return with(b -> b.sessionDuration = duration);
    }

    public CoderdConfig withTokenLifetimes(Duration defaultLifetime, Duration maxLifetime) {
        return with(b -> {
            b.defaultTokenLifetime = defaultLifetime;
            b.maxTokenLifetime = maxLifetime;
        });
    }

    public CoderdConfig withCookieAndSession(boolean secure, boolean disableRefresh) {
        return with(b -> {
            b.secureAuthCookie = secure;
            b.disableSessionExpiryRefresh = disableRefresh;
        });
    }

    public CoderdConfig withAllowWorkspaceRenames(boolean allow) {
        return with(b -> b.allowWorkspaceRenames = allow);
    }

    public CoderdConfig withAutobuildPollInterval(Duration interval) {
        return with(b -> b.autobuildPollInterval = interval);
    }

    /** A copy with some components changed; the compact constructor validates the result. */
    private CoderdConfig with(Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.build();
    }

    /** The components of a config being copied, so each wither names only what it changes. */
    private static final class Copy {
        String httpHost;
        int httpPort;
        URI accessUrl;
        String postgresUrl;
        Duration sessionDuration;
        Duration defaultTokenLifetime;
        Duration maxTokenLifetime;
        boolean disableSessionExpiryRefresh;
        boolean secureAuthCookie;
        int apiRateLimit;
        int loginRateLimit;
        long maxRequestBodyBytes;
        int passwordIterations;
        boolean allowWorkspaceRenames;
        Duration autobuildPollInterval;
        Duration agentStatsRefreshInterval;
        java.nio.file.Path agentBundleDirectory;

        Copy(CoderdConfig from) {
            httpHost = from.httpHost;
            httpPort = from.httpPort;
            accessUrl = from.accessUrl;
            postgresUrl = from.postgresUrl;
            sessionDuration = from.sessionDuration;
            defaultTokenLifetime = from.defaultTokenLifetime;
            maxTokenLifetime = from.maxTokenLifetime;
            disableSessionExpiryRefresh = from.disableSessionExpiryRefresh;
            secureAuthCookie = from.secureAuthCookie;
            apiRateLimit = from.apiRateLimit;
            loginRateLimit = from.loginRateLimit;
            maxRequestBodyBytes = from.maxRequestBodyBytes;
            passwordIterations = from.passwordIterations;
            allowWorkspaceRenames = from.allowWorkspaceRenames;
            autobuildPollInterval = from.autobuildPollInterval;
            agentStatsRefreshInterval = from.agentStatsRefreshInterval;
            agentBundleDirectory = from.agentBundleDirectory;
        }

        CoderdConfig build() {
            return new CoderdConfig(httpHost, httpPort, accessUrl, postgresUrl, sessionDuration, defaultTokenLifetime,
                    maxTokenLifetime, disableSessionExpiryRefresh, secureAuthCookie, apiRateLimit, loginRateLimit,
                    maxRequestBodyBytes, passwordIterations, allowWorkspaceRenames, autobuildPollInterval,
                    agentStatsRefreshInterval, agentBundleDirectory);
        }
    }
}
