package dev.jcoder.coderd.lifecycle;

import dev.jcoder.coderd.errors.ApiException;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.NewProvisionerJob;
import dev.jcoder.coderd.store.NewWorkspaceBuild;
import dev.jcoder.coderd.store.ProvisionerJobLogRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.WorkspaceBuildParameterRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.templateversions.TemplateVersionConverter;
import dev.jcoder.coderd.workspaces.WorkspaceBuildBuilder;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.ValidationError;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * An automatic build the builder refused (the active version's parameters no longer accept the
 * workspace's values, the version's import failed, ...) is recorded as a build whose job failed at
 * once, with the reason as its error and log line: the owner sees a failed {@code autostart} (or
 * {@code autostop}, ...) build that says why, and the executor does not retry it every minute
 * (the latest build is no longer the one that made the workspace eligible).
 */
final class FailedAutobuild {
    private static final String STAGE = "Automatic build";

    private FailedAutobuild() {}

    static String message(BuildReason reason, ApiException e) {
        StringBuilder message = new StringBuilder("The lifecycle executor could not queue the ").append(reason.value())
                .append(" build: ").append(e.getMessage());
        if (!e.detail().isEmpty()) {
            message.append(" ").append(e.detail());
        }
        for (ValidationError validation : e.validations()) {
            if (!e.detail().contains(validation.detail())) {
                message.append(" (").append(validation.field()).append(": ").append(validation.detail()).append(")");
            }
        }
        return message.toString();
    }

    static void record(AuthorizingStore tx, WorkspaceRow workspace, TemplateRow template, WorkspaceBuildRow previous,
            WorkspaceBuildBuilder.Request request, String error, Instant now) {
        UUID versionId = request.templateVersionId().orElse(previous.templateVersionId());
        TemplateVersionRow version = tx.getTemplateVersionByID(versionId)
                .or(() -> tx.getTemplateVersionByID(previous.templateVersionId())).orElseThrow();
        ProvisionerJobRow versionJob = tx.getProvisionerJobByID(version.jobId()).orElseThrow();
        UUID buildId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        tx.insertProvisionerJob(new NewProvisionerJob(jobId, now, workspace.organizationId(), workspace.ownerId(),
                template.provisioner(), ProvisionerJobType.WORKSPACE_BUILD,
                TemplateVersionConverter.write(Map.of("workspace_build_id", buildId.toString())), versionJob.fileId(),
                versionJob.tags()));
        tx.insertWorkspaceBuild(new NewWorkspaceBuild(buildId, now, workspace.id(), version.id(),
                previous.buildNumber() + 1, request.transition(), workspace.ownerId(), java.util.Optional.empty(), jobId,
                request.reason(), java.util.Optional.empty()));
        // The values carry over, so that the next build (the owner's fix) starts from them.
        tx.insertWorkspaceBuildParameters(tx.getWorkspaceBuildParameters(previous.id()).stream()
                .map(p -> new WorkspaceBuildParameterRow(buildId, p.name(), p.value()))
                .collect(Collectors.toList()));
        tx.insertProvisionerJobLogs(jobId, List.of(new ProvisionerJobLogRow(0, jobId, now, LogSource.PROVISIONER_DAEMON,
                LogLevel.ERROR, STAGE, error)));
        tx.updateProvisionerJobWithCompleteByID(jobId, now, error, "");
    }
}
