package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The template (and, for builds, the workspace) a job belongs to, for display. */
public record ProvisionerJobMetadata(
        UUID templateId,
        String templateName,
        String templateDisplayName,
        String templateIcon,
        String templateVersionName,
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID workspaceId,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String workspaceName) {}
