package dev.jcoder.coderd.provisionerjobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jcoder.coderd.store.ProvisionerJobLogRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.ProvisionerJob;
import dev.jcoder.codersdk.ProvisionerJobInput;
import dev.jcoder.codersdk.ProvisionerJobLog;
import dev.jcoder.codersdk.ProvisionerJobMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/** Rows of the job queue as the API shows them. */
public final class ProvisionerJobConverter {
    private ProvisionerJobConverter() {}

    /** The job with its metadata (template, version) read through {@code store}. */
    public static ProvisionerJob toSdk(Store store, ProvisionerJobRow job) {
        JsonNode input = readInput(job.input());
        UUID versionId = uuid(input, "template_version_id");
        UUID buildId = uuid(input, "workspace_build_id");
        // A build names its workspace; its version is the build's.
        Optional<WorkspaceBuildRow> build = Optional.ofNullable(buildId).flatMap(store::getWorkspaceBuildByID);
        Optional<TemplateVersionRow> version = Optional.ofNullable(versionId)
                .or(() -> build.map(WorkspaceBuildRow::templateVersionId)).flatMap(store::getTemplateVersionByID);
        Optional<TemplateRow> template = version.flatMap(TemplateVersionRow::templateId).flatMap(store::getTemplateByID);
        ProvisionerJobMetadata metadata = new ProvisionerJobMetadata(template.map(TemplateRow::id).orElse(null),
                template.map(TemplateRow::name).orElse(""), template.map(TemplateRow::displayName).orElse(""),
                template.map(TemplateRow::icon).orElse(""), version.map(TemplateVersionRow::name).orElse(""),
                build.map(WorkspaceBuildRow::workspaceId).orElse(null), build.map(WorkspaceBuildRow::workspaceName).orElse(""));
        return new ProvisionerJob(job.id(), job.createdAt(), job.startedAt().orElse(null), job.completedAt().orElse(null),
                job.canceledAt().orElse(null), job.error(), job.errorCode(), job.jobStatus(), job.workerId().orElse(null),
                job.fileId(), ProvisionerTags.fromJson(job.tags()), job.queuePosition(), job.queueSize(),
                job.organizationId(), job.type(), new ProvisionerJobInput(versionId, buildId, null), metadata);
    }

    public static ProvisionerJobLog toSdk(ProvisionerJobLogRow log) {
        return new ProvisionerJobLog(log.id(), log.createdAt(), log.source(), log.level(), log.stage(), log.output());
    }

    public static JsonNode readInput(String input) {
        try {
            return Json.mapper().readTree(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UUID uuid(JsonNode input, String field) {
        JsonNode value = input.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : UUID.fromString(value.asText());
    }
}
