package dev.jcoder.coderd.workspaces;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.coderd.provisionerjobs.ProvisionerTags;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.WorkspaceAgentRow;
import dev.jcoder.coderd.store.WorkspaceAppRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceResourceTree;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.templateversions.TemplateVersionConverter;
import dev.jcoder.codersdk.DisplayApp;
import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.ProvisionerJob;
import dev.jcoder.codersdk.ProvisionerJobInput;
import dev.jcoder.codersdk.ProvisionerJobMetadata;
import dev.jcoder.codersdk.StartupScriptBehavior;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentHealth;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentLogSource;
import dev.jcoder.codersdk.WorkspaceAgentScript;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceApp;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceHealth;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.codersdk.WorkspaceResourceMetadata;
import dev.jcoder.codersdk.WorkspaceStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Workspace, build, resource and agent rows as the API shows them. Pure: the caller loads the rows. */
public final class WorkspaceConverter {
    private WorkspaceConverter() {}

    /** The workspace with its latest build (already converted) as seen at {@code now}. */
    public static Workspace workspace(WorkspaceRow w, WorkspaceBuild latestBuild, Instant now, boolean allowRenames) {
        List<UUID> failingAgents = latestBuild.resources().stream().flatMap(r -> r.agents().stream())
                .filter(agent -> !agent.health().healthy()).map(WorkspaceAgent::id).toList();
        Instant nextStartAt = w.autostartSchedule().filter(schedule -> w.templateAllowUserAutostart())
                .flatMap(AutostartSchedule::parseOptional)
                .flatMap(schedule -> schedule.nextAllowed(now, w.templateAutostartRequirementDays()))
                .orElse(null);
        return new Workspace(w.id(), w.createdAt(), w.updatedAt(), w.ownerId(), w.ownerUsername(), w.ownerAvatarUrl(),
                w.organizationId(), w.organizationName(), w.templateId(), w.templateName(), w.templateDisplayName(),
                w.templateIcon(), w.templateAllowUserCancelWorkspaceJobs(), w.templateActiveVersionId(),
                w.templateRequireActiveVersion(), w.templateUseClassicParameterFlow(), latestBuild,
                !latestBuild.templateVersionId().equals(w.templateActiveVersionId()), w.name(),
                w.autostartSchedule().orElse(null), w.ttlMs().orElse(null), w.lastUsedAt(), w.deletingAt().orElse(null),
                w.dormantAt().orElse(null), new WorkspaceHealth(failingAgents.isEmpty(), failingAgents),
                w.automaticUpdates(), allowRenames, w.favorite(), nextStartAt, false);
    }

    /** A build with its job and the resources the job created. */
    public static WorkspaceBuild build(WorkspaceBuildRow b, ProvisionerJobRow job, List<WorkspaceResourceTree> resources,
            WorkspaceRow workspace, Instant now) {
        ProvisionerJob sdkJob = job(job, b, workspace);
        return new WorkspaceBuild(b.id(), b.createdAt(), b.updatedAt(), b.workspaceId(), b.workspaceName(),
                b.workspaceOwnerId(), b.workspaceOwnerUsername(), b.workspaceOwnerAvatarUrl(), b.templateVersionId(),
                b.templateVersionName(), b.buildNumber(), b.transition(), b.initiatorId(), b.initiatorUsername(), sdkJob,
                b.reason(), resources.stream().map(tree -> resource(tree, now)).toList(), b.deadline().orElse(null),
                b.maxDeadline().orElse(null), WorkspaceStatus.of(job.jobStatus(), b.transition()), b.dailyCost(),
                b.templateVersionPresetId().orElse(null));
    }

    /** A build's job, with the template and workspace it belongs to as metadata. */
    static ProvisionerJob job(ProvisionerJobRow job, WorkspaceBuildRow b, WorkspaceRow workspace) {
        ProvisionerJobMetadata metadata = new ProvisionerJobMetadata(workspace.templateId(), workspace.templateName(),
                workspace.templateDisplayName(), workspace.templateIcon(), b.templateVersionName(), workspace.id(),
                workspace.name());
        return new ProvisionerJob(job.id(), job.createdAt(), job.startedAt().orElse(null), job.completedAt().orElse(null),
                job.canceledAt().orElse(null), job.error(), job.errorCode(), job.jobStatus(), job.workerId().orElse(null),
                job.fileId(), ProvisionerTags.fromJson(job.tags()), job.queuePosition(), job.queueSize(),
                job.organizationId(), job.type(), new ProvisionerJobInput(null, b.id(), null), metadata);
    }

    public static WorkspaceResource resource(WorkspaceResourceTree tree, Instant now) {
        var r = tree.resource();
        return new WorkspaceResource(r.id(), r.createdAt(), r.jobId(), r.transition(), r.type(), r.name(), r.hide(),
                r.icon(), tree.agents().stream().map(agent -> agent(agent, now)).toList(),
                tree.metadata().stream().map(m -> new WorkspaceResourceMetadata(m.key(), m.value(), m.sensitive())).toList(),
                r.dailyCost());
    }

    public static WorkspaceAgent agent(WorkspaceResourceTree.Agent tree, Instant now) {
        WorkspaceAgentRow a = tree.agent();
        WorkspaceAgentStatus status = a.status(now);
        Map<String, String> environment = TemplateVersionConverter.read(a.environmentVariables(),
                new TypeReference<Map<String, String>>() {});
        List<WorkspaceAgentScript> scripts = tree.scripts().stream()
                .map(s -> new WorkspaceAgentScript(s.id(), s.logSourceId(), s.logPath(), s.script(), s.cron(),
                        s.runOnStart(), s.runOnStop(), s.startBlocksLogin(),
                        Duration.ofSeconds(s.timeoutSeconds()).toNanos(), s.displayName()))
                .toList();
        List<WorkspaceAgentLogSource> sources = tree.logSources().stream()
                .map(s -> new WorkspaceAgentLogSource(s.workspaceAgentId(), s.id(), s.createdAt(), s.displayName(), s.icon()))
                .toList();
        boolean blocking = tree.scripts().stream().anyMatch(s -> s.runOnStart() && s.startBlocksLogin());
        return new WorkspaceAgent(a.id(), a.createdAt(), a.updatedAt(), a.firstConnectedAt().orElse(null),
                a.lastConnectedAt().orElse(null), a.disconnectedAt().orElse(null), a.startedAt().orElse(null),
                a.readyAt().orElse(null), status, a.lifecycleState(), a.name(), a.resourceId(), a.authInstanceId(),
                a.architecture(), a.operatingSystem(), environment, a.directory(), a.expandedDirectory(), a.version(),
                a.apiVersion(), tree.apps().stream().map(WorkspaceConverter::app).toList(), a.connectionTimeoutSeconds(),
                a.troubleshootingUrl(), a.logsLength(), a.logsOverflowed(), a.subsystems(), health(status, a.lifecycleState()),
                a.displayApps().stream().map(DisplayApp::fromValue).toList(), sources, scripts,
                blocking ? StartupScriptBehavior.BLOCKING : StartupScriptBehavior.NON_BLOCKING);
    }

    /** Coder's agent health: connection problems first, then a failed startup, then shutting down. */
    static WorkspaceAgentHealth health(WorkspaceAgentStatus status, WorkspaceAgentLifecycle lifecycle) {
        if (status != WorkspaceAgentStatus.CONNECTED && lifecycle == WorkspaceAgentLifecycle.OFF) {
            return WorkspaceAgentHealth.failing("agent is not running");
        }
        return switch (status) {
            case CONNECTING -> WorkspaceAgentHealth.failing("agent has not yet connected");
            case TIMEOUT -> WorkspaceAgentHealth.failing("agent is taking too long to connect");
            case DISCONNECTED -> WorkspaceAgentHealth.failing("agent has lost connection");
            case CONNECTED -> switch (lifecycle) {
                // A startup timeout is a soft problem: Coder keeps such agents healthy.
                case START_ERROR -> WorkspaceAgentHealth.failing("agent startup script exited with an error");
                case SHUTTING_DOWN, SHUTDOWN_TIMEOUT, SHUTDOWN_ERROR, OFF ->
                        WorkspaceAgentHealth.failing("agent is shutting down");
                case CREATED, STARTING, START_TIMEOUT, READY -> WorkspaceAgentHealth.ok();
            };
        };
    }

    static WorkspaceApp app(WorkspaceAppRow app) {
        return new WorkspaceApp(app.id(), app.url(), app.external(), app.slug(), app.displayName(), app.command(),
                app.icon(), app.subdomain(), "", app.sharingLevel(),
                new Healthcheck(app.healthcheckUrl(), app.healthcheckInterval(), app.healthcheckThreshold()), app.health(),
                app.hidden(), app.openIn());
    }
}
