package dev.jcoder.coderd.templateversions;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.PreconditionFailed;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.files.FilesApi;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.ApiKeyAuthenticator;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.organizations.OrganizationsApi;
import dev.jcoder.coderd.provisionerjobs.JobEvents;
import dev.jcoder.coderd.provisionerjobs.JobLogStream;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobConverter;
import dev.jcoder.coderd.provisionerjobs.ProvisionerTags;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.NewProvisionerJob;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.templates.TemplateExamples;
import dev.jcoder.codersdk.CreateTemplateVersionRequest;
import dev.jcoder.codersdk.PatchTemplateVersionRequest;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.ProvisionerJobType;
import dev.jcoder.codersdk.ProvisionerStorageMethod;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.WorkspaceResource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code /templateversions/...}, version creation and lookups by name. */
public final class TemplateVersionsApi implements Api {
    private static final long MAX_BODY = 2L * 1024 * 1024;

    private final InstantSource clock;
    private final JobEvents events;
    private final JobLogStream logStream;
    private final ApiKeyAuthenticator authenticator;

    public TemplateVersionsApi(InstantSource clock, JobEvents events, JobLogStream logStream,
            ApiKeyAuthenticator authenticator) {
        this.clock = clock;
        this.events = events;
        this.logStream = logStream;
        this.authenticator = authenticator;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/organizations/{organization}/templateversions", this::create);
        routes.get("/api/v2/organizations/{organization}/templates/{templatename}/versions/{templateversionname}", this::byName);
        routes.get("/api/v2/organizations/{organization}/templates/{templatename}/versions/{templateversionname}/previous",
                this::previous);
        String base = "/api/v2/templateversions/{templateversion}";
        routes.get(base, ctx -> ctx.json(toSdk(ctx, version(ctx))));
        routes.patch(base, this::patch);
        routes.patch(base + "/cancel", this::cancel);
        routes.post(base + "/archive", ctx -> setArchived(ctx, true));
        routes.post(base + "/unarchive", ctx -> setArchived(ctx, false));
        routes.get(base + "/rich-parameters", this::richParameters);
        routes.get(base + "/variables", this::variables);
        routes.get(base + "/resources", this::resources);
        routes.get(base + "/presets", this::presets);
        routes.get(base + "/external-auth", ctx -> ctx.json(List.of()));
        routes.get(base + "/schema", ctx -> ctx.json(List.of()));
        routes.get(base + "/parameters", ctx -> ctx.json(List.of()));
        routes.get(base + "/logs", this::logs);
        routes.wsBeforeUpgrade(base + "/logs", this::beforeFollow);
        routes.ws(base + "/logs", logStream::configure);
    }

    private static Store store(Context ctx) {
        return Authenticated.require(ctx).store();
    }

    private static TemplateVersionRow version(Context ctx) {
        return Requests.parseUuid(ctx.pathParam("templateversion")).flatMap(store(ctx)::getTemplateVersionByID)
                .orElseThrow(NotFound::new);
    }

    private static dev.jcoder.codersdk.TemplateVersion toSdk(Context ctx, TemplateVersionRow version) {
        return TemplateVersionConverter.toSdk(store(ctx), version);
    }

    private void create(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        AuthorizingStore store = auth.store();
        OrganizationRow organization = OrganizationsApi.resolve(ctx, store);
        if (!store.can(dev.jcoder.coderd.rbac.Action.CREATE, dev.jcoder.coderd.rbac.RbacObject
                .of(dev.jcoder.coderd.rbac.ResourceType.TEMPLATE).inOrganization(organization.id()))) {
            throw new dev.jcoder.coderd.errors.Forbidden("Forbidden.",
                    "You don't have permission to create template versions in this organization.");
        }
        CreateTemplateVersionRequest request = Requests.body(ctx, CreateTemplateVersionRequest.class, MAX_BODY);
        var validator = new dev.jcoder.coderd.http.Validator();
        if (request.storageMethod() != ProvisionerStorageMethod.FILE) {
            validator.add("storage_method", "Validation failed for tag \"oneof\" with value: \"\"");
        }
        if (request.provisioner() == null) {
            validator.add("provisioner", "Validation failed for tag \"required\" with value: \"\"");
        }
        if (request.fileId() == null && (request.exampleId() == null || request.exampleId().isEmpty())) {
            validator.add("file_id", "Validation failed for tag \"required_without\" with value: \"\"");
        }
        if (!request.name().isEmpty() && !VersionNames.valid(request.name())) {
            validator.add("name", "Validation failed for tag \"template_version_name\" with value: \"" + request.name() + "\"");
        }
        if (request.message().length() > 1_048_576) {
            validator.add("message", "Validation failed for tag \"lt\" with value: \"...\"");
        }
        validator.throwIfInvalid();
        UUID fileId = request.fileId() != null ? request.fileId() : exampleFile(auth, request.exampleId());
        Optional<TemplateRow> template = Optional.ofNullable(request.templateId()).map(id -> store.getTemplateByID(id)
                .filter(t -> t.organizationId().equals(organization.id()) && !t.deleted())
                .orElseThrow(() -> new NotFound("Template does not exist in this organization.")));
        store.getFileByID(fileId).orElseThrow(() -> new NotFound("File not found.",
                "No file with id " + fileId + " is visible to you."));

        Instant now = clock.instant();
        UUID jobId = UUID.randomUUID();
        UUID versionId = UUID.randomUUID();
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("template_version_id", versionId.toString());
        input.put("user_variable_values", request.userVariableValues());
        Map<String, String> tags = ProvisionerTags.mutate(Optional.of(auth.user().id()), request.tags());
        String name = request.name().isEmpty() ? VersionNames.random() : request.name();
        TemplateVersionRow version = store.inTransaction(tx -> {
            tx.insertProvisionerJob(new NewProvisionerJob(jobId, now, organization.id(), auth.user().id(),
                    request.provisioner(), ProvisionerJobType.TEMPLATE_VERSION_IMPORT, TemplateVersionConverter.write(input),
                    fileId, ProvisionerTags.toJson(tags)));
            TemplateVersionRow row = new TemplateVersionRow(versionId, template.map(TemplateRow::id), organization.id(), now,
                    now, name, request.message(), "", jobId, auth.user().id(), false, "");
            tx.insertTemplateVersion(row);
            return row;
        });
        events.publishPosted(organization.id());
        ctx.status(201).json(TemplateVersionConverter.toSdk(store, version));
    }

    /** The file of a starter template ({@code example_id}), stored for the user like an upload. */
    private UUID exampleFile(Authenticated auth, String exampleId) {
        byte[] tar = TemplateExamples.archive(exampleId).orElseThrow(() -> new ValidationFailed("Example not found.",
                "There is no starter template with id \"" + exampleId + "\"; GET /api/v2/templates/examples lists them.",
                java.util.List.of(new dev.jcoder.codersdk.ValidationError("example_id", "Unknown example id."))));
        return FilesApi.storeTar(auth.store(), auth.user().id(), tar, clock.instant()).id();
    }

    private void byName(Context ctx) {
        ctx.json(toSdk(ctx, versionByName(ctx)));
    }

    private static TemplateVersionRow versionByName(Context ctx) {
        Store store = store(ctx);
        OrganizationRow organization = OrganizationsApi.resolve(ctx, store);
        TemplateRow template = store.getTemplateByOrganizationAndName(organization.id(), ctx.pathParam("templatename"))
                .orElseThrow(NotFound::new);
        return store.getTemplateVersionByTemplateIDAndName(template.id(), ctx.pathParam("templateversionname"))
                .orElseThrow(NotFound::new);
    }

    private void previous(Context ctx) {
        TemplateVersionRow version = versionByName(ctx);
        TemplateVersionRow previous = store(ctx).getPreviousTemplateVersion(version.templateId().orElseThrow(),
                version.createdAt()).orElseThrow(NotFound::new);
        ctx.json(toSdk(ctx, previous));
    }

    private void patch(Context ctx) {
        TemplateVersionRow version = version(ctx);
        PatchTemplateVersionRequest request = Requests.body(ctx, PatchTemplateVersionRequest.class, MAX_BODY);
        String name = request.name() == null || request.name().isEmpty() ? version.name() : request.name();
        if (!VersionNames.valid(name)) {
            throw ValidationFailed.field("name", "Validation failed for tag \"template_version_name\" with value: \"" + name + "\"");
        }
        String message = request.message() == null ? version.message() : request.message();
        TemplateVersionRow updated = store(ctx).updateTemplateVersionByID(version.id(), version.templateId(), name, message,
                clock.instant());
        ctx.json(toSdk(ctx, updated));
    }

    private void cancel(Context ctx) {
        TemplateVersionRow version = version(ctx);
        Store store = store(ctx);
        ProvisionerJobRow job = store.getProvisionerJobByID(version.jobId()).orElseThrow(NotFound::new);
        if (job.isCompleted()) {
            throw new PreconditionFailed("Job has already completed!");
        }
        if (job.canceledAt().isPresent()) {
            throw new PreconditionFailed("Job has already been marked as canceled!");
        }
        store.updateProvisionerJobWithCancelByID(job.id(), clock.instant());
        events.publishUpdated(job.id());
        ctx.json(Response.of("Job has been marked as canceled..."));
    }

    private void setArchived(Context ctx, boolean archived) {
        TemplateVersionRow version = version(ctx);
        Store store = store(ctx);
        if (archived && version.templateId().flatMap(store::getTemplateByID)
                .map(t -> t.activeVersionId().equals(version.id())).orElse(false)) {
            throw new ValidationFailed("You cannot archive the active version of a template.");
        }
        if (archived) {
            ProvisionerJobRow job = store.getProvisionerJobByID(version.jobId()).orElseThrow(NotFound::new);
            if (!job.isCompleted()) {
                throw new ValidationFailed("You cannot archive a template version whose import job has not completed.");
            }
        }
        if (version.archived() == archived) {
            throw new ValidationFailed("Template version is already " + (archived ? "archived" : "unarchived") + ".");
        }
        store.updateTemplateVersionArchivedByID(version.id(), archived, clock.instant());
        ctx.json(Response.of(archived ? "Template version archived." : "Template version unarchived."));
    }

    private static ProvisionerJobRow completedJob(Context ctx, TemplateVersionRow version) {
        ProvisionerJobRow job = store(ctx).getProvisionerJobByID(version.jobId()).orElseThrow(NotFound::new);
        if (!job.isCompleted()) {
            throw new ValidationFailed("Job hasn't completed!");
        }
        return job;
    }

    private void richParameters(Context ctx) {
        TemplateVersionRow version = version(ctx);
        ProvisionerJobRow job = completedJob(ctx, version);
        if (job.jobStatus() != ProvisionerJobStatus.SUCCEEDED) {
            throw new ValidationFailed("Job hasn't succeeded!", "The import job ended " + job.jobStatus().value() + ".");
        }
        ctx.json(store(ctx).getTemplateVersionParameters(version.id()).stream().map(TemplateVersionConverter::toSdk).toList());
    }

    private void variables(Context ctx) {
        TemplateVersionRow version = version(ctx);
        completedJob(ctx, version);
        ctx.json(store(ctx).getTemplateVersionVariables(version.id()).stream().map(TemplateVersionConverter::toSdk).toList());
    }

    private void resources(Context ctx) {
        TemplateVersionRow version = version(ctx);
        completedJob(ctx, version);
        List<WorkspaceResource> resources = new ArrayList<>();
        for (var row : store(ctx).getProvisionerJobResources(version.jobId())) {
            resources.addAll(TemplateVersionConverter.read(row.resources(), new TypeReference<List<WorkspaceResource>>() {}));
        }
        ctx.json(resources);
    }

    private void presets(Context ctx) {
        TemplateVersionRow version = version(ctx);
        ctx.json(store(ctx).getPresetsByTemplateVersionID(version.id()).stream().map(TemplateVersionConverter::toSdk).toList());
    }

    private void logs(Context ctx) {
        TemplateVersionRow version = version(ctx);
        long after = queryLong(ctx, "after");
        long before = queryLong(ctx, "before");
        ctx.json(store(ctx).getProvisionerLogsAfterID(version.jobId(), after, before).stream()
                .map(ProvisionerJobConverter::toSdk).toList());
    }

    /** Authenticates the WebSocket upgrade of {@code ?follow} and names the job to stream. */
    private void beforeFollow(Context ctx) {
        if (Authenticated.from(ctx).isEmpty()) {
            authenticator.authenticate(ctx, true);
        }
        TemplateVersionRow version = version(ctx);
        ctx.attribute(JobLogStream.ATTRIBUTE, new JobLogStream.Target(version.jobId(), store(ctx), queryLong(ctx, "after")));
    }

    private static long queryLong(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ValidationFailed.field(name, "Query param \"" + name + "\" must be an integer (" + value + ").");
        }
    }
}
