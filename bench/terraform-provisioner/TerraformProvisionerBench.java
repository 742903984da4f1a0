import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.AcquiredJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.provisionerd.JobSession;
import dev.jcoder.provisionerd.terraform.TerraformConfig;
import dev.jcoder.provisionerd.terraform.TerraformProvisioner;
import dev.jcoder.terraform.provider.ProviderEnvironment;
import dev.jcoder.terraform.provider.hosting.CoderProviderHost;
import dev.jcoder.terraform.provider.hosting.HostedProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Terraform provisioner benchmark (issue 4), one JVM:
 * 1. provider overhead per build: a start build of the `local` starter through the provisioner
 *    (init, plan while graph runs, apply, show -json, state) minus `terraform plan -out` + `apply`
 *    of the same template run alone in an initialised directory against an already running hosted
 *    provider with the same environment (target <= 0.5 s);
 * 2. template import of `local` with the plugin cache and everything warm (target <= 3 s).
 * Every start is followed by an (untimed) delete, which also stops the started agent.
 */
public final class TerraformProvisionerBench {
    static final String ACCESS_URL = "http://127.0.0.1:9/";

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path root = Path.of("").toAbsolutePath();
        Path template = root.resolve("examples/templates/local");
        Path scratch = Files.createTempDirectory("tfp-bench");
        Path workspaces = Files.createDirectories(scratch.resolve("workspaces"));
        Path cliConfig = scratch.resolve("terraform.rc");
        Files.createDirectories(scratch.resolve("empty-mirror"));
        Files.writeString(cliConfig, "provider_installation {\n  filesystem_mirror {\n    path = \""
                + scratch.resolve("empty-mirror") + "\"\n  }\n}\n");
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
        environment.remove("TF_REATTACH_PROVIDERS");
        List<VariableValue> variables = List.of(new VariableValue("workspaces_directory", workspaces.toString()));

        try (TerraformProvisioner provisioner = TerraformProvisioner.start(
                TerraformConfig.defaults(scratch.resolve("cache")).withEnvironment(environment), Clock.systemUTC())) {
            // Warm-up: JIT, plugin cache, provider host.
            for (int i = 0; i < 2; i++) {
                runImport(provisioner, template, scratch, variables);
                byte[] state = build(provisioner, template, scratch, WorkspaceTransition.START, new byte[0], variables).state();
                build(provisioner, template, scratch, WorkspaceTransition.DELETE, state, variables);
            }

            List<Long> provisioned = new ArrayList<>();
            List<Long> imports = new ArrayList<>();
            Map<String, List<Long>> stages = new java.util.TreeMap<>();
            for (int i = 0; i < iterations; i++) {
                long start = System.nanoTime();
                JobResult.WorkspaceBuild started = build(provisioner, template, scratch, WorkspaceTransition.START,
                        new byte[0], variables);
                provisioned.add(millisSince(start));
                byte[] state = started.state();
                started.timings().stream().filter(t -> t.stage().equals("init") || t.stage().equals("graph"))
                        .forEach(t -> stages.computeIfAbsent(t.stage(), k -> new ArrayList<>())
                                .add(Duration.between(t.startedAt(), t.endedAt()).toMillis()));
                build(provisioner, template, scratch, WorkspaceTransition.DELETE, state, variables);

                start = System.nanoTime();
                runImport(provisioner, template, scratch, variables);
                imports.add(millisSince(start));
            }

            List<Long> plain = plainTerraform(template, scratch, environment, workspaces, iterations);

            long build = median(provisioned);
            long alone = median(plain);
            System.out.printf("terraform provisioner, local starter, %d CPUs, median of %d runs%n",
                    Runtime.getRuntime().availableProcessors(), iterations);
            System.out.printf("  start build through the provisioner     %6d ms   (all: %s)%n", build, provisioned);
            System.out.printf("  plain terraform plan+apply, same setup  %6d ms   (all: %s)%n", alone, plain);
            System.out.printf("  provider overhead per build             %6d ms   (target <= 500)%n", build - alone);
            stages.forEach((stage, times) -> System.out.printf("    of which terraform %-5s (median)      %6d ms%s%n",
                    stage, median(times), stage.equals("graph") ? "   (runs alongside plan)" : ""));
            System.out.printf("  template import, warm init              %6d ms   (target <= 3000; all: %s)%n",
                    median(imports), imports);
        } finally {
            deleteTree(scratch);
        }
    }

    /** plan -out + apply of the template in an initialised directory, provider already running. */
    static List<Long> plainTerraform(Path template, Path scratch, Map<String, String> environment, Path workspaces,
            int iterations) throws Exception {
        List<Long> times = new ArrayList<>();
        Path dir = copy(template, scratch);
        Map<String, String> providerEnvironment = ProviderEnvironment.builder().accessUrl(ACCESS_URL)
                .agentScript("linux", "amd64", "#!/bin/sh\nsleep 3600\n").transition("start")
                .workspace(UUID.randomUUID().toString(), "plain").owner(UUID.randomUUID().toString(), "bench", "Bench",
                        "bench@example.com")
                .build().variables();
        try (CoderProviderHost host = CoderProviderHost.startWithUnixSockets(scratch.resolve("s"));
                HostedProvider provider = host.startProvider(providerEnvironment)) {
            Map<String, String> env = new HashMap<>(environment);
            env.putAll(provider.terraformEnvironment());
            env.put("TF_IN_AUTOMATION", "1");
            env.put("CHECKPOINT_DISABLE", "1");
            String variable = "workspaces_directory=" + workspaces;
            terraform(dir, env, "init", "-input=false");
            for (int i = 0; i < iterations + 1; i++) {
                long start = System.nanoTime();
                terraform(dir, env, "plan", "-input=false", "-out=plan.out", "-var", variable);
                terraform(dir, env, "apply", "-input=false", "-auto-approve", "plan.out");
                long took = millisSince(start);
                if (i > 0) {
                    times.add(took);
                }
                terraform(dir, env, "destroy", "-input=false", "-auto-approve", "-var", variable);
            }
        }
        return times;
    }

    static void terraform(Path dir, Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("terraform"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        int exit = builder.start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("terraform " + String.join(" ", arguments) + " failed (" + exit + ")");
        }
    }

    static JobResult.WorkspaceBuild build(TerraformProvisioner provisioner, Path template, Path scratch,
            WorkspaceTransition transition, byte[] state, List<VariableValue> variables) throws Exception {
        Metadata metadata = new Metadata(ACCESS_URL, transition, "bench", "bench", UUID.randomUUID(), UUID.randomUUID(),
                "bench@example.com", "Bench", "local", "v1", UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "",
                "", "", "password", List.of(), List.of());
        Path work = copy(template, scratch);
        try {
            return (JobResult.WorkspaceBuild) provisioner.run(job(new JobPayload.WorkspaceBuild(
                    metadata.workspaceBuildId(), "bench", List.of(), variables, metadata, state, "")), work, new Quiet(variables));
        } finally {
            deleteTree(work);
        }
    }

    static void runImport(TerraformProvisioner provisioner, Path template, Path scratch, List<VariableValue> variables)
            throws Exception {
        Path work = copy(template, scratch);
        try {
            provisioner.run(job(new JobPayload.TemplateImport(Metadata.forImport(ACCESS_URL, "local", "v1",
                    UUID.randomUUID()), variables)), work, new Quiet(variables));
        } finally {
            deleteTree(work);
        }
    }

    static AcquiredJob job(JobPayload payload) {
        return new AcquiredJob(UUID.randomUUID(), Instant.now(), ProvisionerType.TERRAFORM, "bench", new byte[0], payload);
    }

    /** Discards logs and answers variables with the given values. */
    record Quiet(List<VariableValue> values) implements JobSession {
        public void log(LogLevel level, String stage, String output) {}

        public List<VariableValue> reportVariables(List<TemplateVariable> variables, String readme) {
            return values;
        }

        public boolean canceled() {
            return false;
        }

        public void onCancel(Runnable action) {}
    }

    static Path copy(Path template, Path scratch) throws Exception {
        Path work = Files.createTempDirectory(scratch, "job-");
        try (Stream<Path> files = Files.list(template)) {
            for (Path file : files.toList()) {
                Files.copy(file, work.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return work;
    }

    static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
