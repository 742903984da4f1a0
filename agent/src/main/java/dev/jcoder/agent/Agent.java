package dev.jcoder.agent;

import dev.jcoder.agent.apphealth.AppHealthChecker;
import dev.jcoder.agent.lifecycle.LifecycleReporter;
import dev.jcoder.agent.logs.LogSender;
import dev.jcoder.agent.metadata.MetadataCollector;
import dev.jcoder.agent.ports.ListeningPorts;
import dev.jcoder.agent.scripts.ScriptRunner;
import dev.jcoder.agent.pty.PtyOptions;
import dev.jcoder.agent.pty.ReconnectingPtyService;
import dev.jcoder.agent.ssh.AgentSshServer;
import dev.jcoder.agent.ssh.SshServerConfig;
import dev.jcoder.agent.stats.StatsReporter;
import dev.jcoder.agent.tunnel.AgentHttpHandler;
import dev.jcoder.agent.tunnel.AgentTunnel;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.agentsdk.AgentClient;
import dev.jcoder.codersdk.agentsdk.GitSshKey;
import dev.jcoder.codersdk.agentsdk.Manifest;
import dev.jcoder.codersdk.agentsdk.PostStartupRequest;
import dev.jcoder.codersdk.agentsdk.RetryPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace agent: fetches its manifest, starts the SSH server and the tunnel, reports
 * {@code starting}, runs the start scripts and reports {@code ready} (or {@code start_error} /
 * {@code start_timeout}), then collects metadata, checks app health and reports stats until
 * {@link #stop()}: {@code shutting_down}, the stop scripts, {@code off} (or {@code shutdown_error} /
 * {@code shutdown_timeout}), logs flushed. Every call to coderd retries while the server is away,
 * and a new tunnel re-reports the lifecycle state.
 */
public final class Agent implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Agent.class);
    /** How long shutdown waits for the last logs and states to reach coderd. */
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);

    private final AgentOptions options;
    private final InstantSource clock;
    private final AgentClient client;
    private final RetryPolicy retry = RetryPolicy.defaults();
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CompletableFuture<Manifest> manifestFuture = new CompletableFuture<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private volatile LifecycleReporter lifecycle;
    private volatile Thread runner;

    public Agent(AgentOptions options, InstantSource clock) {
        this.options = options;
        this.clock = clock;
        this.client = new AgentClient(options.url(), options.token());
    }

    /** The manifest, once the agent fetched it. */
    public CompletableFuture<Manifest> manifest() {
        return manifestFuture;
    }

    /** The lifecycle state the agent last entered. */
    public Optional<WorkspaceAgentLifecycle> lifecycleState() {
        LifecycleReporter reporter = lifecycle;
        return reporter == null ? Optional.empty() : reporter.current();
    }

    /** Runs the agent until {@link #stop()} (or an interrupt); returns after the shutdown sequence. */
    public void run() throws InterruptedException, IOException {
        runner = Thread.currentThread();
        try {
            runUntilStopped();
        } finally {
            closeResources();
            stopped.countDown();
        }
    }

    private void runUntilStopped() throws InterruptedException, IOException {
        Files.createDirectories(options.logDir());
        Files.createDirectories(options.scriptDataDir());
        Manifest manifest = retry.run(client::manifest, e -> log.info("waiting for coderd at {}: {}", client.url(), e.getMessage()));
        manifestFuture.complete(manifest);
        log.info("agent {} of workspace {}/{} started", manifest.agentName(), manifest.ownerName(), manifest.workspaceName());

        Map<String, String> base = WorkspaceEnvironment.of(manifest, client.url(), gitSshKey());
        Path directory = WorkspaceEnvironment.expandDirectory(manifest.directory(), manifest.environmentVariables());
        Map<String, String> processEnv = WorkspaceEnvironment.forProcesses(base);

        LifecycleReporter reporter = own(new LifecycleReporter(client, retry, clock));
        lifecycle = reporter;
        LogSender logs = own(new LogSender(client, retry, Duration.ofMillis(250)));
        SshServerConfig.Builder sshConfig = SshServerConfig.builder().environment(base);
        if (Files.isDirectory(directory)) {
            sshConfig.workingDirectory(directory);
        }
        if (!manifest.motdFile().isEmpty()) {
            sshConfig.motdFile(Path.of(manifest.motdFile()));
        }
        AgentSshServer ssh = own(AgentSshServer.create(sshConfig.build()));
        ssh.start();

        reporter.report(WorkspaceAgentLifecycle.STARTING);
        PostStartupRequest startup = new PostStartupRequest(options.version(), directory.toString(), List.of());
        ReconnectingPtyService ptys = own(new ReconnectingPtyService(PtyOptions.of(processEnv, directory)));
        AgentTunnel tunnel = own(new AgentTunnel(client, ssh, ptys,
                new AgentHttpHandler(ListeningPorts.system(), () -> Set.of(ssh.port())), retry,
                () -> {
                    // A new tunnel may mean a restarted server: tell it again who we are and where we are.
                    postStartup(startup);
                    reporter.reReport();
                }));
        tunnel.start();
        own(new StatsReporter(client, ssh.stats(), tunnel::tcpConnections, tunnel::totalBytes, Duration.ZERO)).start();
        own(new MetadataCollector(client, retry, clock, processEnv, directory, Duration.ofSeconds(1))).start(manifest.metadata());
        own(new AppHealthChecker(client, retry)).start(manifest.apps());

        ScriptRunner scripts = own(new ScriptRunner(manifest.scripts(), processEnv, directory, options.logDir(),
                options.scriptDataDir(), logs, clock));
        CompletableFuture<ScriptRunner.Result> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return scripts.runStartScripts();
            } catch (InterruptedException e) {
                throw new IllegalStateException("stopped", e);
            }
        }, command -> Thread.ofVirtual().name("agent-start-scripts").start(command));
        while (!starting.isDone() && !stopRequested.await(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            // wait for the start scripts or a stop, whichever comes first
        }
        if (starting.isDone()) {
            reporter.report(switch (result(starting)) {
                case SUCCEEDED -> WorkspaceAgentLifecycle.READY;
                case FAILED -> WorkspaceAgentLifecycle.START_ERROR;
                case TIMED_OUT -> WorkspaceAgentLifecycle.START_TIMEOUT;
            });
            scripts.startCron();
            stopRequested.await();
        } else {
            starting.cancel(true);
        }

        reporter.report(WorkspaceAgentLifecycle.SHUTTING_DOWN);
        scripts.stopCron();
        reporter.report(switch (scripts.runStopScripts()) {
            case SUCCEEDED -> WorkspaceAgentLifecycle.OFF;
            case FAILED -> WorkspaceAgentLifecycle.SHUTDOWN_ERROR;
            case TIMED_OUT -> WorkspaceAgentLifecycle.SHUTDOWN_TIMEOUT;
        });
        if (!logs.flush(FLUSH_TIMEOUT)) {
            log.warn("some logs did not reach coderd before shutdown");
        }
        if (!reporter.awaitSent(FLUSH_TIMEOUT)) {
            log.warn("the last lifecycle states did not reach coderd before shutdown");
        }
        log.info("agent stopped");
    }

    private static ScriptRunner.Result result(CompletableFuture<ScriptRunner.Result> starting) {
        try {
            return starting.get();
        } catch (ExecutionException | InterruptedException e) {
            return ScriptRunner.Result.FAILED;
        }
    }

    private void postStartup(PostStartupRequest startup) {
        try {
            retry.run(() -> {
                client.postStartup(startup);
                return null;
            }, e -> log.debug("startup report failed, retrying: {}", e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("coderd refused the startup report: {}", e.getMessage());
        }
    }

    /** Writes the owner's Coder SSH key for {@code GIT_SSH_COMMAND}; empty when coderd has none for us. */
    private Optional<Path> gitSshKey() throws InterruptedException {
        try {
            GitSshKey key = retry.run(client::gitSshKey, e -> log.debug("fetching the Git SSH key: {}", e.getMessage()));
            if (key.privateKey().isBlank()) {
                return Optional.empty();
            }
            Path file = options.scriptDataDir().resolve("coder-gitssh-key");
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key.privateKey().endsWith("\n") ? key.privateKey() : key.privateKey() + "\n",
                    StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (CoderApiException | IOException e) {
            log.warn("no Git SSH key for sessions: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private synchronized <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    private synchronized void closeResources() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.debug("closing {}: {}", resources.get(i), e.toString());
            }
        }
        resources.clear();
    }

    /** Starts the shutdown sequence and waits for it (at most {@code timeout}); true if it finished. */
    public boolean stop(Duration timeout) throws InterruptedException {
        stopRequested.countDown();
        Thread thread = runner;
        if (thread != null && !manifestFuture.isDone()) {
            thread.interrupt(); // still waiting for coderd: nothing started, nothing to shut down
        }
        return stopped.await(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** {@link #stop(Duration)} with up to 5 minutes for the stop scripts and the last reports. */
    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofMinutes(5));
    }
}
