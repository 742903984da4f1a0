package dev.jcoder.codersdk.provisionerd;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.jcoder.codersdk.VariableValue;
import java.util.List;
import java.util.UUID;

/** What an acquired job asks for; one case per job type. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobPayload.TemplateImport.class, name = "template_version_import"),
    @JsonSubTypes.Type(value = JobPayload.WorkspaceBuild.class, name = "workspace_build"),
    @JsonSubTypes.Type(value = JobPayload.TemplateDryRun.class, name = "template_version_dry_run")})
public sealed interface JobPayload {

    /** Parse the template: its parameters, variables, resources and presets. */
    record TemplateImport(Metadata metadata, List<VariableValue> userVariableValues) implements JobPayload {
        public TemplateImport {
            userVariableValues = List.copyOf(userVariableValues);
        }
    }

    /**
     * Apply the template for a workspace; {@code state} is the previous build's Terraform state.
     * {@code previousParameterValues} are the previous build's values (the provider checks
     * {@code monotonic} validation against them); {@code externalAuthProviders} the owner's access
     * tokens for the template's {@code coder_external_auth} providers.
     */
    record WorkspaceBuild(UUID workspaceBuildId, String workspaceName, List<RichParameterValue> richParameterValues,
            List<VariableValue> variableValues, Metadata metadata, byte[] state, String logLevel,
            List<RichParameterValue> previousParameterValues, List<ExternalAuthProvider> externalAuthProviders)
            implements JobPayload {
        public WorkspaceBuild {
            richParameterValues = List.copyOf(richParameterValues);
            variableValues = List.copyOf(variableValues);
            state = state == null ? new byte[0] : state;
            logLevel = logLevel == null ? "" : logLevel;
            previousParameterValues = previousParameterValues == null ? List.of() : List.copyOf(previousParameterValues);
            externalAuthProviders = externalAuthProviders == null ? List.of() : List.copyOf(externalAuthProviders);
        }

        /** A build without previous parameter values or external auth tokens. */
        public WorkspaceBuild(UUID workspaceBuildId, String workspaceName, List<RichParameterValue> richParameterValues,
                List<VariableValue> variableValues, Metadata metadata, byte[] state, String logLevel) {
            this(workspaceBuildId, workspaceName, richParameterValues, variableValues, metadata, state, logLevel,
                    List.of(), List.of());
        }
    }

    /** An external auth provider's access token for a build (Coder's {@code ExternalAuthProvider}). */
    record ExternalAuthProvider(String id, String accessToken) {
        public ExternalAuthProvider {
            id = id == null ? "" : id;
            accessToken = accessToken == null ? "" : accessToken;
        }
    }

    /** Plan a workspace without applying it. */
    record TemplateDryRun(List<RichParameterValue> richParameterValues, List<VariableValue> variableValues,
            Metadata metadata) implements JobPayload {
        public TemplateDryRun {
            richParameterValues = List.copyOf(richParameterValues);
            variableValues = List.copyOf(variableValues);
        }
    }
}
