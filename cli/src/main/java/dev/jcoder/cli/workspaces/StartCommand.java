package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.CliException;
import dev.jcoder.cli.GlobalOptions;
import dev.jcoder.cli.workspaces.parameters.BuildAction;
import dev.jcoder.cli.workspaces.parameters.BuildOptions;
import dev.jcoder.cli.workspaces.parameters.ParameterOptions;
import dev.jcoder.codersdk.CoderApiException;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.TemplateVersion;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coder start}: a start build of the workspace, with its previous parameter values unless told otherwise. */
@Command(name = "start", sortOptions = false, description = "Start a workspace")
public final class StartCommand implements Runnable {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<workspace>", description = "The workspace: <name> or <owner>/<name>.")
    String workspaceName;

    @Option(names = "--no-wait", description = "Return immediately after starting the workspace.")
    boolean noWait;

    @Option(names = "--template-version", paramLabel = "<string>",
            description = "Start with a version of the workspace template, by name or ID.")
    String templateVersion;

    @Option(names = {"-y", "--yes"}, description = "Bypass confirmation prompts.")
    boolean yes;

    @Option(names = "--always-prompt", description = "Always prompt all parameters. Does not pull parameter values from existing workspace.")
    boolean alwaysPrompt;

    @Mixin
    ParameterOptions parameterOptions;

    @Mixin
    BuildOptions buildOptions;

    @Override
    public void run() {
        CoderClient client = global.client();
        PrintWriter out = spec.commandLine().getOut();
        Workspace workspace = WorkspaceReference.resolve(client, workspaceName);
        UUID versionId = templateVersion == null || templateVersion.isBlank() ? StartBuilds.versionToStart(workspace)
                : version(client, workspace, templateVersion.strip());
        if (workspace.status() == WorkspaceStatus.RUNNING && versionId.equals(workspace.latestBuild().templateVersionId())
                && !alwaysPrompt) {
            out.println("Workspace \"" + workspace.name() + "\" is already running.");
            out.flush();
            return;
        }
        WorkspaceBuild build = StartBuilds.start(spec, client, workspace, versionId, BuildAction.START,
                parameterOptions.sources(buildOptions, alwaysPrompt));
        if (noWait) {
            out.println("The " + workspace.name() + " workspace is starting in the background (build #" + build.buildNumber() + ").");
            out.flush();
            return;
        }
        BuildFollower.followToSuccess(client, build, out);
        Builds.done(out, workspace.name(), "started", Instant.now());
    }

    /** A version of the workspace's template by id or name. */
    static UUID version(CoderClient client, Workspace workspace, String version) {
        try {
            UUID id = UUID.fromString(version);
            TemplateVersion found = client.templateVersion(id);
            if (!workspace.templateId().equals(found.templateId())) {
                throw new CliException("Template version " + version + " is not a version of template \"" + workspace.templateName() + "\".");
            }
            return id;
        } catch (IllegalArgumentException notAnId) {
            try {
                return client.templateVersionOfTemplate(workspace.templateId(), version).id();
            } catch (CoderApiException e) {
                if (e.statusCode() == 404) {
                    throw new CliException("Template \"" + workspace.templateName() + "\" has no version \"" + version + "\".", e);
                }
                throw e;
            }
        }
    }
}
