package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.provisionerd.JobFailedException;
import dev.jcoder.provisionerd.JobSession;
import dev.jcoder.provisionerd.Provisioner;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code terraform} provisioner: runs a job's template with the real {@code terraform} binary and
 * our {@code coder/coder} provider hosted in this JVM (one provider instance per Terraform
 * environment, attached through {@code TF_REATTACH_PROVIDERS}).
 *
 * <ul>
 *   <li>Template import: reads the variables, reports them (and the README) and gets their values,
 *       then {@code init}, plans of the stop and start transitions (in parallel, without state) and
 *       {@code graph}; reports parameters, presets, workspace tags, external auth and the resources of
 *       both plans.</li>
 *   <li>Workspace build: writes the previous state, {@code init}, {@code plan} (with {@code -destroy}
 *       for delete), {@code apply}; reads the new state file (resources, their dependencies) and reports
 *       it with the resources and agents it holds and the timings. A failed or canceled build still hands back
 *       the state terraform wrote.</li>
 *   <li>Dry run: like a build, plan only.</li>
 * </ul>
 * The daemon gives each job its own working directory and removes it afterwards; the provider plugin
 * cache is shared ({@code TF_PLUGIN_CACHE_DIR}).
 */
public final class TerraformProvisioner implements Provisioner, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TerraformProvisioner.class);
    private static final String PLAN_FILE = "terraform.tfplan";

    private final TerraformConfig config;
    private final CoderProviderHost host;
    private final Path socketDirectory;
    private final Clock clock;
    private final AtomicReference<TerraformBinary> binary = new AtomicReference<>();

    private TerraformProvisioner(TerraformConfig config, CoderProviderHost host, Path socketDirectory, Clock clock) {
        this.config = config;
        this.host = host;
        this.socketDirectory = socketDirectory;
        this.clock = clock;
    }

    /**
     * Starts the provider host (unix sockets in a fresh private directory under the system temporary
     * directory: socket paths must stay short) and says in the log whether terraform is usable.
     */
    public static TerraformProvisioner start(TerraformConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Path sockets;
        try {
            sockets = Files.createTempDirectory("jcoder-tfp");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Cannot create a directory for provider sockets.", e);
        }
        TerraformProvisioner provisioner = new TerraformProvisioner(config,
                CoderProviderHost.startWithUnixSockets(sockets.resolve("s")), sockets, clock);
        try {
            TerraformBinary found = provisioner.terraform();
            log.info("terraform provisioner: terraform {} at {}", found.version(), found.path());
        } catch (JobFailedException e) {
            log.warn("terraform provisioner: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return provisioner;
    }

    /** The checked terraform binary; checked again on every job until it is found, so installing it needs no restart. */
    TerraformBinary terraform() throws JobFailedException, InterruptedException {
        TerraformBinary known = binary.get();
        if (known != null) {
            return known;
        }
        try {
            TerraformBinary found = TerraformBinary.locate(config.terraform(), config.environment());
            binary.set(found);
            return found;
        } catch (TerraformUnavailableException e) {
            throw new JobFailedException(e.getMessage());
        }
    }

    @Override
    public JobResult run(AcquiredJob job, Path workDirectory, JobSession session)
            throws JobFailedException, InterruptedException {
        TerraformBinary terraform = terraform();
        session.log(LogLevel.INFO, "Setting up", "Terraform " + terraform.version() + " (" + terraform.path() + ")");
        try (TerraformRun run = new TerraformRun(terraform, workDirectory, baseEnvironment(), config, host, session,
                clock)) {
            return switch (job.payload()) {
                case JobPayload.TemplateImport importJob -> importTemplate(importJob, workDirectory, session, run);
                case JobPayload.WorkspaceBuild build -> build(build, workDirectory, session, run);
                case JobPayload.TemplateDryRun dryRun -> dryRun(dryRun, session, run);
            };
        }
    }

    private Map<String, String> baseEnvironment() throws JobFailedException {
        Map<String, String> environment = new HashMap<>(config.environment());
        environment.put("TF_IN_AUTOMATION", "1");
        environment.put("CHECKPOINT_DISABLE", "1");
        if (environment.getOrDefault("TF_PLUGIN_CACHE_DIR", "").isBlank()) {
            Path cache = config.pluginCacheDirectory();
            try {
                Files.createDirectories(cache);
            } catch (IOException e) {
                throw new JobFailedException("Cannot create the provider plugin cache " + cache + ": " + e.getMessage());
            }
            environment.put("TF_PLUGIN_CACHE_DIR", cache.toString());
        }
        return environment;
    }

    private JobResult importTemplate(JobPayload.TemplateImport job, Path workDirectory, JobSession session,
            TerraformRun run) throws JobFailedException, InterruptedException {
        session.log(LogLevel.INFO, "Parsing template parameters", "Reading the template's variables.");
        List<TemplateVariable> variables;
        try {
            variables = VariableDeclarations.read(workDirectory);
        } catch (IOException | InvalidTemplateException e) {
            throw new JobFailedException(e.getMessage());
        }
        List<VariableValue> values = session.reportVariables(variables, readme(workDirectory));
        Set<String> given = values.stream().map(VariableValue::name).collect(Collectors.toSet());
        List<String> missing = variables.stream().filter(TemplateVariable::required).map(TemplateVariable::name)
                .filter(name -> !given.contains(name)).toList();
        if (!missing.isEmpty()) {
            throw new JobFailedException("Required template variables need values: " + String.join(", ", missing) + ".",
                    FailedJob.REQUIRED_TEMPLATE_VARIABLES);
        }
        List<String> arguments = new ArrayList<>(variableArguments(values, variables));
        // No state exists during an import, so the two plans need no lock and may run side by side.
        arguments.add("-lock=false");
        Metadata metadata = job.metadata();
        try {
            Terraform start = run.terraform(ProviderEnvironments.forPlan(metadata, WorkspaceTransition.START, List.of()));
            Terraform stop = run.terraform(ProviderEnvironments.forPlan(metadata, WorkspaceTransition.STOP, List.of()));
            run.init(start);
            Future<DependencyGraph> graph = run.graph(start);
            Path stopPlan = Path.of("stop." + PLAN_FILE);
            Path startPlan = Path.of("start." + PLAN_FILE);
            TerraformRun.BufferedOutput startOutput = run.bufferedOutput("Detecting ephemeral resources", "plan");
            Future<String> startJson = run.fork(() -> {
                start.plan(startOutput.output(), startPlan, arguments);
                return start.showPlan(startPlan);
            });
            MachineReadableOutput stopOutput = run.output("Detecting persistent resources", "plan");
            stop.plan(stopOutput, stopPlan, arguments);
            String stopJson = stop.showPlan(stopPlan);
            String startShown;
            try {
                startShown = TerraformRun.join(startJson);
            } finally {
                startOutput.replay();
            }
            DependencyGraph dependencies = TerraformRun.join(graph);
            TemplateResources started = StateConverter.convert(planModules(startShown), dependencies);
            TemplateResources stopped = StateConverter.convert(planModules(stopJson), dependencies);
            checkPresets(started);
            return new JobResult.TemplateImport(started.resources(), stopped.resources(), started.parameters(),
                    started.presets(),
                    started.externalAuth().stream().map(TemplateResources.ExternalAuthProvider::id).toList(),
                    started.workspaceTags());
        } catch (TerraformCommandException e) {
            throw failure(e, session, new byte[0]);
        } catch (InvalidTemplateException | IOException e) {
            throw new JobFailedException(e.getMessage());
        }
    }

    private JobResult build(JobPayload.WorkspaceBuild build, Path workDirectory, JobSession session, TerraformRun run)
            throws JobFailedException, InterruptedException {
        if (build.metadata() == null) {
            throw new JobFailedException("The workspace build job carries no metadata.", "", build.state());
        }
        WorkspaceTransition transition = build.metadata().workspaceTransition() == null ? WorkspaceTransition.START
                : build.metadata().workspaceTransition();
        try {
            if (build.state().length > 0) {
                Files.write(workDirectory.resolve(TerraformRun.STATE_FILE), build.state());
            }
        } catch (IOException e) {
            throw new JobFailedException("Cannot write the previous Terraform state: " + e.getMessage(), "", build.state());
        }
        List<String> arguments = new ArrayList<>(variableArguments(build.variableValues(), List.of()));
        if (transition == WorkspaceTransition.DELETE) {
            arguments.add("-destroy");
        }
        Path plan = Path.of(PLAN_FILE);
        try {
            Terraform terraform = run.terraform(ProviderEnvironments.forBuild(build));
            run.init(terraform);
            MachineReadableOutput planOutput = run.output("Planning infrastructure", "plan");
            try {
                terraform.plan(planOutput, plan, arguments);
            } finally {
                run.addTimings(planOutput.timings());
            }
            MachineReadableOutput applyOutput = run.output(applyStage(transition), "apply");
            try {
                terraform.apply(applyOutput, plan);
            } finally {
                run.addTimings(applyOutput.timings());
            }
            // The state file has what `show -json` would print; reading it saves a terraform process.
            // ... and the dependencies `terraform graph` would give (transitively): no graph process either.
            byte[] state = run.stateOr(new byte[0]);
            JsonNode module = StateFile.rootModule(state);
            TemplateResources resources = StateConverter.convert(List.of(module),
                    DependencyGraph.fromDependencies(StateFile.dependencies(module)));
            return new JobResult.WorkspaceBuild(state, resources.resources(), run.timings());
        } catch (TerraformCommandException e) {
            throw failure(e, session, run.stateOr(build.state()));
        } catch (InvalidTemplateException | IOException e) {
            throw new JobFailedException(e.getMessage(), "", run.stateOr(build.state()));
        }
    }

    private JobResult dryRun(JobPayload.TemplateDryRun dryRun, JobSession session, TerraformRun run)
            throws JobFailedException, InterruptedException {
        if (dryRun.metadata() == null) {
            throw new JobFailedException("The dry run job carries no metadata.");
        }
        Path plan = Path.of(PLAN_FILE);
        try {
            Terraform terraform = run.terraform(ProviderEnvironments.forPlan(dryRun.metadata(),
                    dryRun.metadata().workspaceTransition(), dryRun.richParameterValues()));
            run.init(terraform);
            Future<DependencyGraph> graph = run.graph(terraform);
            terraform.plan(run.output("Planning infrastructure", "plan"), plan,
                    variableArguments(dryRun.variableValues(), List.of()));
            String shown = terraform.showPlan(plan);
            return new JobResult.TemplateDryRun(
                    StateConverter.convert(planModules(shown), TerraformRun.join(graph)).resources());
        } catch (TerraformCommandException e) {
            throw failure(e, session, new byte[0]);
        } catch (InvalidTemplateException | IOException e) {
            throw new JobFailedException(e.getMessage());
        }
    }

    private static String applyStage(WorkspaceTransition transition) {
        return switch (transition) {
            case START -> "Starting workspace";
            case STOP -> "Stopping workspace";
            case DELETE -> "Destroying workspace";
        };
    }

    private static JobFailedException failure(TerraformCommandException e, JobSession session, byte[] state) {
        if (e.interrupted() || session.canceled()) {
            return new JobFailedException("canceled", "", state);
        }
        return new JobFailedException(e.getMessage(), "", state);
    }

    /** {@code -var name=value} for each value; during an import only for declared variables. */
    private static List<String> variableArguments(List<VariableValue> values, List<TemplateVariable> declared) {
        Set<String> names = declared.stream().map(TemplateVariable::name).collect(Collectors.toSet());
        List<String> arguments = new ArrayList<>();
        for (VariableValue value : values) {
            if (declared.isEmpty() || names.contains(value.name())) {
                arguments.add("-var");
                arguments.add(value.name() + "=" + value.value());
            }
        }
        return arguments;
    }

    /** Every preset may only name parameters the template has, and only one may be the default. */
    private static void checkPresets(TemplateResources resources) throws InvalidTemplateException {
        Set<String> parameters = resources.parameters().stream().map(p -> p.name()).collect(Collectors.toSet());
        long defaults = resources.presets().stream().filter(p -> p.isDefault()).count();
        if (defaults > 1) {
            throw new InvalidTemplateException("Only one preset may be the default, but " + defaults + " are.");
        }
        for (var preset : resources.presets()) {
            for (String name : preset.parameters().keySet()) {
                if (!parameters.contains(name)) {
                    throw new InvalidTemplateException("Preset \"" + preset.name() + "\" sets parameter \"" + name
                            + "\", which the template does not define.");
                }
            }
        }
    }

    private static List<JsonNode> planModules(String json) throws IOException {
        JsonNode plan = TerraformRun.json(json);
        return List.of(plan.path("prior_state").path("values").path("root_module"),
                plan.path("planned_values").path("root_module"));
    }

    private static String readme(Path workDirectory) {
        Path file = workDirectory.resolve("README.md");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        host.close();
        dev.jcoder.provisionerd.Archives.deleteTree(socketDirectory);
    }
}
