package dev.jcoder.cli.templates;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerStorageMethod;
import dev.jcoder.codersdk.ProvisionerType;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionVariable;
import dev.jcoder.codersdk.VariableValue;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder templates push}: upload the directory as a new version, stream the import, then
 * create the template (first push) or make the version active.
 */
@Command(name = "push", description = {"Create or update a template from the current directory or as specified by flag", "",
    "  - Push a template directory:", "      $ coder templates push my-template --directory ./my-template"})
public final class TemplatesPushCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "template", description = "The template's name; defaults to the directory's name.")
    String templateName;

    @Option(names = {"-d", "--directory"}, paramLabel = "<string>", defaultValue = ".",
            description = "Specify the directory to create from, use '-' to read tar from stdin.")
    Path directory;

    @Option(names = "--var", paramLabel = "<key=value>", description = "Alias of --variable.")
    List<String> vars = new ArrayList<>();

    @Option(names = "--variable", paramLabel = "<key=value>", description = "Specify a set of values for Terraform-managed variables.")
    List<String> variables = new ArrayList<>();

    @Option(names = "--variables-file", paramLabel = "<file>",
            description = "Specify a file path with values for Terraform-managed variables (YAML: name: value).")
    Path variablesFile;

    @Option(names = {"-m", "--message"}, paramLabel = "<string>", description = "Specify a message describing the changes in this version of the template.")
    String message = "";

    @Option(names = "--name", paramLabel = "<string>", description = "Specify a name for the new template version. It will be automatically generated if not provided.")
    String versionName = "";

    @Option(names = "--activate", negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Whether the new template will be marked active (default true).")
    boolean activate = true;

    @Option(names = "--provisioner-tag", paramLabel = "<key=value>", description = "Specify a set of tags to target provisioner daemons.")
    List<String> provisionerTags = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Bypass prompts.")
    boolean yes;

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use. Env: $CODER_ORGANIZATION.")
    String organization;

    @Option(names = "--test.provisioner", hidden = true, defaultValue = "terraform",
            description = "Customize the provisioner backend (terraform or echo).")
    String provisioner;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Path source = directory.toAbsolutePath().normalize();
        String name = templateName != null && !templateName.isBlank() ? templateName
                : Optional.ofNullable(source.getFileName()).map(Path::toString).orElse("template");
        Optional<Template> existing = findTemplate(client, organization, name);
        if (!yes && existing.isEmpty()) {
            if (!RootCommand.terminal(spec).confirm(out, "Upload \"" + source + "\"?")) {
                throw new CliException("Canceled.");
            }
        }
        byte[] archive = SourceArchive.pack(source);
        var upload = client.uploadFile("application/x-tar", archive);
        out.println("Uploaded " + archive.length + " bytes.");
        out.flush();

        CreateTemplateVersionRequest request = new CreateTemplateVersionRequest(versionName, message,
                existing.map(Template::id).orElse(null), ProvisionerStorageMethod.FILE, upload.hash(), null,
                ProvisionerType.fromValue(provisioner), pairs(provisionerTags, "--provisioner-tag"), variableValues());
        TemplateVersion version = client.createTemplateVersion(organization, request);
        TemplateVersion done = followImport(client, version, out);
        if (done.job().status() != ProvisionerJobStatus.SUCCEEDED) {
            throw new CliException(importFailure(client, done));
        }
        if (existing.isPresent()) {
            if (activate) {
                client.updateActiveTemplateVersion(existing.get().id(), done.id());
            }
            out.println(Style.bold("Updated version at " + done.createdAt() + "!"));
        } else {
            Template created = client.createTemplate(organization, CreateTemplateRequest.of(name, done.id()));
            out.println(Style.bold("Template \"" + created.name() + "\" has been created at " + created.createdAt() + "!"));
        }
        out.flush();
    }

    static Optional<Template> findTemplate(CoderClient client, String organization, String name) {
        try {
            return Optional.of(client.templateByName(organization, name));
        } catch (CoderApiException e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Prints the import's logs as they arrive (grouped by stage) and returns the finished version. */
    static TemplateVersion followImport(CoderClient client, TemplateVersion version, PrintWriter out) {
        AtomicReference<String> stage = new AtomicReference<>("");
        try {
            client.followTemplateVersionLogs(version.id(), 0, (ProvisionerJobLog line) -> {
                if (!line.stage().isEmpty() && !line.stage().equals(stage.get())) {
                    stage.set(line.stage());
                    out.println(Style.bold("==> ") + line.stage());
                }
                out.println(line.output());
                out.flush();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("Interrupted while waiting for the import.");
        }
        TemplateVersion done = client.templateVersion(version.id());
        // The stream closes once the job has ended; a reconnect or a slow update may still show it running.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!done.job().completed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            done = client.templateVersion(version.id());
        }
        return done;
    }

    private static String importFailure(CoderClient client, TemplateVersion version) {
        String error = version.job().error().isEmpty() ? "The import job " + version.job().status().value() + "."
                : version.job().error();
        if ("REQUIRED_TEMPLATE_VARIABLES".equals(version.job().errorCode())) {
            List<String> missing = client.templateVersionVariables(version.id()).stream()
                    .filter(TemplateVersionVariable::required).map(TemplateVersionVariable::name).toList();
            return "Template import failed: " + error + "\nSet them with --var name=value (required: "
                    + String.join(", ", missing) + ").";
        }
        return "Template import failed: " + error;
    }

    private List<VariableValue> variableValues() {
        Map<String, String> values = new LinkedHashMap<>();
        if (variablesFile != null) {
            try {
                for (String raw : Files.readAllLines(variablesFile)) {
                    String line = raw.strip();
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    int colon = line.indexOf(':');
                    if (colon < 0) {
                        throw new CliException("Cannot read \"" + line + "\" in " + variablesFile + ": expected name: value.");
                    }
                    values.put(line.substring(0, colon).strip(), unquote(line.substring(colon + 1).strip()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + variablesFile + ": " + e.getMessage(), e);
            }
        }
        List<String> given = new ArrayList<>(variables);
        given.addAll(vars);
        values.putAll(pairs(given, "--var"));
        return values.entrySet().stream().map(entry -> new VariableValue(entry.getKey(), entry.getValue())).toList();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    static Map<String, String> pairs(List<String> values, String flag) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new CliException("Invalid " + flag + " \"" + value + "\": expected key=value.");
            }
            result.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return result;
    }
}
