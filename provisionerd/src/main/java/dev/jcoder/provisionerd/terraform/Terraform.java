package dev.jcoder.provisionerd.terraform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs {@code terraform} subcommands in one working directory with one environment (CONVENTIONS §13):
 * one short method per subcommand; streamed commands hand every output line to a
 * {@link MachineReadableOutput} as it arrives; {@link #interrupt()} sends SIGINT to every running
 * command (Terraform then stops its operation and writes the state it has) and kills them after the
 * grace period. After an interrupt no further command starts.
 */
final class Terraform {
    private final TerraformBinary binary;
    private final Path workDirectory;
    private final Map<String, String> environment;
    private final Duration killGracePeriod;
    private final Set<Process> running = ConcurrentHashMap.newKeySet();
    private volatile boolean interrupted;

    Terraform(TerraformBinary binary, Path workDirectory, Map<String, String> environment, Duration killGracePeriod) {
        this.binary = Objects.requireNonNull(binary, "binary");
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory");
        this.environment = Map.copyOf(environment);
        this.killGracePeriod = Objects.requireNonNull(killGracePeriod, "killGracePeriod");
    }

    Path workDirectory() {
        return workDirectory;
    }

    /** {@code terraform init}: installs modules and providers other than the reattached {@code coder/coder}. */
    void init(MachineReadableOutput output) throws TerraformCommandException, InterruptedException {
        stream(output, List.of("init", "-json", "-input=false"));
    }

    /** {@code terraform plan -out=<planFile>} with the given extra arguments ({@code -destroy}, {@code -var}). */
    void plan(MachineReadableOutput output, Path planFile, List<String> arguments)
            throws TerraformCommandException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("plan", "-json", "-input=false", "-out=" + planFile));
        command.addAll(arguments);
        stream(output, command);
    }

    /** {@code terraform apply} of a saved plan. */
    void apply(MachineReadableOutput output, Path planFile) throws TerraformCommandException, InterruptedException {
        stream(output, List.of("apply", "-json", "-input=false", "-auto-approve", planFile.toString()));
    }

    /** {@code terraform show -json <planFile>}: the plan as JSON. */
    String showPlan(Path planFile) throws TerraformCommandException, InterruptedException {
        return capture(List.of("show", "-json", planFile.toString()));
    }

    /** {@code terraform graph}: the resources of the configuration and their dependencies (DOT). */
    String graph() throws TerraformCommandException, InterruptedException {
        return capture(List.of("graph"));
    }

    /** Asks every running command to stop (SIGINT), then kills what still runs after the grace period. */
    void interrupt() {
        interrupted = true;
        for (Process process : running) {
            // What terraform runs for the operation (local-exec commands and their children, launched
            // providers) belongs to the canceled job; terraform kills its direct children only.
            List<ProcessHandle> descendants = process.descendants().toList();
            signalInterrupt(process);
            Thread.ofVirtual().name("terraform-kill-" + process.pid()).start(() -> {
                try {
                    if (!process.waitFor(killGracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    process.destroyForcibly();
                }
                descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            });
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    private static void signalInterrupt(Process process) {
        // The JDK can only send SIGTERM and SIGKILL; Terraform's graceful stop is documented for SIGINT.
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
        }
    }

    private void stream(MachineReadableOutput output, List<String> arguments)
            throws TerraformCommandException, InterruptedException {
        Process process = start(arguments);
        Thread errors = Thread.ofVirtual().name("terraform-stderr").start(() -> readLines(process.getErrorStream(),
                output::stderr));
        try {
            readLines(process.getInputStream(), output::stdout);
            int exit = process.waitFor();
            errors.join();
            if (exit != 0) {
                throw new TerraformCommandException(arguments.getFirst(), exit, output.errors(), interrupted);
            }
        } finally {
            finish(process);
        }
    }

    private String capture(List<String> arguments) throws TerraformCommandException, InterruptedException {
        Process process = start(arguments);
        StringBuilder stderr = new StringBuilder();
        Thread errors = Thread.ofVirtual().name("terraform-stderr")
                .start(() -> readLines(process.getErrorStream(), line -> stderr.append(line).append('\n')));
        try {
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            errors.join();
            if (exit != 0) {
                throw new TerraformCommandException(arguments.getFirst(), exit, List.of(stderr.toString().strip()),
                        interrupted);
            }
            return stdout;
        } catch (IOException e) {
            throw new TerraformCommandException(arguments.getFirst(), -1, List.of(e.getMessage()), interrupted);
        } finally {
            finish(process);
        }
    }

    private Process start(List<String> arguments) throws TerraformCommandException {
        if (interrupted) {
            throw new TerraformCommandException(arguments.getFirst(), -1, List.of(), true);
        }
        List<String> command = new ArrayList<>();
        command.add(binary.path().toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            running.add(process);
            if (interrupted) {
                // An interrupt raced with the start: treat the new process like the others.
                interrupt();
            }
            return process;
        } catch (IOException e) {
            throw new TerraformCommandException(arguments.getFirst(), -1, List.of(e.getMessage()), false);
        }
    }

    private void finish(Process process) {
        running.remove(process);
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static void readLines(InputStream stream, Consumer<String> consumer) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                consumer.accept(line);
            }
        } catch (IOException e) {
            // the process went away; its exit code tells what happened
        }
    }
}
