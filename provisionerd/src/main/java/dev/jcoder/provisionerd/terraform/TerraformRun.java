package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.provisionerd.Timing;
import dev.jcoder.provisionerd.JobSession;
import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.hosting.HostedProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One job's use of Terraform: its working directory, the hosted {@code coder} providers it started
 * (closed with the run), the terraform runners (interrupted together when the job is canceled) and
 * the timings collected along the way.
 */
final class TerraformRun implements AutoCloseable {
    static final String STATE_FILE = "terraform.tfstate";

    private final TerraformBinary binary;
    private final Path workDirectory;
    private final Map<String, String> baseEnvironment;
    private final TerraformConfig config;
    private final CoderProviderHost host;
    private final JobSession session;
    private final Clock clock;
    private final List<HostedProvider> providers = new CopyOnWriteArrayList<>();
    private final List<Timing> timings = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    TerraformRun(TerraformBinary binary, Path workDirectory, Map<String, String> baseEnvironment, TerraformConfig config,
            CoderProviderHost host, JobSession session, Clock clock) {
        this.binary = binary;
        this.workDirectory = workDirectory;
        this.baseEnvironment = baseEnvironment;
        this.config = config;
        this.host = host;
        this.session = session;
        this.clock = clock;
    }

    /** A runner whose reattached {@code coder} provider carries {@code providerEnvironment}. */
    Terraform terraform(BuildEnvironment providerEnvironment) {
        HostedProvider provider = host.startProvider(providerEnvironment);
        providers.add(provider);
        Map<String, String> environment = new HashMap<>(baseEnvironment);
        environment.put("TF_REATTACH_PROVIDERS", mergeReattach(baseEnvironment.get("TF_REATTACH_PROVIDERS"),
                provider.reattachProviders()));
        Terraform terraform = new Terraform(binary, workDirectory, environment, config.killGracePeriod());
        session.onCancel(terraform::interrupt);
        return terraform;
    }

    /** Keeps providers an operator reattached themselves (TF_REATTACH_PROVIDERS is a JSON object). */
    static String mergeReattach(String existing, String ours) {
        if (existing == null || existing.isBlank()) {
            return ours;
        }
        try {
            JsonNode theirs = Json.mapper().readTree(existing);
            if (!theirs.isObject()) {
                return ours;
            }
            com.fasterxml.jackson.databind.node.ObjectNode merged = theirs.deepCopy();
            merged.setAll((com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(ours));
            return Json.mapper().writeValueAsString(merged);
        } catch (IOException e) {
            return ours;
        }
    }

    /** Output of one command logged live under {@code stage}. */
    MachineReadableOutput output(String stage, String timingStage) {
        return new MachineReadableOutput((level, line) -> session.log(level, stage, line), timingStage, clock::instant);
    }

    /** Output kept back and logged later with {@link BufferedOutput#replay()}, for commands run in parallel. */
    BufferedOutput bufferedOutput(String stage, String timingStage) {
        return new BufferedOutput(stage, timingStage);
    }

    void log(LogLevel level, String stage, String line) {
        session.log(level, stage, line);
    }

    /**
     * {@code terraform init}, unless the template needs nothing it would install (see
     * {@link ConfigurationBlocks}).
     */
    void init(Terraform terraform) throws TerraformCommandException, InterruptedException {
        if (!ConfigurationBlocks.needInit(workDirectory)) {
            session.log(LogLevel.INFO, "Setting up", "Skipping terraform init: the template has no modules and uses "
                    + "only coder/coder (served by this provisioner) and Terraform's built-in provider.");
            return;
        }
        Instant start = clock.instant();
        MachineReadableOutput output = output("Setting up", "init");
        terraform.init(output);
        timings.add(new Timing(start, clock.instant(), "init", "terraform", "initializing terraform", "state file"));
    }

    /** Starts {@code terraform graph} in the background (it reads only the configuration). */
    Future<DependencyGraph> graph(Terraform terraform) {
        return executor.submit(() -> {
            Instant start = clock.instant();
            DependencyGraph graph = DependencyGraph.parse(terraform.graph());
            timings.add(new Timing(start, clock.instant(), "graph", "terraform", "building terraform dependency graph",
                    "state file"));
            return graph;
        });
    }

    <T> Future<T> fork(Callable<T> task) {
        return executor.submit(task);
    }

    /** The result of a forked task, with the task's own exception. */
    static <T> T join(Future<T> future) throws TerraformCommandException, InvalidTemplateException, InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TerraformCommandException command) {
                throw command;
            }
            if (cause instanceof InvalidTemplateException invalid) {
                throw invalid;
            }
            if (cause instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }

    void addTimings(List<Timing> more) {
        timings.addAll(more);
    }

    List<Timing> timings() {
        List<Timing> sorted = new ArrayList<>(timings);
        sorted.sort(java.util.Comparator.comparing(Timing::startedAt));
        return sorted;
    }

    static JsonNode json(String text) throws IOException {
        return Json.mapper().readTree(text);
    }

    /** The state file terraform left in the working directory, or {@code fallback} when there is none. */
    byte[] stateOr(byte[] fallback) {
        Path file = workDirectory.resolve(STATE_FILE);
        try {
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : fallback;
        } catch (IOException e) {
            return fallback;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        providers.forEach(HostedProvider::close);
    }

    /** Log lines of a command running in parallel with another, logged once it is this command's turn. */
    final class BufferedOutput {
        private final String stage;
        private final List<Map.Entry<LogLevel, String>> lines = new CopyOnWriteArrayList<>();
        private final MachineReadableOutput output;

        BufferedOutput(String stage, String timingStage) {
            this.stage = stage;
            this.output = new MachineReadableOutput((level, line) -> lines.add(Map.entry(level, line)), timingStage,
                    clock::instant);
        }

        MachineReadableOutput output() {
            return output;
        }

        void replay() {
            for (Map.Entry<LogLevel, String> line : lines) {
                session.log(line.getKey(), stage, line.getValue());
            }
            lines.clear();
        }
    }
}
