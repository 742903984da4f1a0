package dev.jcoder.coderd.workspaces;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.coderd.auth.ApiKeyIssuer;
import dev.jcoder.coderd.provisionerjobs.JobTypeHandler;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobConverter;
import dev.jcoder.coderd.store.ApiKeyRow;
import dev.jcoder.coderd.store.GitSshKeyRow;
import dev.jcoder.coderd.store.OrganizationMemberRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.ProvisionerJobTimingRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.store.WorkspaceAgentLogSourceRow;
import dev.jcoder.coderd.store.WorkspaceAgentMetadataRow;
import dev.jcoder.coderd.store.WorkspaceAgentRow;
import dev.jcoder.coderd.store.WorkspaceAgentScriptRow;
import dev.jcoder.coderd.store.WorkspaceAppRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceResourceMetadataRow;
import dev.jcoder.coderd.store.WorkspaceResourceRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.templateversions.TemplateVersionConverter;
import dev.jcoder.codersdk.ApiKeyScope;
import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.AgentMetadataDefinition;
import dev.jcoder.codersdk.provisionerd.App;
import dev.jcoder.codersdk.provisionerd.FailedJob;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import dev.jcoder.codersdk.provisionerd.Script;
import dev.jcoder.codersdk.provisionerd.Timing;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The server's part of {@code workspace_build} jobs. When a daemon takes the job it receives the
 * build's metadata (workspace, owner with a fresh session token and git SSH keys, template), the
 * previous Terraform state, the parameter values and the template's variables. When the job
 * succeeds the new state, the resources with their agents, scripts, metadata definitions and
 * apps, and the timings are stored; a start build gets its deadline (now + TTL); a delete build
 * deletes the workspace. A failed job keeps the state the provisioner sent, if any.
 */
public final class WorkspaceBuildJobHandler implements JobTypeHandler {
    private final Supplier<URI> accessUrl;
    private final ApiKeyIssuer issuer;
    private final Duration sessionTokenLifetime;

    public WorkspaceBuildJobHandler(Supplier<URI> accessUrl, ApiKeyIssuer issuer, Duration sessionTokenLifetime) {
        this.accessUrl = accessUrl;
        this.issuer = issuer;
        this.sessionTokenLifetime = sessionTokenLifetime;
    }

    private static WorkspaceBuildRow build(Store store, ProvisionerJobRow job) {
        return store.getWorkspaceBuildByJobID(job.id())
                .orElseThrow(() -> new IllegalStateException("Job " + job.id() + " has no workspace build."));
    }

    /** Coder's name of the key it mints for a workspace's builds, so the next build replaces it. */
    static String sessionTokenName(WorkspaceRow workspace) {
        return workspace.ownerId() + "_" + workspace.id() + "_session_token";
    }

    @Override
    public JobPayload payload(Store store, ProvisionerJobRow job) {
        WorkspaceBuildRow build = build(store, job);
        WorkspaceRow workspace = store.getWorkspaceByID(build.workspaceId()).orElseThrow();
        UserRow owner = store.getUserByID(workspace.ownerId()).orElseThrow();
        TemplateRow template = store.getTemplateByID(workspace.templateId()).orElseThrow();
        TemplateVersionRow version = store.getTemplateVersionByID(build.templateVersionId()).orElseThrow();
        Optional<GitSshKeyRow> sshKey = store.getGitSSHKey(owner.id());
        String sessionToken = replaceSessionToken(store, workspace, owner, build.transition());
        List<Metadata.RbacRole> roles = new ArrayList<>();
        roles.add(new Metadata.RbacRole("member", ""));
        owner.rbacRoles().forEach(role -> roles.add(new Metadata.RbacRole(role, "")));
        for (OrganizationMemberRow membership : store.getOrganizationMembershipsByUserID(owner.id())) {
            String organization = membership.organizationId().toString();
            roles.add(new Metadata.RbacRole("organization-member", organization));
            membership.roles().forEach(role -> roles.add(new Metadata.RbacRole(role, organization)));
        }
        Metadata metadata = new Metadata(accessUrl.get().toString(), build.transition(), workspace.name(),
                owner.username(), workspace.id(), owner.id(), owner.email(), owner.name(), template.name(),
                version.name(), template.id(), version.id(), build.id(), sessionToken,
                sshKey.map(GitSshKeyRow::publicKey).orElse(""), sshKey.map(GitSshKeyRow::privateKey).orElse(""),
                owner.loginType().value(), List.of(), roles);
        List<RichParameterValue> parameters = store.getWorkspaceBuildParameters(build.id()).stream()
                .map(p -> new RichParameterValue(p.name(), p.value())).toList();
        List<VariableValue> variables = store.getTemplateVersionVariables(version.id()).stream()
                .map(v -> new VariableValue(v.name(), v.value())).toList();
        // The provider checks monotonic parameters against these, as Coder's provisioner does.
        List<RichParameterValue> previousParameters = store
                .getWorkspaceBuildByWorkspaceIDAndBuildNumber(workspace.id(), build.buildNumber() - 1)
                .map(previous -> store.getWorkspaceBuildParameters(previous.id()).stream()
                        .map(p -> new RichParameterValue(p.name(), p.value())).toList())
                .orElse(List.of());
        JsonNode input = ProvisionerJobConverter.readInput(job.input());
        return new JobPayload.WorkspaceBuild(build.id(), workspace.name(), parameters, variables, metadata,
                store.getWorkspaceBuildProvisionerStateByID(build.id()), input.path("log_level").asText(""),
                previousParameters, List.of());
    }

    /**
     * As Coder: a start build gets a new owner session token (the template may hand it to the
     * workspace through {@code data.coder_workspace_owner.session_token}); the previous one of this
     * workspace is deleted, and stop and delete builds get none.
     */
    private String replaceSessionToken(Store store, WorkspaceRow workspace, UserRow owner, WorkspaceTransition transition) {
        String name = sessionTokenName(workspace);
        for (ApiKeyRow key : store.getAPIKeysByUserID(owner.id(), false)) {
            if (key.tokenName().equals(name)) {
                store.deleteAPIKeyByID(key.id());
            }
        }
        if (transition != WorkspaceTransition.START) {
            return "";
        }
        return issuer.issue(store, owner.id(), owner.loginType(), sessionTokenLifetime, ApiKeyScope.ALL, name, "");
    }

    @Override
    public void completed(Store store, ProvisionerJobRow job, JobResult result, Instant now) {
        if (!(result instanceof JobResult.WorkspaceBuild built)) {
            throw new IllegalArgumentException("A workspace build job must complete with a build result, not "
                    + result.getClass().getSimpleName() + ".");
        }
        WorkspaceBuildRow build = build(store, job);
        WorkspaceRow workspace = store.getWorkspaceByID(build.workspaceId()).orElseThrow();
        store.updateWorkspaceBuildProvisionerStateByID(build.id(), built.state(), now);
        int dailyCost = 0;
        for (Resource resource : built.resources()) {
            insertResource(store, job.id(), build.transition(), resource, now);
            dailyCost += resource.dailyCost();
        }
        store.updateWorkspaceBuildCostByID(build.id(), dailyCost);
        store.insertProvisionerJobTimings(built.timings().stream().map(t -> timing(job.id(), t)).toList());
        switch (build.transition()) {
            case START -> {
                Optional<Instant> deadline = dev.jcoder.coderd.lifecycle.LifecycleRules.autostopDeadline(workspace, now);
                store.updateWorkspaceBuildDeadlineByID(build.id(), deadline, Optional.empty(), now);
            }
            case STOP -> {
                // A stopped workspace has no deadline to keep.
            }
            case DELETE -> store.updateWorkspaceDeletedByID(workspace.id(), true, now);
        }
    }

    @Override
    public void failed(Store store, ProvisionerJobRow job, FailedJob failure, Instant now) {
        if (failure.state().length > 0) {
            store.updateWorkspaceBuildProvisionerStateByID(build(store, job).id(), failure.state(), now);
        }
    }

    private static ProvisionerJobTimingRow timing(UUID jobId, Timing t) {
        return new ProvisionerJobTimingRow(jobId, t.startedAt(), t.endedAt(), t.stage(), t.source(), t.action(), t.resource());
    }

    private static void insertResource(Store store, UUID jobId, WorkspaceTransition transition, Resource resource,
            Instant now) {
        UUID resourceId = UUID.randomUUID();
        store.insertWorkspaceResource(new WorkspaceResourceRow(resourceId, now, jobId, transition, resource.type(),
                resource.name(), resource.hide(), resource.icon(), resource.dailyCost()));
        List<WorkspaceResourceMetadataRow> metadata = new ArrayList<>();
        for (int i = 0; i < resource.metadata().size(); i++) {
            var item = resource.metadata().get(i);
            metadata.add(new WorkspaceResourceMetadataRow(resourceId, item.key(), item.value() == null ? "" : item.value(),
                    item.sensitive(), i));
        }
        store.insertWorkspaceResourceMetadata(metadata);
        for (Agent agent : resource.agents()) {
            insertAgent(store, resourceId, agent, now);
        }
    }

    private static void insertAgent(Store store, UUID resourceId, Agent agent, Instant now) {
        // A fresh id per build, as Coder: an agent without count keeps its Terraform id across builds.
        UUID agentId = UUID.randomUUID();
        String token = agent.authToken().isEmpty() ? UUID.randomUUID().toString() : agent.authToken();
        store.insertWorkspaceAgent(new WorkspaceAgentRow(agentId, now, now, agent.name(), resourceId, token,
                agent.authType(), agent.instanceId(), agent.architecture(), agent.operatingSystem(),
                TemplateVersionConverter.write(agent.environmentVariables()), agent.directory(), "", "", "",
                agent.connectionTimeoutSeconds(), agent.troubleshootingUrl(), agent.motdFile(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), WorkspaceAgentLifecycle.CREATED, Optional.empty(),
                Optional.empty(), List.of(), agent.displayApps().enabled(), 0, false, agent.order()));
        List<WorkspaceAgentLogSourceRow> sources = new ArrayList<>();
        List<WorkspaceAgentScriptRow> scripts = new ArrayList<>();
        for (int i = 0; i < agent.scripts().size(); i++) {
            Script script = agent.scripts().get(i);
            UUID sourceId = UUID.randomUUID();
            sources.add(new WorkspaceAgentLogSourceRow(sourceId, agentId, now, script.displayName(), script.icon()));
            scripts.add(new WorkspaceAgentScriptRow(UUID.randomUUID(), agentId, sourceId, now, script.displayName(),
                    script.logPath(), script.script(), script.cron(), script.startBlocksLogin(), script.runOnStart(),
                    script.runOnStop(), script.timeoutSeconds(), i));
        }
        store.insertWorkspaceAgentLogSources(sources);
        store.insertWorkspaceAgentScripts(scripts);
        List<WorkspaceAgentMetadataRow> metadata = new ArrayList<>();
        for (AgentMetadataDefinition definition : agent.metadata()) {
            metadata.add(new WorkspaceAgentMetadataRow(agentId, definition.key(), definition.displayName(),
                    definition.script(), definition.intervalSeconds(), definition.timeoutSeconds(), definition.order(), "",
                    "", Optional.empty()));
        }
        store.insertWorkspaceAgentMetadata(metadata);
        for (int i = 0; i < agent.apps().size(); i++) {
            App app = agent.apps().get(i);
            Healthcheck check = app.healthcheck() == null ? new Healthcheck("", 0, 0) : app.healthcheck();
            store.insertWorkspaceApp(new WorkspaceAppRow(UUID.randomUUID(), now, agentId, app.slug(), app.displayName(),
                    app.icon(), app.command(), app.url(), app.external(), app.subdomain(), app.sharingLevel(),
                    check.url() == null ? "" : check.url(), check.interval(), check.threshold(),
                    check.url() == null || check.url().isEmpty() ? WorkspaceAppHealth.DISABLED : WorkspaceAppHealth.INITIALIZING,
                    app.hidden(), app.openIn(), i));
        }
    }
}
