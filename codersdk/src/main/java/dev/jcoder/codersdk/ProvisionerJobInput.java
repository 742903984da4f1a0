package dev.jcoder.codersdk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * What a job works on: a template version (imports, dry runs) or a workspace build. Absent fields
 * are omitted from the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProvisionerJobInput(UUID templateVersionId, UUID workspaceBuildId, String error) {}
