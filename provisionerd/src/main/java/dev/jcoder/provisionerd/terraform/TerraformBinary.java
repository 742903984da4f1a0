package dev.jcoder.provisionerd.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.codersdk.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The {@code terraform} executable the provisioner runs, found and version-checked once. */
public record TerraformBinary(Path path, TerraformVersion version) {

    /**
     * Finds {@code command} (a path, or a name looked up on {@code PATH} of {@code environment}) and
     * checks that it is at least {@link TerraformVersion#MINIMUM}.
     *
     * @throws TerraformUnavailableException with a message that says what is wrong and what to do
     */
    public static TerraformBinary locate(String command, Map<String, String> environment)
            throws TerraformUnavailableException, InterruptedException {
        Path executable = resolve(command, environment.getOrDefault("PATH", ""))
                .orElseThrow(() -> new TerraformUnavailableException("Terraform is not installed: \"" + command
                        + "\" was not found" + (command.contains("/") ? "" : " on PATH") + ". Install Terraform "
                        + TerraformVersion.MINIMUM + " or newer (https://developer.hashicorp.com/terraform/install) "
                        + "on the provisioner's host to run Terraform templates."));
        TerraformVersion version = versionOf(executable, environment);
        if (version.compareTo(TerraformVersion.MINIMUM) < 0) {
            throw new TerraformUnavailableException("Terraform " + version + " at " + executable + " is too old: the "
                    + "provisioner needs Terraform " + TerraformVersion.MINIMUM + " or newer.");
        }
        return new TerraformBinary(executable, version);
    }

    private static Optional<Path> resolve(String command, String searchPath) {
        if (command.contains("/")) {
            Path path = Path.of(command);
            return Files.isExecutable(path) && !Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        }
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static TerraformVersion versionOf(Path executable, Map<String, String> environment)
            throws TerraformUnavailableException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "version", "-json")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        String output;
        try {
            Process process = builder.start();
            output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new TerraformUnavailableException(executable + " does not answer \"version -json\" like Terraform "
                        + TerraformVersion.MINIMUM + " or newer does.");
            }
        } catch (IOException e) {
            throw new TerraformUnavailableException("Cannot run " + executable + ": " + e.getMessage());
        }
        try {
            JsonNode version = Json.mapper().readTree(output).path("terraform_version");
            return TerraformVersion.parse(version.asText());
        } catch (IOException | IllegalArgumentException e) {
            throw new TerraformUnavailableException(executable + " printed no Terraform version (\"" + output.strip()
                    + "\"); the provisioner needs Terraform " + TerraformVersion.MINIMUM + " or newer.");
        }
    }
}
