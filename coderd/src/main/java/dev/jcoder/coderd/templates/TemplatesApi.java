package dev.jcoder.coderd.templates;

import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.http.Validator;
import dev.jcoder.coderd.organizations.OrganizationsApi;
import dev.jcoder.coderd.search.SearchQuery;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.TemplatesFilter;
import dev.jcoder.coderd.templateversions.TemplateVersionConverter;
import dev.jcoder.codersdk.ArchiveTemplateVersionsRequest;
import dev.jcoder.codersdk.ArchiveTemplateVersionsResponse;
import dev.jcoder.codersdk.CreateTemplateRequest;
import dev.jcoder.codersdk.ProvisionerJobStatus;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.TemplateExample;
import dev.jcoder.codersdk.UpdateActiveTemplateVersion;
import dev.jcoder.codersdk.UpdateTemplateMeta;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Template routes. */
public final class TemplatesApi implements Api {
    private static final long MAX_BODY = 1024 * 1024;
    private static final List<String> ALL_DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");

    private final InstantSource clock;
    private final Supplier<List<TemplateExample>> examples;

    public TemplatesApi(InstantSource clock, Supplier<List<TemplateExample>> examples) {
        this.clock = clock;
        this.examples = examples;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/templates", this::listAll);
        routes.get("/api/v2/templates/examples", ctx -> ctx.json(examples.get()));
        routes.get("/api/v2/organizations/{organization}/templates/examples", ctx -> ctx.json(examples.get()));
        routes.get("/api/v2/organizations/{organization}/templates", this::listInOrganization);
        routes.post("/api/v2/organizations/{organization}/templates", this::create);
        routes.get("/api/v2/organizations/{organization}/templates/{templatename}", this::getByName);
        routes.get("/api/v2/templates/{template}", ctx -> ctx.json(toSdk(ctx, template(ctx))));
        routes.patch("/api/v2/templates/{template}", this::patch);
        routes.delete("/api/v2/templates/{template}", this::delete);
        routes.get("/api/v2/templates/{template}/versions", this::versions);
        routes.patch("/api/v2/templates/{template}/versions", this::setActiveVersion);
        routes.post("/api/v2/templates/{template}/versions/archive", this::archiveVersions);
        routes.get("/api/v2/templates/{template}/versions/{templateversionname}", this::versionByName);
    }

    private static Store store(Context ctx) {
        return Authenticated.require(ctx).store();
    }

    private static TemplateRow template(Context ctx) {
        return Requests.parseUuid(ctx.pathParam("template")).flatMap(store(ctx)::getTemplateByID)
                .filter(t -> !t.deleted()).orElseThrow(NotFound::new);
    }

    private static dev.jcoder.codersdk.Template toSdk(Context ctx, TemplateRow row) {
        return TemplateConverter.toSdk(store(ctx), row);
    }

    private void listAll(Context ctx) {
        SearchQuery query = SearchQuery.parse(Optional.ofNullable(ctx.queryParam("q")).orElse(""), "name",
                java.util.Set.of("name", "exact_name", "deleted", "deprecated", "ids", "organization"));
        String organizationReference = query.first("organization");
        Optional<UUID> organization = organizationReference.isEmpty() ? Optional.empty()
                : Optional.of(Requests.parseUuid(organizationReference)
                        .or(() -> store(ctx).getOrganizationByName(organizationReference).map(OrganizationRow::id))
                        .orElseThrow(() -> ValidationFailed.field("organization",
                                "Organization \"" + organizationReference + "\" does not exist.")));
        List<UUID> ids = query.listValues("ids").stream()
                .map(id -> Requests.parseUuid(id).orElseThrow(() -> ValidationFailed.field("ids", "\"" + id + "\" is not a UUID.")))
                .toList();
        TemplatesFilter filter = new TemplatesFilter(organization, query.first("exact_name"), query.first("name"),
                bool(query, "deleted").orElse(false), bool(query, "deprecated"), ids);
        ctx.json(store(ctx).getTemplatesWithFilter(filter).stream().map(t -> toSdk(ctx, t)).toList());
    }

    private static Optional<Boolean> bool(SearchQuery query, String key) {
        String value = query.first(key);
        return switch (value) {
            case "" -> Optional.empty();
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ValidationFailed.field(key, "Query param \"" + key + "\" must be a valid boolean: " + value);
        };
    }

    private void listInOrganization(Context ctx) {
        OrganizationRow organization = OrganizationsApi.resolve(ctx, store(ctx));
        ctx.json(store(ctx).getTemplatesWithFilter(TemplatesFilter.inOrganization(organization.id())).stream()
                .map(t -> toSdk(ctx, t)).toList());
    }

    private void getByName(Context ctx) {
        OrganizationRow organization = OrganizationsApi.resolve(ctx, store(ctx));
        TemplateRow template = store(ctx).getTemplateByOrganizationAndName(organization.id(), ctx.pathParam("templatename"))
                .orElseThrow(NotFound::new);
        ctx.json(toSdk(ctx, template));
    }

    private void create(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        Store store = auth.store();
        OrganizationRow organization = OrganizationsApi.resolve(ctx, store);
        CreateTemplateRequest request = Requests.body(ctx, CreateTemplateRequest.class, MAX_BODY);
        Validator validator = new Validator().required("name", request.name());
        if (request.name() != null && !request.name().isBlank() && !Validator.validName(request.name())) {
            validator.add("name", "Validation failed for tag \"template_name\" with value: \"" + request.name() + "\"");
        }
        validator.maxLength("display_name", request.displayName(), 64);
        if (request.description() != null && request.description().getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 128) {
            validator.add("description", "Validation failed for tag \"lt\" with value: \"" + request.description() + "\"");
        }
        if (request.templateVersionId() == null) {
            validator.add("template_version_id", "Validation failed for tag \"required\" with value: \"\"");
        }
        if (request.defaultTtlMs() != null && request.defaultTtlMs() < 0) {
            validator.add("default_ttl_ms", "Must be a positive integer.");
        }
        if (request.activityBumpMs() != null && request.activityBumpMs() < 0) {
            validator.add("activity_bump_ms", "Must be a positive integer.");
        }
        validator.throwIfInvalid();
        TemplateVersionRow version = store.getTemplateVersionByID(request.templateVersionId())
                .filter(v -> v.organizationId().equals(organization.id()))
                .orElseThrow(() -> ValidationFailed.field("template_version_id", "Template version "
                        + request.templateVersionId() + " does not exist in this organization."));
        if (version.templateId().isPresent()) {
            throw new ValidationFailed("The template version is already used by another template.",
                    "Template version " + version.id() + " belongs to template " + version.templateId().get() + ".");
        }
        ProvisionerJobRow job = store.getProvisionerJobByID(version.jobId()).orElseThrow(NotFound::new);
        if (job.jobStatus() != ProvisionerJobStatus.SUCCEEDED) {
            throw new ValidationFailed("The template version's import job has not succeeded.",
                    "The job is " + job.jobStatus().value() + (job.error().isEmpty() ? "." : ": " + job.error()));
        }
        if (store.getTemplateByOrganizationAndName(organization.id(), request.name()).isPresent()) {
            throw new Conflict("Template with name \"" + request.name() + "\" already exists.");
        }
        Instant now = clock.instant();
        TemplateRow row = new TemplateRow(UUID.randomUUID(), now, now, organization.id(), false, request.name(),
                orEmpty(request.displayName()), orEmpty(request.description()), orEmpty(request.icon()), job.provisioner(),
                version.id(), auth.user().id(), orZero(request.defaultTtlMs()),
                request.activityBumpMs() == null ? 3_600_000L : request.activityBumpMs(),
                request.autostopRequirement() == null ? List.of() : request.autostopRequirement().daysOfWeek(),
                request.autostopRequirement() == null || request.autostopRequirement().weeks() == 0 ? 1
                        : request.autostopRequirement().weeks(),
                request.autostartRequirement() == null || request.autostartRequirement().daysOfWeek().isEmpty() ? ALL_DAYS
                        : request.autostartRequirement().daysOfWeek(),
                orTrue(request.allowUserAutostart()), orTrue(request.allowUserAutostop()),
                orTrue(request.allowUserCancelWorkspaceJobs()), orZero(request.failureTtlMs()),
                orZero(request.dormantTtlMs()), orZero(request.deleteTtlMs()),
                Boolean.TRUE.equals(request.requireActiveVersion()), "", "public", false);
        store.inTransaction(tx -> {
            tx.insertTemplate(row);
            tx.updateTemplateVersionByID(version.id(), Optional.of(row.id()), version.name(), version.message(), now);
            return null;
        });
        ctx.status(201).json(toSdk(ctx, store.getTemplateByID(row.id()).orElseThrow()));
    }

    private void patch(Context ctx) {
        TemplateRow current = template(ctx);
        UpdateTemplateMeta r = Requests.body(ctx, UpdateTemplateMeta.class, MAX_BODY);
        Validator validator = new Validator();
        if (r.name() != null && !r.name().isEmpty() && !Validator.validName(r.name())) {
            validator.add("name", "Validation failed for tag \"template_name\" with value: \"" + r.name() + "\"");
        }
        validator.maxLength("display_name", r.displayName(), 64);
        if (r.description() != null && r.description().getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 128) {
            validator.add("description", "Validation failed for tag \"lt\" with value: \"" + r.description() + "\"");
        }
        if (r.defaultTtlMs() != null && r.defaultTtlMs() < 0) {
            validator.add("default_ttl_ms", "Must be a positive integer.");
        }
        if (r.activityBumpMs() != null && r.activityBumpMs() < 0) {
            validator.add("activity_bump_ms", "Must be a positive integer.");
        }
        for (String field : List.of("failure_ttl_ms", "time_til_dormant_ms", "time_til_dormant_autodelete_ms")) {
            Long value = switch (field) {
                case "failure_ttl_ms" -> r.failureTtlMs();
                case "time_til_dormant_ms" -> r.timeTilDormantMs();
                default -> r.timeTilDormantAutodeleteMs();
            };
            if (value != null && value < 0) {
                validator.add(field, "Must be a positive integer.");
            }
        }
        validator.throwIfInvalid();
        TemplateRow updated = new TemplateRow(current.id(), current.createdAt(), current.updatedAt(), current.organizationId(),
                current.deleted(), nonEmptyOr(r.name(), current.name()), or(r.displayName(), current.displayName()),
                or(r.description(), current.description()), or(r.icon(), current.icon()), current.provisioner(),
                current.activeVersionId(), current.createdBy(), or(r.defaultTtlMs(), current.defaultTtlMs()),
                or(r.activityBumpMs(), current.activityBumpMs()),
                r.autostopRequirement() == null ? current.autostopRequirementDays() : r.autostopRequirement().daysOfWeek(),
                r.autostopRequirement() == null ? current.autostopRequirementWeeks()
                        : Math.max(1, r.autostopRequirement().weeks()),
                r.autostartRequirement() == null ? current.autostartRequirementDays()
                        : r.autostartRequirement().daysOfWeek(),
                or(r.allowUserAutostart(), current.allowUserAutostart()),
                or(r.allowUserAutostop(), current.allowUserAutostop()),
                or(r.allowUserCancelWorkspaceJobs(), current.allowUserCancelWorkspaceJobs()),
                or(r.failureTtlMs(), current.failureTtlMs()), or(r.timeTilDormantMs(), current.timeTilDormantMs()),
                or(r.timeTilDormantAutodeleteMs(), current.timeTilDormantAutodeleteMs()),
                or(r.requireActiveVersion(), current.requireActiveVersion()),
                or(r.deprecationMessage(), current.deprecationMessage()), current.maxPortShareLevel(),
                current.useClassicParameterFlow());
        if (updated.equals(current)) {
            ctx.status(304);
            return;
        }
        if (!updated.name().equalsIgnoreCase(current.name())
                && store(ctx).getTemplateByOrganizationAndName(current.organizationId(), updated.name()).isPresent()) {
            throw new Conflict("Template with name \"" + updated.name() + "\" already exists.");
        }
        Instant now = clock.instant();
        TemplateRow withTime = new TemplateRow(updated.id(), updated.createdAt(), now, updated.organizationId(),
                updated.deleted(), updated.name(), updated.displayName(), updated.description(), updated.icon(),
                updated.provisioner(), updated.activeVersionId(), updated.createdBy(), updated.defaultTtlMs(),
                updated.activityBumpMs(), updated.autostopRequirementDays(), updated.autostopRequirementWeeks(),
                updated.autostartRequirementDays(), updated.allowUserAutostart(), updated.allowUserAutostop(),
                updated.allowUserCancelWorkspaceJobs(), updated.failureTtlMs(), updated.timeTilDormantMs(),
                updated.timeTilDormantAutodeleteMs(), updated.requireActiveVersion(), updated.deprecationMessage(),
                updated.maxPortShareLevel(), updated.useClassicParameterFlow());
        ctx.json(toSdk(ctx, store(ctx).updateTemplateMetaByID(withTime)));
    }

    private void delete(Context ctx) {
        TemplateRow template = template(ctx);
        Store store = store(ctx);
        if (store.getTemplateWorkspaceCount(template.id()) > 0) {
            throw new ValidationFailed("All workspaces must be deleted before a template can be removed.");
        }
        store.updateTemplateDeletedByID(template.id(), clock.instant());
        ctx.json(Response.of("Template has been deleted!"));
    }

    private void versions(Context ctx) {
        TemplateRow template = template(ctx);
        boolean includeArchived = Requests.queryBool(ctx, "include_archived");
        int limit = Requests.queryInt(ctx, "limit", 0);
        int offset = Requests.queryInt(ctx, "offset", 0);
        List<TemplateVersionRow> rows = store(ctx).getTemplateVersionsByTemplateID(template.id(), includeArchived);
        String afterId = ctx.queryParam("after_id");
        if (afterId != null && !afterId.isBlank()) {
            UUID after = Requests.parseUuid(afterId).orElseThrow(() -> ValidationFailed.field("after_id", "Must be a UUID."));
            int index = rows.stream().map(TemplateVersionRow::id).toList().indexOf(after);
            if (index < 0) {
                throw ValidationFailed.field("after_id", "Template version " + after + " does not belong to the template.");
            }
            rows = rows.subList(index + 1, rows.size());
        }
        ctx.json(rows.stream().skip(offset).limit(limit > 0 ? limit : Long.MAX_VALUE)
                .map(v -> TemplateVersionConverter.toSdk(store(ctx), v)).toList());
    }

    private void versionByName(Context ctx) {
        TemplateRow template = template(ctx);
        TemplateVersionRow version = store(ctx).getTemplateVersionByTemplateIDAndName(template.id(),
                ctx.pathParam("templateversionname")).orElseThrow(NotFound::new);
        ctx.json(TemplateVersionConverter.toSdk(store(ctx), version));
    }

    private void setActiveVersion(Context ctx) {
        TemplateRow template = template(ctx);
        Store store = store(ctx);
        UpdateActiveTemplateVersion request = Requests.body(ctx, UpdateActiveTemplateVersion.class, MAX_BODY);
        if (request.id() == null) {
            throw ValidationFailed.field("id", "Validation failed for tag \"required\" with value: \"\"");
        }
        TemplateVersionRow version = store.getTemplateVersionByID(request.id())
                .filter(v -> v.templateId().equals(Optional.of(template.id())))
                .orElseThrow(() -> new ValidationFailed("The template version does not belong to this template."));
        ProvisionerJobRow job = store.getProvisionerJobByID(version.jobId()).orElseThrow(NotFound::new);
        if (job.jobStatus() != ProvisionerJobStatus.SUCCEEDED) {
            throw new ValidationFailed("The template version's import job has not succeeded.",
                    "The job is " + job.jobStatus().value() + ".");
        }
        if (version.archived()) {
            throw new ValidationFailed("The template version is archived.");
        }
        store.updateTemplateActiveVersionByID(template.id(), version.id(), clock.instant());
        ctx.json(Response.of("Updated the active template version!"));
    }

    private void archiveVersions(Context ctx) {
        TemplateRow template = template(ctx);
        Store store = store(ctx);
        ArchiveTemplateVersionsRequest request = ctx.req().getContentLengthLong() == 0 ? new ArchiveTemplateVersionsRequest(false)
                : Requests.body(ctx, ArchiveTemplateVersionsRequest.class, MAX_BODY);
        List<UUID> archived = new ArrayList<>();
        Instant now = clock.instant();
        for (TemplateVersionRow version : store.getTemplateVersionsByTemplateID(template.id(), false)) {
            if (version.id().equals(template.activeVersionId())) {
                continue;
            }
            ProvisionerJobRow job = store.getProvisionerJobByID(version.jobId()).orElseThrow();
            boolean candidate = request.all() ? job.isCompleted()
                    : job.jobStatus() == ProvisionerJobStatus.FAILED || job.jobStatus() == ProvisionerJobStatus.CANCELED;
            if (candidate) {
                store.updateTemplateVersionArchivedByID(version.id(), true, now);
                archived.add(version.id());
            }
        }
        ctx.json(new ArchiveTemplateVersionsResponse(template.id(), archived));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    private static boolean orTrue(Boolean value) {
        return value == null || value;
    }

    private static <T> T or(T value, T current) {
        return value == null ? current : value;
    }

    private static String nonEmptyOr(String value, String current) {
        return value == null || value.isEmpty() ? current : value;
    }

}
