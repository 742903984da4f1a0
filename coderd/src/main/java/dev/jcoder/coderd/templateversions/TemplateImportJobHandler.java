package dev.jcoder.coderd.templateversions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.coderd.provisionerjobs.JobTypeHandler;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobConverter;
import dev.jcoder.coderd.store.ProvisionerJobResourcesRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionParameterRow;
import dev.jcoder.coderd.store.TemplateVersionPresetRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.TemplateVersionVariableRow;
import dev.jcoder.codersdk.Healthcheck;
import dev.jcoder.codersdk.TemplateVersionParameter;
import dev.jcoder.codersdk.VariableValue;
import dev.jcoder.codersdk.WorkspaceAgent;
import dev.jcoder.codersdk.WorkspaceAgentLifecycle;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceApp;
import dev.jcoder.codersdk.WorkspaceAppHealth;
import dev.jcoder.codersdk.WorkspaceResource;
import dev.jcoder.codersdk.WorkspaceResourceMetadata;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.provisionerd.Agent;
import dev.jcoder.codersdk.provisionerd.App;
import dev.jcoder.codersdk.provisionerd.JobPayload;
import dev.jcoder.codersdk.provisionerd.JobResult;
import dev.jcoder.codersdk.provisionerd.Metadata;
import dev.jcoder.codersdk.provisionerd.PresetDefinition;
import dev.jcoder.codersdk.provisionerd.Resource;
import dev.jcoder.codersdk.provisionerd.TemplateVariable;
import dev.jcoder.codersdk.provisionerd.UpdateJobRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** The server's part of {@code template_version_import} jobs. */
public final class TemplateImportJobHandler implements JobTypeHandler {
    private final Supplier<URI> accessUrl;

    public TemplateImportJobHandler(Supplier<URI> accessUrl) {
        this.accessUrl = accessUrl;
    }

    private static TemplateVersionRow version(Store store, ProvisionerJobRow job) {
        return store.getTemplateVersionByJobID(job.id())
                .orElseThrow(() -> new IllegalStateException("Job " + job.id() + " has no template version."));
    }

    static List<VariableValue> userVariableValues(ProvisionerJobRow job) {
        JsonNode input = ProvisionerJobConverter.readInput(job.input());
        List<VariableValue> values = new ArrayList<>();
        JsonNode list = input.get("user_variable_values");
        if (list != null) {
            for (JsonNode value : list) {
                values.add(new VariableValue(value.path("name").asText(), value.path("value").asText()));
            }
        }
        return values;
    }

    @Override
    public JobPayload payload(Store store, ProvisionerJobRow job) {
        TemplateVersionRow version = version(store, job);
        String templateName = version.templateId().flatMap(store::getTemplateByID).map(TemplateRow::name).orElse("");
        return new JobPayload.TemplateImport(
                Metadata.forImport(accessUrl.get().toString(), templateName, version.name(), version.id()),
                userVariableValues(job));
    }

    @Override
    public List<VariableValue> updated(Store store, ProvisionerJobRow job, UpdateJobRequest update, Instant now) {
        TemplateVersionRow version = version(store, job);
        if (!update.readme().isEmpty()) {
            store.updateTemplateVersionReadmeByJobID(job.id(), update.readme(), now);
        }
        if (update.templateVariables().isEmpty()) {
            return List.of();
        }
        Map<String, String> given = new LinkedHashMap<>();
        userVariableValues(job).forEach(value -> given.put(value.name(), value.value()));
        update.userVariableValues().forEach(value -> given.put(value.name(), value.value()));
        List<TemplateVersionVariableRow> rows = new ArrayList<>();
        List<VariableValue> values = new ArrayList<>();
        int order = 0;
        for (TemplateVariable variable : update.templateVariables()) {
            String value = given.getOrDefault(variable.name(), variable.defaultValue());
            rows.add(new TemplateVersionVariableRow(version.id(), variable.name(), variable.description(), variable.type(),
                    value, variable.defaultValue(), variable.required(), variable.sensitive(), order++));
            if (given.containsKey(variable.name()) || !variable.required()) {
                values.add(new VariableValue(variable.name(), value));
            }
        }
        store.replaceTemplateVersionVariables(version.id(), rows);
        return values;
    }

    @Override
    public void completed(Store store, ProvisionerJobRow job, JobResult result, Instant now) {
        if (!(result instanceof JobResult.TemplateImport imported)) {
            throw new IllegalArgumentException("An import job must complete with an import result, not "
                    + result.getClass().getSimpleName() + ".");
        }
        TemplateVersionRow version = version(store, job);
        int order = 0;
        for (TemplateVersionParameter p : imported.richParameters()) {
            store.insertTemplateVersionParameter(new TemplateVersionParameterRow(version.id(), p.name(),
                    p.displayName() == null ? "" : p.displayName(), p.description() == null ? "" : p.description(),
                    p.type().value(), p.mutable(), p.defaultValue() == null ? "" : p.defaultValue(),
                    p.icon() == null ? "" : p.icon(), TemplateVersionConverter.write(p.options()),
                    p.validationRegex() == null ? "" : p.validationRegex(),
                    p.validationError() == null ? "" : p.validationError(),
                    java.util.Optional.ofNullable(p.validationMin()), java.util.Optional.ofNullable(p.validationMax()),
                    p.validationMonotonic() == null ? "" : p.validationMonotonic().value(), p.required(), p.ephemeral(),
                    order++));
        }
        store.insertProvisionerJobResources(new ProvisionerJobResourcesRow(job.id(), WorkspaceTransition.START, now,
                TemplateVersionConverter.write(toSdk(job.id(), WorkspaceTransition.START, imported.startResources(), now))));
        store.insertProvisionerJobResources(new ProvisionerJobResourcesRow(job.id(), WorkspaceTransition.STOP, now,
                TemplateVersionConverter.write(toSdk(job.id(), WorkspaceTransition.STOP, imported.stopResources(), now))));
        store.insertTemplateVersionWorkspaceTags(version.id(), imported.workspaceTags());
        store.insertTemplateVersionExternalAuthProviders(version.id(), imported.externalAuthProviders());
        for (PresetDefinition preset : imported.presets()) {
            store.insertPreset(new TemplateVersionPresetRow(UUID.randomUUID(), version.id(), preset.name(), now,
                    preset.isDefault(), TemplateVersionConverter.write(preset.parameters())));
        }
    }

    /** The planned resources as the API shows them, with fresh ids; planned agents never connect. */
    public static List<WorkspaceResource> toSdk(UUID jobId, WorkspaceTransition transition, List<Resource> resources,
            Instant now) {
        List<WorkspaceResource> result = new ArrayList<>();
        for (Resource resource : resources) {
            UUID resourceId = UUID.randomUUID();
            List<WorkspaceAgent> agents = new ArrayList<>();
            for (Agent agent : resource.agents()) {
                List<WorkspaceApp> apps = new ArrayList<>();
                for (App app : agent.apps()) {
                    Healthcheck healthcheck = app.healthcheck() == null ? new Healthcheck("", 0, 0) : app.healthcheck();
                    apps.add(new WorkspaceApp(UUID.randomUUID(), app.url(), app.external(), app.slug(), app.displayName(),
                            app.command(), app.icon(), app.subdomain(), "", app.sharingLevel(), healthcheck,
                            healthcheck.url().isEmpty() ? WorkspaceAppHealth.DISABLED : WorkspaceAppHealth.INITIALIZING,
                            app.hidden(), app.openIn()));
                }
                agents.add(new WorkspaceAgent(agent.id() != null ? agent.id() : UUID.randomUUID(), now, now, null, null,
                        null, null, null, WorkspaceAgentStatus.CONNECTING, WorkspaceAgentLifecycle.CREATED, agent.name(),
                        resourceId, "", agent.architecture(), agent.operatingSystem(), agent.environmentVariables(),
                        agent.directory(), "", "", apps, agent.connectionTimeoutSeconds(), agent.troubleshootingUrl()));
            }
            result.add(new WorkspaceResource(resourceId, now, jobId, transition, resource.type(), resource.name(),
                    resource.hide(), resource.icon(), agents,
                    resource.metadata().stream().map(m -> new WorkspaceResourceMetadata(m.key(), m.value(), m.sensitive()))
                            .toList(),
                    resource.dailyCost()));
        }
        return result;
    }
}
