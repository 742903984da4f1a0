package dev.jcoder.codersdk.provisionerd;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.jcoder.codersdk.TemplateVersionParameter;
import java.util.List;
import java.util.Map;

/** What a successful job produced; one case per job type. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JobResult.TemplateImport.class, name = "template_version_import"),
    @JsonSubTypes.Type(value = JobResult.WorkspaceBuild.class, name = "workspace_build"),
    @JsonSubTypes.Type(value = JobResult.TemplateDryRun.class, name = "template_version_dry_run")})
public sealed interface JobResult {

    /** The plan of a start and a stop build, the rich parameters and the presets. */
    record TemplateImport(List<Resource> startResources, List<Resource> stopResources,
            List<TemplateVersionParameter> richParameters, List<PresetDefinition> presets,
            List<String> externalAuthProviders, Map<String, String> workspaceTags) implements JobResult {
        public TemplateImport {
            workspaceTags = workspaceTags == null ? Map.of() : Map.copyOf(workspaceTags);
            startResources = startResources == null ? List.of() : List.copyOf(startResources);
            stopResources = stopResources == null ? List.of() : List.copyOf(stopResources);
            richParameters = richParameters == null ? List.of() : List.copyOf(richParameters);
            presets = presets == null ? List.of() : List.copyOf(presets);
            externalAuthProviders = externalAuthProviders == null ? List.of() : List.copyOf(externalAuthProviders);
        }
    }

    /** The new Terraform state and the resources the build created. */
    record WorkspaceBuild(byte[] state, List<Resource> resources, List<Timing> timings) implements JobResult {
        public WorkspaceBuild {
            timings = timings == null ? List.of() : List.copyOf(timings);
            state = state == null ? new byte[0] : state;
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }

    /** The resources a build would create. */
    record TemplateDryRun(List<Resource> resources) implements JobResult {
        public TemplateDryRun {
            resources = resources == null ? List.of() : List.copyOf(resources);
        }
    }
}
