package dev.jcoder.cli.workspaces;

import dev.jcoder.cli.workspaces.parameters.BuildAction;
import dev.jcoder.cli.workspaces.parameters.ParameterSources;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CoderClient;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Start builds as {@code start}, {@code restart} and {@code update} send them: parameters resolved
 * against the version being built (the previous build's values kept), sent with reason {@code cli}.
 */
final class StartBuilds {
    private StartBuilds() {}

    /** The version a plain start builds: the active one when the template requires it or the workspace updates automatically. */
    static UUID versionToStart(Workspace workspace) {
        if (workspace.outdated() && (workspace.templateRequireActiveVersion()
                || workspace.automaticUpdates() == AutomaticUpdates.ALWAYS)) {
            return workspace.templateActiveVersionId();
        }
        return workspace.latestBuild().templateVersionId();
    }

    /** Resolves the parameters for {@code versionId} (asking for missing ones) into a start build request. */
    static CreateWorkspaceBuildRequest prepare(CommandSpec spec, CoderClient client, Workspace workspace, UUID versionId,
            BuildAction action, ParameterSources sources) {
        List<TemplateVersionParameter> parameters = client.templateVersionRichParameters(versionId);
        List<WorkspaceBuildParameter> previous = client.workspaceBuildParameters(workspace.latestBuild().id());
        boolean changesVersion = !versionId.equals(workspace.latestBuild().templateVersionId());
        BuildAction effective = changesVersion && action == BuildAction.START ? BuildAction.UPDATE : action;
        List<WorkspaceBuildParameter> values = Builds.resolver(spec).resolve(effective, parameters, sources.withLastBuild(previous));
        CreateWorkspaceBuildRequest request = CreateWorkspaceBuildRequest.of(WorkspaceTransition.START)
                .withParameters(values).withReason(BuildReason.CLI);
        return changesVersion ? request.withTemplateVersion(versionId) : request;
    }

    /** Resolves the parameters for {@code versionId} and queues a start build of it. */
    static WorkspaceBuild start(CommandSpec spec, CoderClient client, Workspace workspace, UUID versionId,
            BuildAction action, ParameterSources sources) {
        return client.createWorkspaceBuild(workspace.id(), prepare(spec, client, workspace, versionId, action, sources));
    }
}
