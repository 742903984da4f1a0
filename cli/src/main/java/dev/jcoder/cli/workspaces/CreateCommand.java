package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.RootCommand;
import dev.jcoder.cli.Style;
import dev.jcoder.cli.Terminal;
import dev.jcoder.cli.workspaces.parameters.BuildAction;
import dev.jcoder.cli.workspaces.parameters.BuildOptions;
import dev.jcoder.cli.workspaces.parameters.ParameterOptions;
import dev.jcoder.cli.workspaces.parameters.ParameterSources;
import dev.jcoder.cli.workspaces.schedule.AutostartSchedule;
import dev.jcoder.cli.workspaces.schedule.Durations;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Preset;
import dev.jcoder.codersdk.Template;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coder create}: a new workspace from a template. Missing values (name, template,
 * parameters) are asked for; the build's logs stream until it ends, and a failed build exits non-zero.
 */
@Command(name = "create", sortOptions = false, description = {"Create a workspace", "",
    "  - Create a workspace for another user (if you have permission):", "",
    "      $ coder create <username>/<workspace_name>", "",
    "  - Create a workspace non-interactively:", "",
    "      $ coder create dev -t docker --parameter region=eu --start-at \"9:30AM Mon-Fri Europe/Berlin\" --stop-after 8h -y"})
public final class CreateCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "workspace", description = "The workspace's name, or <owner>/<name>.")
    String workspaceName;

    @Option(names = {"-t", "--template"}, paramLabel = "<string>", defaultValue = "${env:CODER_TEMPLATE_NAME}",
            description = "Specify a template name. Env: $CODER_TEMPLATE_NAME.")
    String templateName;

    @Option(names = "--template-version", paramLabel = "<string>", defaultValue = "${env:CODER_TEMPLATE_VERSION}",
            description = "Specify a template version name. Env: $CODER_TEMPLATE_VERSION.")
    String templateVersion;

    @Option(names = "--preset", paramLabel = "<string>", defaultValue = "${env:CODER_PRESET_NAME}",
            description = "Specify the name of a template version preset. Use 'none' to explicitly indicate that no preset "
                    + "should be used. Env: $CODER_PRESET_NAME.")
    String preset;

    @Option(names = "--start-at", paramLabel = "<schedule>", defaultValue = "${env:CODER_WORKSPACE_START_AT}",
            description = "Specify the workspace autostart schedule. Check coder schedule start --help for the syntax. "
                    + "Env: $CODER_WORKSPACE_START_AT.")
    String startAt;

    @Option(names = "--stop-after", paramLabel = "<duration>", defaultValue = "${env:CODER_WORKSPACE_STOP_AFTER}",
            description = "Specify a duration after which the workspace should shut down (e.g. 8h). Env: $CODER_WORKSPACE_STOP_AFTER.")
    String stopAfter;

    @Option(names = "--automatic-updates", paramLabel = "<always|never>",
            defaultValue = "${env:CODER_WORKSPACE_AUTOMATIC_UPDATES:-never}",
            description = "Specify automatic updates setting for the workspace (accepts 'always' or 'never'). Default: never. "
                    + "Env: $CODER_WORKSPACE_AUTOMATIC_UPDATES.")
    String automaticUpdates;

    @Option(names = "--copy-parameters-from", paramLabel = "<workspace>", defaultValue = "${env:CODER_WORKSPACE_COPY_PARAMETERS_FROM}",
            description = "Specify the source workspace name to copy parameters from. Env: $CODER_WORKSPACE_COPY_PARAMETERS_FROM.")
    String copyParametersFrom;

    @Option(names = "--no-wait", defaultValue = "${env:CODER_CREATE_NO_WAIT:-false}",
            description = "Return immediately after creating the workspace. The build will run in the background. Env: $CODER_CREATE_NO_WAIT.")
    boolean noWait;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Mixin
    ParameterOptions parameterOptions;

    @Mixin
    BuildOptions buildOptions;

    @Option(names = {"-O", "--org"}, paramLabel = "<string>", defaultValue = "${env:CODER_ORGANIZATION:-default}",
            description = "Select which organization (uuid or name) to use. Env: $CODER_ORGANIZATION.")
    String organization;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Terminal terminal = RootCommand.terminal(spec);
        // Check the flags that need no server before asking anything.
        AutomaticUpdates updates = automaticUpdates();
        String schedule = blank(startAt) ? null : AutostartSchedule.fromCli(List.of(startAt), AutostartSchedule.localLocation()).cron();
        Long ttlMs = blank(stopAfter) ? null : ttl();

        WorkspaceReference reference = WorkspaceReference.parse(blank(workspaceName) ? askName(terminal, out) : workspaceName);
        ensureFree(client, reference);

        Optional<Workspace> source = blank(copyParametersFrom) ? Optional.empty()
                : Optional.of(WorkspaceReference.resolve(client, copyParametersFrom));
        Template template;
        if (!blank(templateName)) {
            template = Builds.template(client, organization, templateName.strip());
        } else if (source.isPresent()) {
            template = client.template(source.get().templateId());
        } else {
            template = chooseTemplate(client, terminal, out);
        }
        UUID versionId = template.activeVersionId();
        if (!blank(templateVersion)) {
            TemplateVersion version;
            try {
                version = client.templateVersionOfTemplate(template.id(), templateVersion.strip());
            } catch (CoderApiException e) {
                if (e.statusCode() == 404) {
                    throw new CliException("Template \"" + template.name() + "\" has no version \"" + templateVersion + "\".", e);
                }
                throw e;
            }
            versionId = version.id();
        }
        Optional<Preset> chosenPreset = preset(client, versionId, out);

        List<TemplateVersionParameter> parameters = client.templateVersionRichParameters(versionId);
        ParameterSources sources = parameterOptions.sources(buildOptions, false)
                .withPreset(chosenPreset.map(found -> found.parameters().stream()
                        .map(value -> new WorkspaceBuildParameter(value.name(), value.value())).toList()).orElse(List.of()));
        if (source.isPresent()) {
            sources = sources.withSourceWorkspace(client.workspaceBuildParameters(source.get().latestBuild().id()));
        }
        if (parameters.stream().anyMatch(parameter -> !parameter.ephemeral())) {
            out.println(Style.faint("This template has customizable parameters. Values can be changed after create, "
                    + "but may have unintended side effects (like data loss)."));
            out.println();
            out.flush();
        }
        List<WorkspaceBuildParameter> values = Builds.resolver(spec).resolve(BuildAction.CREATE, parameters, sources);

        Builds.confirm(spec, yes, "Confirm create?");
        CreateWorkspaceRequest request = new CreateWorkspaceRequest(blank(templateVersion) ? template.id() : null,
                blank(templateVersion) ? null : versionId, reference.name(), schedule, ttlMs, values, updates,
                chosenPreset.map(Preset::id).orElse(null));
        Workspace workspace = client.createWorkspace(organization, reference.owner(), request);
        if (noWait) {
            out.println();
            out.println("The " + Style.bold(workspace.name()) + " workspace has been created and is building in the background.");
            out.flush();
            return;
        }
        BuildFollower.followToSuccess(client, workspace.latestBuild(), out);
        Builds.done(out, workspace.name(), "created", Instant.now());
    }

    private String askName(Terminal terminal, PrintWriter out) {
        String name;
        try {
            name = terminal.prompt(out, "Specify a name for your workspace:");
        } catch (CliException noAnswer) {
            throw new CliException("Missing the workspace name: pass it as the first argument, e.g. 'coder create my-workspace -t <template>'.");
        }
        if (name.isBlank()) {
            throw new CliException("A workspace name is required.");
        }
        return name;
    }

    private static void ensureFree(CoderClient client, WorkspaceReference reference) {
        try {
            client.workspaceByOwnerAndName(reference.owner(), reference.name(), false);
        } catch (CoderApiException e) {
            if (e.statusCode() == 404 || e.statusCode() == 410) {
                return;
            }
            throw e;
        }
        throw new CliException("A workspace already exists named \"" + reference.name() + "\"!");
    }

    private Template chooseTemplate(CoderClient client, Terminal terminal, PrintWriter out) {
        List<Template> templates = client.templates(organization).stream()
                .sorted(java.util.Comparator.comparingInt(Template::activeUserCount).reversed()).toList();
        if (templates.isEmpty()) {
            throw new CliException("There are no templates in organization \"" + organization
                    + "\" to create a workspace from: push one with 'coder templates push'.");
        }
        out.println("Select a template below to preview the provisioned infrastructure:");
        for (int i = 0; i < templates.size(); i++) {
            Template template = templates.get(i);
            out.println("  " + (i + 1) + ". " + template.name() + (template.activeUserCount() > 0
                    ? Style.faint(" (used by " + template.activeUserCount() + (template.activeUserCount() == 1 ? " developer)" : " developers)"))
                    : ""));
        }
        String answer;
        try {
            answer = terminal.prompt(out, "Template (1-" + templates.size() + " or its name):");
        } catch (CliException e) {
            throw new CliException("Missing --template: pass -t <template> (see 'coder templates list').");
        }
        String choice = answer.strip();
        if (choice.matches("\\d{1,4}") && Integer.parseInt(choice) >= 1 && Integer.parseInt(choice) <= templates.size()) {
            return templates.get(Integer.parseInt(choice) - 1);
        }
        return templates.stream().filter(template -> template.name().equals(choice)).findFirst()
                .orElseThrow(() -> new CliException("There is no template \"" + choice + "\" to choose."));
    }

    private Optional<Preset> preset(CoderClient client, UUID versionId, PrintWriter out) {
        if (!blank(preset) && preset.strip().equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        List<Preset> presets = client.templateVersionPresets(versionId);
        if (blank(preset)) {
            Optional<Preset> fallback = presets.stream().filter(Preset::isDefault).findFirst();
            fallback.ifPresent(found -> {
                out.println("Using the default preset \"" + found.name() + "\".");
                out.flush();
            });
            return fallback;
        }
        String name = preset.strip();
        Preset found = presets.stream().filter(candidate -> candidate.name().equals(name)).findFirst()
                .orElseThrow(() -> new CliException("Preset \"" + name + "\" not found for this template version. "
                        + (presets.isEmpty() ? "It has no presets." : "Available presets: "
                                + String.join(", ", presets.stream().map(Preset::name).toList()) + ".")));
        out.println("Using preset \"" + found.name() + "\".");
        out.flush();
        return Optional.of(found);
    }

    private AutomaticUpdates automaticUpdates() {
        return switch (automaticUpdates == null ? "never" : automaticUpdates.strip().toLowerCase(Locale.ROOT)) {
            case "always" -> AutomaticUpdates.ALWAYS;
            case "never", "" -> AutomaticUpdates.NEVER;
            default -> throw new CliException("Invalid --automatic-updates \"" + automaticUpdates + "\": use always or never.");
        };
    }

    private long ttl() {
        Duration duration = Durations.parse(stopAfter, "--stop-after");
        if (duration.isZero()) {
            throw new CliException("Invalid --stop-after \"" + stopAfter + "\": the duration must be at least 1 minute.");
        }
        return duration.toMillis();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
