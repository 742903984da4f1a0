package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Gone;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.rbac.Subject;
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
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.LogLevel;
import dev.jcoder.codersdk.LogSource;
import dev.jcoder.codersdk.Preset;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.ValidationError;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceTransition;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a build request into a workspace build and its {@code workspace_build} provisioner job, as
 * Coder's {@code wsbuilder}: one build at a time per workspace (409 while one is active), numbers
 * from 1, the version (given, else the previous build's), its import must have succeeded, the
 * template's active-version rule, dormancy, orphan and custom state (template managers only), the
 * log level, and the rich parameters resolved and validated by {@link RichParameterResolver}.
 * Runs inside the caller's transaction, acting as the caller.
 */
public final class WorkspaceBuildBuilder {
    private final InstantSource clock;

    public WorkspaceBuildBuilder(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What to build. Empty {@code templateVersionId}: the previous build's version. */
    public record Request(WorkspaceTransition transition, Optional<UUID> templateVersionId,
            List<WorkspaceBuildParameter> parameters, boolean orphan, Optional<byte[]> state, String logLevel,
            Optional<UUID> presetId, BuildReason reason) {
        public Request {
            Objects.requireNonNull(transition, "transition");
            Objects.requireNonNull(templateVersionId, "templateVersionId");
            parameters = List.copyOf(parameters);
            Objects.requireNonNull(state, "state");
            logLevel = logLevel == null ? "" : logLevel;
            Objects.requireNonNull(presetId, "presetId");
            Objects.requireNonNull(reason, "reason");
        }

        public static Request start(UUID templateVersionId, List<WorkspaceBuildParameter> parameters,
                Optional<UUID> presetId) {
            return new Request(WorkspaceTransition.START, Optional.of(templateVersionId), parameters, false,
                    Optional.empty(), "", presetId, BuildReason.INITIATOR);
        }
    }

    /** The new build's and job's ids; {@code orphaned} when the job already ended (an orphan delete). */
    public record Result(UUID buildId, UUID jobId, boolean orphaned) {}

    /**
     * The advisory lock a workspace's builds are made under; whoever decides about a workspace's next
     * build (the lifecycle executor) takes it first, so that the decision and the build are one step.
     */
    public static long lockKey(UUID workspaceId) {
        return workspaceId.getMostSignificantBits() ^ workspaceId.getLeastSignificantBits();
    }

    public Result build(AuthorizingStore tx, WorkspaceRow workspace, UUID initiatorId, Request request) {
        // One build at a time: concurrent requests for the same workspace queue here.
        tx.acquireLock(lockKey(workspace.id()));
        if (workspace.deleted()) {
            throw new Gone("Workspace \"" + workspace.name() + "\" was deleted, you cannot build it.");
        }
        Optional<WorkspaceBuildRow> previous = tx.getLatestWorkspaceBuildByWorkspaceID(workspace.id());
        if (previous.isPresent()) {
            ProvisionerJobRow previousJob = tx.getProvisionerJobByID(previous.get().jobId()).orElseThrow();
            if (!previousJob.isCompleted()) {
                throw new Conflict("A workspace build is already active.",
                        "Build " + previous.get().buildNumber() + " is " + previousJob.jobStatus().value() + ".");
            }
        }
        TemplateRow template = tx.getTemplateByID(workspace.templateId())
                .orElseThrow(() -> new ValidationFailed("The workspace's template does not exist."));
        TemplateVersionRow version = version(tx, workspace, template, previous, request);
        checkPermissions(tx, workspace, template, version, request);

        List<WorkspaceBuildParameter> previousValues = previous
                .map(b -> tx.getWorkspaceBuildParameters(b.id()).stream()
                        .map(p -> new WorkspaceBuildParameter(p.name(), p.value())).toList())
                .orElse(List.of());
        List<TemplateVersionParameter> parameters = tx.getTemplateVersionParameters(version.id()).stream()
                .map(TemplateVersionConverter::toSdk).toList();
        List<WorkspaceBuildParameter> values;
        try {
            values = new RichParameterResolver(previousValues, request.parameters(), presetValues(tx, version, request))
                    .resolve(parameters);
        } catch (RichParameterResolver.InvalidParameter e) {
            throw new ValidationFailed("Unable to validate parameter \"" + e.parameter() + "\"", e.getMessage(),
                    List.of(new ValidationError(e.parameter(), e.getMessage())));
        }

        Instant now = clock.instant();
        UUID buildId = UUID.randomUUID();
        UUID jobId = UUID.randomUUID();
        ProvisionerJobRow versionJob = tx.getProvisionerJobByID(version.jobId()).orElseThrow();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("workspace_build_id", buildId.toString());
        if (!request.logLevel().isEmpty()) {
            input.put("log_level", request.logLevel());
        }
        tx.insertProvisionerJob(new NewProvisionerJob(jobId, now, workspace.organizationId(), initiatorId,
                template.provisioner(), ProvisionerJobType.WORKSPACE_BUILD, TemplateVersionConverter.write(input),
                versionJob.fileId(), versionJob.tags()));
        Optional<byte[]> state = request.orphan() ? Optional.of(new byte[0]) : request.state();
        tx.insertWorkspaceBuild(new NewWorkspaceBuild(buildId, now, workspace.id(), version.id(),
                previous.map(b -> b.buildNumber() + 1).orElse(1), request.transition(), initiatorId, state, jobId,
                request.reason(), request.presetId()));
        tx.insertWorkspaceBuildParameters(values.stream()
                .map(value -> new WorkspaceBuildParameterRow(buildId, value.name(), value.value())).toList());
        if (request.orphan()) {
            orphan(tx, workspace, jobId, now);
        }
        return new Result(buildId, jobId, request.orphan());
    }

    private static TemplateVersionRow version(AuthorizingStore tx, WorkspaceRow workspace, TemplateRow template,
            Optional<WorkspaceBuildRow> previous, Request request) {
        UUID versionId = request.templateVersionId()
                .or(() -> previous.map(WorkspaceBuildRow::templateVersionId))
                .orElse(template.activeVersionId());
        TemplateVersionRow version = tx.getTemplateVersionByID(versionId)
                .filter(v -> v.templateId().equals(Optional.of(workspace.templateId())))
                .orElseThrow(() -> ValidationFailed.field("template_version_id",
                        "Template version " + versionId + " does not exist in the workspace's template."));
        ProvisionerJobRow job = tx.getProvisionerJobByID(version.jobId()).orElseThrow();
        switch (job.jobStatus()) {
            case SUCCEEDED -> {
                return version;
            }
            case PENDING, RUNNING -> throw new ValidationFailed("The provided template version is "
                    + job.jobStatus().value() + ". Wait for it to complete importing!");
            case FAILED, UNKNOWN -> throw new ValidationFailed("The provided template version \"" + version.name()
                    + "\" has failed to import: \"" + job.error() + "\". You cannot build workspaces with it!");
            case CANCELING, CANCELED -> throw new ValidationFailed("The provided template version was canceled "
                    + "during import. You cannot build workspaces with it!");
        }
        throw new IllegalStateException("unreachable: " + job.jobStatus());
    }

    private static void checkPermissions(AuthorizingStore tx, WorkspaceRow workspace, TemplateRow template,
            TemplateVersionRow version, Request request) {
        RbacObject templateObject = RbacObject.of(ResourceType.TEMPLATE).inOrganization(template.organizationId());
        boolean templateManager = tx.can(Action.UPDATE, templateObject);
        if (request.transition() == WorkspaceTransition.START && template.requireActiveVersion()
                && !version.id().equals(template.activeVersionId()) && !templateManager) {
            throw new Forbidden("cannot use non-active version",
                    "The template requires the active version " + template.activeVersionId() + " for new builds.");
        }
        if (request.transition() == WorkspaceTransition.START && workspace.dormantAt().isPresent()) {
            throw new Forbidden("Workspace is dormant and cannot be started.",
                    "Activate the workspace first (PUT /workspaces/{id}/dormant with {\"dormant\": false}).");
        }
        if (request.orphan()) {
            if (request.transition() != WorkspaceTransition.DELETE) {
                throw new ValidationFailed("Orphan is only permitted when deleting a workspace.");
            }
            if (request.state().isPresent()) {
                throw new ValidationFailed("ProvisionerState cannot be set alongside Orphan since state intent is unclear.");
            }
        }
        // Custom state could corrupt or leak cloud state: only who may change the template may give it.
        if ((request.orphan() || request.state().isPresent()) && !templateManager) {
            throw new Forbidden("Only template managers may provide custom state");
        }
        if (!request.logLevel().isEmpty()) {
            if (!request.logLevel().equals(LogLevel.DEBUG.value())) {
                throw ValidationFailed.field("log_level",
                        "Validation failed for tag \"oneof\" with value: \"" + request.logLevel() + "\"");
            }
            if (!tx.can(Action.READ, RbacObject.of(ResourceType.DEPLOYMENT_CONFIG))) {
                throw new Forbidden("Workspace builds with a custom log level are restricted to administrators only.");
            }
        }
    }

    private static Map<String, String> presetValues(AuthorizingStore tx, TemplateVersionRow version, Request request) {
        if (request.presetId().isEmpty()) {
            return Map.of();
        }
        Preset preset = tx.getPresetsByTemplateVersionID(version.id()).stream().map(TemplateVersionConverter::toSdk)
                .filter(p -> p.id().equals(request.presetId().get())).findFirst()
                .orElseThrow(() -> ValidationFailed.field("template_version_preset_id",
                        "Preset " + request.presetId().get() + " does not belong to template version " + version.id() + "."));
        Map<String, String> values = new LinkedHashMap<>();
        preset.parameters().forEach(p -> values.put(p.name(), p.value()));
        return values;
    }

    /**
     * An orphan delete leaves the infrastructure alone: its job ends at once (named system actor
     * "orphan delete", since members may not end jobs) and the workspace is deleted.
     */
    private void orphan(AuthorizingStore tx, WorkspaceRow workspace, UUID jobId, Instant now) {
        AuthorizingStore system = tx.as(Subject.system("orphan delete"));
        system.insertProvisionerJobLogs(jobId, List.of(new ProvisionerJobLogRow(0, jobId, now,
                LogSource.PROVISIONER_DAEMON, LogLevel.INFO, "Orphaning workspace",
                "The workspace was removed without destroying its resources.")));
        system.updateProvisionerJobWithCompleteByID(jobId, now, "", "");
        tx.updateWorkspaceDeletedByID(workspace.id(), true, now);
    }
}
