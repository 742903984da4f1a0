package dev.jcoder.provisionerd.terraform;

import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.provisionerd.PresetDefinition;
import dev.jcoder.codersdk.provisionerd.Resource;
import java.util.List;
import java.util.Map;

/**
 * What a plan or a state says about a template: the resources (with their agents, apps, scripts and
 * metadata) and the Coder data sources (parameters, presets, workspace tags, external auth).
 */
record TemplateResources(List<Resource> resources, List<TemplateVersionParameter> parameters,
        List<PresetDefinition> presets, Map<String, String> workspaceTags, List<ExternalAuthProvider> externalAuth) {
    TemplateResources {
        resources = List.copyOf(resources);
        parameters = List.copyOf(parameters);
        presets = List.copyOf(presets);
        workspaceTags = Map.copyOf(workspaceTags);
        externalAuth = List.copyOf(externalAuth);
    }

    /** A {@code coder_external_auth} data source: the provider id and whether users may skip it. */
    record ExternalAuthProvider(String id, boolean optional) {}
}
