package dev.jcoder.provisionerd.terraform;

import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.RichParameterValue;
import dev.jcoder.terraform.provider.BuildEnvironment;
import dev.jcoder.terraform.provider.ProviderEnvironment;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code coder} provider's environment for a job, from the job's {@link Metadata} (Coder's contract). */
final class ProviderEnvironments {
    private ProviderEnvironments() {}

    /** "start", "stop" or "destroy", as the provider's {@code coder_workspace.transition} reads it. */
    static String transition(WorkspaceTransition transition) {
        if (transition == null) {
            return "start";
        }
        return switch (transition) {
            case START -> "start";
            case STOP -> "stop";
            case DELETE -> "destroy";
        };
    }

    /** For an import or dry run: the template's names and the server URL, with the given transition. */
    static BuildEnvironment forPlan(Metadata metadata, WorkspaceTransition transition, List<RichParameterValue> values) {
        ProviderEnvironment environment = common(metadata, transition);
        values.forEach(value -> environment.parameter(value.name(), value.value()));
        return environment.build();
    }

    /** For a workspace build: everything the real provider reads, including the owner's secrets. */
    static BuildEnvironment forBuild(JobPayload.WorkspaceBuild build) {
        Metadata metadata = build.metadata();
        ProviderEnvironment environment = common(metadata, metadata.workspaceTransition())
                .buildId(text(metadata.workspaceBuildId()))
                .workspace(text(metadata.workspaceId()), metadata.workspaceName().isEmpty() ? build.workspaceName()
                        : metadata.workspaceName())
                .owner(text(metadata.workspaceOwnerId()), metadata.workspaceOwner(), metadata.workspaceOwnerName(),
                        metadata.workspaceOwnerEmail())
                .ownerSessionToken(metadata.workspaceOwnerSessionToken())
                .ownerSshKeys(metadata.workspaceOwnerSshPublicKey(), metadata.workspaceOwnerSshPrivateKey())
                .ownerGroups(metadata.workspaceOwnerGroups())
                .ownerRbacRoles(metadata.workspaceOwnerRbacRoles().stream()
                        .map(role -> new ProviderEnvironment.RbacRole(role.name(), role.orgId())).toList());
        if (!metadata.workspaceOwnerLoginType().isEmpty()) {
            environment.ownerLoginType(metadata.workspaceOwnerLoginType());
        }
        build.richParameterValues().forEach(value -> environment.parameter(value.name(), value.value()));
        build.previousParameterValues().forEach(value -> environment.previousParameter(value.name(), value.value()));
        build.externalAuthProviders().forEach(provider ->
                environment.externalAuthAccessToken(provider.id(), provider.accessToken()));
        return environment.build();
    }

    private static ProviderEnvironment common(Metadata metadata, WorkspaceTransition transition) {
        ProviderEnvironment environment = ProviderEnvironment.builder()
                .accessUrl(metadata.coderUrl() == null ? "" : metadata.coderUrl())
                .transition(transition(transition))
                .template(text(metadata.templateId()), metadata.templateName(), metadata.templateVersion());
        for (Map.Entry<String, String> script : AgentScripts.all().entrySet()) {
            String[] platform = script.getKey().split("/");
            environment.agentScript(platform[0], platform[1], script.getValue());
        }
        return environment;
    }

    private static String text(UUID id) {
        return id == null ? "" : id.toString();
    }
}
