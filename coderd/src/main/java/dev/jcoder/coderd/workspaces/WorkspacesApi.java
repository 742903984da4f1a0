package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.errors.Conflict;
import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.Gone;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.organizations.OrganizationsApi;
import dev.jcoder.coderd.provisionerjobs.JobEvents;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.search.SearchQuery;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.NewWorkspace;
import dev.jcoder.coderd.store.OrganizationRow;
import dev.jcoder.coderd.store.Page;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.TemplateRow;
import dev.jcoder.coderd.store.TemplateVersionRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.store.WorkspacesFilter;
import dev.jcoder.coderd.templateversions.TemplateVersionConverter;
import dev.jcoder.coderd.users.UserResolver;
import dev.jcoder.codersdk.AutomaticUpdates;
import dev.jcoder.codersdk.CreateWorkspaceRequest;
import dev.jcoder.codersdk.Json;
import dev.jcoder.codersdk.PutExtendWorkspaceRequest;
import dev.jcoder.codersdk.ResolveAutostartResponse;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.UpdateWorkspaceAutomaticUpdatesRequest;
import dev.jcoder.codersdk.UpdateWorkspaceAutostartRequest;
import dev.jcoder.codersdk.UpdateWorkspaceDormancy;
import dev.jcoder.codersdk.UpdateWorkspaceRequest;
import dev.jcoder.codersdk.UpdateWorkspaceTTLRequest;
import dev.jcoder.codersdk.ValidationError;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceAgentStatus;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceStatus;
import dev.jcoder.codersdk.WorkspaceTransition;
import dev.jcoder.codersdk.WorkspacesResponse;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Workspace routes: create, list and read, watch, and the settings (rename, schedule, dormancy, favorite). */
public final class WorkspacesApi implements Api {
    private static final long MAX_BODY = 1024 * 1024;
    private static final Set<String> SEARCH_KEYS = Set.of("owner", "template", "name", "status", "outdated",
            "has-agent", "dormant", "last_used_before", "last_used_after", "organization", "param", "id");
    /** A ping keeps proxies from closing an idle watch, as Coder's 15 seconds. */
    private static final Duration PING_INTERVAL = Duration.ofSeconds(15);

    private final InstantSource clock;
    private final WorkspaceBuildBuilder builder;
    private final WorkspaceViews views;
    private final WorkspaceEvents workspaceEvents;
    private final JobEvents jobEvents;
    private final boolean allowRenames;

    public WorkspacesApi(InstantSource clock, WorkspaceBuildBuilder builder, WorkspaceViews views,
            WorkspaceEvents workspaceEvents, JobEvents jobEvents, boolean allowRenames) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.views = Objects.requireNonNull(views, "views");
        this.workspaceEvents = Objects.requireNonNull(workspaceEvents, "workspaceEvents");
        this.jobEvents = Objects.requireNonNull(jobEvents, "jobEvents");
        this.allowRenames = allowRenames;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v2/users/{user}/workspaces", ctx -> create(ctx, Optional.empty()));
        routes.post("/api/v2/organizations/{organization}/members/{user}/workspaces",
                ctx -> create(ctx, Optional.of(OrganizationsApi.resolve(ctx, store(ctx)))));
        routes.get("/api/v2/workspaces", this::list);
        routes.get("/api/v2/users/{user}/workspace/{workspacename}", this::byOwnerAndName);
        String base = "/api/v2/workspaces/{workspace}";
        routes.get(base, this::get);
        routes.patch(base, this::rename);
        routes.get(base + "/watch", this::watch);
        routes.put(base + "/ttl", this::ttl);
        routes.put(base + "/autostart", this::autostart);
        routes.put(base + "/extend", this::extend);
        routes.put(base + "/dormant", this::dormant);
        routes.put(base + "/autoupdates", this::automaticUpdates);
        routes.put(base + "/favorite", ctx -> favorite(ctx, true));
        routes.delete(base + "/favorite", ctx -> favorite(ctx, false));
        routes.get(base + "/resolve-autostart", this::resolveAutostart);
    }

    private static AuthorizingStore store(Context ctx) {
        return Authenticated.require(ctx).store();
    }

    /** Loads {@code {workspace}}, deleted ones too (callers decide whether that is 410). */
    static WorkspaceRow workspaceParam(Context ctx) {
        return Requests.parseUuid(ctx.pathParam("workspace")).flatMap(store(ctx)::getWorkspaceByID)
                .orElseThrow(NotFound::new);
    }

    /** Loads {@code {workspace}}; a deleted one is 410, as Coder answers for any change to it. */
    static WorkspaceRow liveWorkspaceParam(Context ctx) {
        WorkspaceRow workspace = workspaceParam(ctx);
        if (workspace.deleted()) {
            throw gone(workspace);
        }
        return workspace;
    }

    private static Gone gone(WorkspaceRow workspace) {
        return new Gone("Workspace \"" + workspace.name() + "\" was deleted, you can view this workspace by "
                + "specifying '?include_deleted=true' and trying again.");
    }

    private void publish(UUID workspaceId) {
        workspaceEvents.publish(workspaceId);
    }

    // ---- create ----

    private void create(Context ctx, Optional<OrganizationRow> organizationFromPath) {
        Authenticated auth = Authenticated.require(ctx);
        AuthorizingStore store = auth.store();
        UserRow owner = UserResolver.resolve(ctx, auth);
        CreateWorkspaceRequest request = Requests.body(ctx, CreateWorkspaceRequest.class, MAX_BODY);
        List<ValidationError> errors = new ArrayList<>();
        if (request.name() == null || request.name().isEmpty()) {
            errors.add(new ValidationError("name", "Validation failed for tag \"required\" with value: \"\""));
        } else if (!WorkspaceNames.valid(request.name())) {
            errors.add(new ValidationError("name", WorkspaceNames.invalidDetail(request.name())));
        }
        if (request.templateId() == null && request.templateVersionId() == null) {
            errors.add(new ValidationError("template_id", "Either template_id or template_version_id must be specified."));
        } else if (request.templateId() != null && request.templateVersionId() != null) {
            errors.add(new ValidationError("template_id",
                    "Template ID and template version ID cannot both be specified."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed("Validation failed.", "", errors);
        }
        Optional<TemplateVersionRow> requestedVersion = Optional.ofNullable(request.templateVersionId())
                .map(id -> store.getTemplateVersionByID(id).filter(v -> v.templateId().isPresent())
                        .orElseThrow(() -> new ValidationFailed("Template version \"" + id + "\" doesn't exist.", "",
                                List.of(new ValidationError("template_version_id", "template not found")))));
        UUID templateId = requestedVersion.map(v -> v.templateId().get()).orElse(request.templateId());
        TemplateRow template = store.getTemplateByID(templateId)
                .orElseThrow(() -> new ValidationFailed("Template \"" + templateId + "\" doesn't exist.", "",
                        List.of(new ValidationError("template_id", "template not found"))));
        if (template.deleted()) {
            throw new NotFound("Template \"" + template.name() + "\" has been deleted!");
        }
        if (organizationFromPath.isPresent() && !organizationFromPath.get().id().equals(template.organizationId())) {
            throw new ValidationFailed("Template is not in the organization.", "", List.of(new ValidationError(
                    "template_id", "Template " + template.id() + " belongs to another organization.")));
        }
        if (!store.can(Action.USE, RbacObject.of(ResourceType.TEMPLATE).inOrganization(template.organizationId()))) {
            throw new Forbidden("Forbidden.", "You don't have permission to use template \"" + template.name() + "\".");
        }
        RbacObject workspaceObject = RbacObject.of(ResourceType.WORKSPACE).inOrganization(template.organizationId())
                .ownedBy(owner.id());
        if (!store.can(Action.CREATE, workspaceObject)) {
            throw new Forbidden("Forbidden.", "You don't have permission to create workspaces for \""
                    + owner.username() + "\" in this organization.");
        }
        Optional<String> schedule = WorkspaceSchedules.autostart(request.autostartSchedule(), "Invalid Autostart Schedule.",
                "schedule");
        Optional<Long> ttl = WorkspaceSchedules.ttl(request.ttlMs(), template.defaultTtlMs(),
                "Invalid Workspace Time to Shutdown.");
        if (!template.allowUserAutostart()) {
            schedule = Optional.empty();
        }
        if (!template.allowUserAutostop()) {
            ttl = template.defaultTtlMs() > 0 ? Optional.of(template.defaultTtlMs()) : Optional.empty();
        }
        if (store.getWorkspaceByOwnerIDAndName(owner.id(), request.name(), false).isPresent()) {
            throw duplicateName(request.name());
        }
        UUID versionId = requestedVersion.map(TemplateVersionRow::id).orElse(template.activeVersionId());
        Instant now = clock.instant();
        UUID workspaceId = UUID.randomUUID();
        AutomaticUpdates updates = request.automaticUpdates() == null ? AutomaticUpdates.NEVER : request.automaticUpdates();
        NewWorkspace row = new NewWorkspace(workspaceId, now, owner.id(), template.organizationId(), template.id(),
                request.name(), schedule, ttl, updates);
        store.inAuthorizedTransaction(tx -> {
            tx.insertWorkspace(row);
            WorkspaceRow created = tx.getWorkspaceByID(workspaceId).orElseThrow();
            return builder.build(tx, created, auth.user().id(), WorkspaceBuildBuilder.Request.start(versionId,
                    request.richParameterValues(), Optional.ofNullable(request.templateVersionPresetId())));
        });
        jobEvents.publishPosted(template.organizationId());
        publish(workspaceId);
        ctx.status(201).json(views.workspace(store, store.getWorkspaceByID(workspaceId).orElseThrow()));
    }

    private static Conflict duplicateName(String name) {
        return new Conflict("Workspace \"" + name + "\" already exists.",
                List.of(new ValidationError("name", "This value is already in use and should be unique.")));
    }

    // ---- read ----

    private void get(Context ctx) {
        WorkspaceRow workspace = workspaceParam(ctx);
        if (workspace.deleted() && !Requests.queryBool(ctx, "include_deleted")) {
            throw gone(workspace);
        }
        ctx.json(views.workspace(store(ctx), workspace));
    }

    private void byOwnerAndName(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow owner = UserResolver.resolve(ctx, auth);
        String name = ctx.pathParam("workspacename");
        boolean includeDeleted = Requests.queryBool(ctx, "include_deleted");
        WorkspaceRow workspace = auth.store().getWorkspaceByOwnerIDAndName(owner.id(), name, includeDeleted)
                .orElseThrow(NotFound::new);
        ctx.json(views.workspace(auth.store(), workspace));
    }

    private void list(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        WorkspacesFilter filter = filter(ctx.queryParam("q"), auth);
        int limit = Requests.queryInt(ctx, "limit", 0);
        int offset = Requests.queryInt(ctx, "offset", 0);
        Page<WorkspaceRow> page = auth.store().getWorkspaces(filter, limit, offset);
        ctx.json(new WorkspacesResponse(views.workspaces(auth.store(), page.items()), page.count()));
    }

    /** Coder's workspace search: {@code owner:me template:docker status:running name} and friends. */
    WorkspacesFilter filter(String q, Authenticated auth) {
        SearchQuery query = SearchQuery.parse(q, "name", SEARCH_KEYS);
        String owner = query.first("owner");
        String name = query.first("name");
        int slash = name.indexOf('/');
        if (slash >= 0) {
            owner = name.substring(0, slash);
            name = name.substring(slash + 1);
        }
        if (owner.equals("me")) {
            owner = auth.user().username();
        }
        List<WorkspaceStatus> statuses = new ArrayList<>();
        for (String status : query.listValues("status")) {
            statuses.add(enumValue("status", status, () -> WorkspaceStatus.fromValue(status)));
        }
        List<WorkspaceAgentStatus> agentStatuses = new ArrayList<>();
        for (String status : query.listValues("has-agent")) {
            agentStatuses.add(enumValue("has-agent", status, () -> WorkspaceAgentStatus.fromValue(status)));
        }
        List<WorkspacesFilter.ParameterMatch> parameters = new ArrayList<>();
        for (String parameter : query.values("param")) {
            int equals = parameter.indexOf('=');
            parameters.add(equals < 0 ? new WorkspacesFilter.ParameterMatch(parameter, Optional.empty())
                    : new WorkspacesFilter.ParameterMatch(parameter.substring(0, equals),
                            Optional.of(parameter.substring(equals + 1))));
        }
        String organizationReference = query.first("organization");
        Optional<UUID> organization = organizationReference.isEmpty() ? Optional.empty()
                : Optional.of(Requests.parseUuid(organizationReference)
                        .or(() -> auth.store().getOrganizationByName(organizationReference).map(OrganizationRow::id))
                        .orElseThrow(() -> ValidationFailed.field("organization",
                                "Organization \"" + organizationReference + "\" does not exist.")));
        List<UUID> ids = query.listValues("id").stream().map(id -> Requests.parseUuid(id)
                .orElseThrow(() -> ValidationFailed.field("id", "Query param \"id\" has invalid uuids: \"" + id + "\""))).toList();
        return new WorkspacesFilter(owner, query.listValues("template"), name, statuses, bool(query, "outdated"),
                agentStatuses, bool(query, "dormant"), query.time("last_used_before"), query.time("last_used_after"),
                parameters, organization, ids, clock.instant(), auth.user().id(), WorkspacesFilter.ReadScope.NOTHING);
    }

    private static <T> T enumValue(String key, String value, java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("Invalid search query.", "", List.of(new ValidationError(key,
                    "Query param \"" + key + "\" has invalid value: " + e.getMessage())));
        }
    }

    private static Optional<Boolean> bool(SearchQuery query, String key) {
        String value = query.first(key);
        return switch (value) {
            case "" -> Optional.empty();
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw new ValidationFailed("Invalid search query.", "", List.of(new ValidationError(key,
                    "Query param \"" + key + "\" must be a valid boolean: " + value)));
        };
    }

    // ---- watch ----

    /**
     * Server-Sent Events: the workspace now, then again whenever it changes (its settings, a new
     * build, its build's job progress, on any replica), with a ping every 15 seconds. Ends when the
     * client goes away or the server stops.
     */
    private void watch(Context ctx) throws IOException, InterruptedException {
        AuthorizingStore store = store(ctx);
        WorkspaceRow initial = workspaceParam(ctx);
        ctx.status(200);
        ctx.res().setContentType("text/event-stream");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        Semaphore wake = new Semaphore(0);
        OutputStream out = ctx.res().getOutputStream();
        UUID watchedJob = null;
        var jobSubscription = new java.util.concurrent.atomic.AtomicReference<dev.jcoder.coderd.pubsub.Pubsub.Subscription>();
        try (var subscription = workspaceEvents.onWorkspace(initial.id(), wake::release)) {
            String lastSent = "";
            while (!workspaceEvents.closed()) {
                Optional<WorkspaceRow> row = store.getWorkspaceByID(initial.id());
                if (row.isEmpty()) {
                    send(out, "error", Json.mapper().writeValueAsString(Response.of("Workspace not found.")));
                    return;
                }
                Workspace workspace = views.workspace(store, row.get());
                UUID latestJob = workspace.latestBuild().job().id();
                if (!latestJob.equals(watchedJob)) {
                    // Follow the latest build's job: its start, logs and end change the workspace's status.
                    if (jobSubscription.get() != null) {
                        jobSubscription.get().close();
                    }
                    jobSubscription.set(jobEvents.onJob(latestJob, wake::release));
                    watchedJob = latestJob;
                }
                String json = Json.mapper().writeValueAsString(workspace);
                if (!json.equals(lastSent)) {
                    send(out, "data", json);
                    lastSent = json;
                }
                if (!wake.tryAcquire(PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                    send(out, "ping", "");
                }
                wake.drainPermits();
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            if (jobSubscription.get() != null) {
                jobSubscription.get().close();
            }
        }
    }

    private static void send(OutputStream out, String event, String data) throws IOException {
        String frame = "event: " + event + "\n" + (data.isEmpty() ? "" : "data: " + data + "\n") + "\n";
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    // ---- settings ----

    private void rename(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        UpdateWorkspaceRequest request = Requests.body(ctx, UpdateWorkspaceRequest.class, MAX_BODY);
        if (request.name() == null || request.name().isEmpty() || request.name().equals(workspace.name())) {
            ctx.status(204);
            return;
        }
        if (!allowRenames) {
            throw new ValidationFailed("Workspace renames are not allowed.",
                    "The server runs without --allow-workspace-renames (CODER_ALLOW_WORKSPACE_RENAMES).");
        }
        if (!WorkspaceNames.valid(request.name())) {
            throw ValidationFailed.field("name", WorkspaceNames.invalidDetail(request.name()));
        }
        AuthorizingStore store = store(ctx);
        store.getWorkspaceByOwnerIDAndName(workspace.ownerId(), request.name(), false)
                .filter(other -> !other.id().equals(workspace.id()))
                .ifPresent(other -> {
                    throw duplicateName(request.name());
                });
        try {
            store.updateWorkspace(workspace.id(), request.name(), clock.instant());
        } catch (Conflict e) {
            throw duplicateName(request.name());
        }
        publish(workspace.id());
        ctx.status(204);
    }

    private void ttl(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        UpdateWorkspaceTTLRequest request = Requests.body(ctx, UpdateWorkspaceTTLRequest.class, MAX_BODY);
        // 0 or null disables autostop here: the template default does not apply.
        Optional<Long> ttl = WorkspaceSchedules.ttl(request.ttlMs(), 0, "Invalid workspace autostop.");
        AuthorizingStore store = store(ctx);
        if (!workspace.templateAllowUserAutostop()) {
            throw new ValidationFailed("Custom autostop TTL is not allowed for workspaces using this template.", "",
                    List.of(new ValidationError("ttl_ms", "Custom autostop TTL is not allowed for workspaces using this template.")));
        }
        Instant now = clock.instant();
        store.inTransaction(tx -> {
            tx.updateWorkspaceTTL(workspace.id(), ttl, now);
            if (ttl.isEmpty()) {
                // Autostop off: a running workspace no longer stops at its deadline.
                tx.getLatestWorkspaceBuildByWorkspaceID(workspace.id())
                        .filter(build -> build.transition() == WorkspaceTransition.START)
                        .ifPresent(build -> tx.updateWorkspaceBuildDeadlineByID(build.id(), Optional.empty(),
                                build.maxDeadline(), now));
            }
            return null;
        });
        publish(workspace.id());
        ctx.status(204);
    }

    private void autostart(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        UpdateWorkspaceAutostartRequest request = Requests.body(ctx, UpdateWorkspaceAutostartRequest.class, MAX_BODY);
        Optional<String> schedule = WorkspaceSchedules.autostart(request.schedule(), "Invalid autostart schedule.",
                "schedule");
        if (schedule.isPresent() && !workspace.templateAllowUserAutostart()) {
            throw new ValidationFailed("Autostart is not allowed for workspaces using this template.", "",
                    List.of(new ValidationError("schedule", "Autostart is not allowed for workspaces using this template.")));
        }
        store(ctx).updateWorkspaceAutostart(workspace.id(), schedule, clock.instant());
        publish(workspace.id());
        ctx.status(204);
    }

    private void extend(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        PutExtendWorkspaceRequest request = Requests.body(ctx, PutExtendWorkspaceRequest.class, MAX_BODY);
        if (request.deadline() == null) {
            throw ValidationFailed.field("deadline", "Validation failed for tag \"required\" with value: \"\"");
        }
        AuthorizingStore store = store(ctx);
        Instant now = clock.instant();
        Instant deadline = request.deadline();
        Response response = store.inTransaction(tx -> {
            WorkspaceBuildRow build = tx.getLatestWorkspaceBuildByWorkspaceID(workspace.id()).orElseThrow(NotFound::new);
            ProvisionerJobRow job = tx.getProvisionerJobByID(build.jobId()).orElseThrow(NotFound::new);
            if (build.transition() != WorkspaceTransition.START) {
                throw new Conflict("Workspace must be started, current status: " + build.transition().value());
            }
            if (!job.isCompleted()) {
                throw new Conflict("Workspace is still building!");
            }
            if (build.deadline().isEmpty()) {
                throw new Conflict("Workspace shutdown is manual.");
            }
            if (deadline.isBefore(job.completedAt().get())) {
                throw new ValidationFailed("Cannot extend workspace: new deadline must be before workspace start time");
            }
            if (deadline.isBefore(now.plus(Duration.ofMinutes(29)))) {
                throw new ValidationFailed("Cannot extend workspace: new deadline must be at least 30 minutes in the future");
            }
            if (build.maxDeadline().isPresent() && deadline.isAfter(build.maxDeadline().get())) {
                throw new ValidationFailed("Cannot extend workspace beyond max deadline.");
            }
            tx.updateWorkspaceBuildDeadlineByID(build.id(), Optional.of(deadline), build.maxDeadline(), now);
            return Response.of("Deadline updated to " + java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                    deadline.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)) + ".");
        });
        publish(workspace.id());
        ctx.json(response);
    }

    private void dormant(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        UpdateWorkspaceDormancy request = Requests.body(ctx, UpdateWorkspaceDormancy.class, MAX_BODY);
        if (workspace.dormantAt().isPresent() == request.dormant()) {
            ctx.status(304);
            return;
        }
        AuthorizingStore store = store(ctx);
        TemplateRow template = store.getTemplateByID(workspace.templateId()).orElseThrow(NotFound::new);
        Instant now = clock.instant();
        Optional<Instant> dormantAt = request.dormant() ? Optional.of(now) : Optional.empty();
        Optional<Instant> deletingAt = dormantAt.filter(at -> template.timeTilDormantAutodeleteMs() > 0)
                .map(at -> at.plusMillis(template.timeTilDormantAutodeleteMs()));
        store.inTransaction(tx -> {
            tx.updateWorkspaceDormantDeletingAt(workspace.id(), dormantAt, deletingAt, now);
            if (!request.dormant()) {
                // Activated: it counts as used now, so it does not fall dormant again at once.
                tx.updateWorkspaceLastUsedAt(workspace.id(), now);
            }
            return null;
        });
        publish(workspace.id());
        ctx.json(views.workspace(store, store.getWorkspaceByID(workspace.id()).orElseThrow()));
    }

    private void automaticUpdates(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        UpdateWorkspaceAutomaticUpdatesRequest request = Requests.body(ctx, UpdateWorkspaceAutomaticUpdatesRequest.class,
                MAX_BODY);
        if (request.automaticUpdates() == null) {
            throw new ValidationFailed("Invalid request", "", List.of(new ValidationError("automatic_updates",
                    "Validation failed for tag \"required\" with value: \"\"")));
        }
        store(ctx).updateWorkspaceAutomaticUpdates(workspace.id(), request.automaticUpdates(), clock.instant());
        publish(workspace.id());
        ctx.status(204);
    }

    private void favorite(Context ctx, boolean favorite) {
        Authenticated auth = Authenticated.require(ctx);
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        if (!workspace.ownerId().equals(auth.user().id())) {
            throw new Forbidden("You can only " + (favorite ? "favorite" : "unfavorite") + " workspaces that you own.");
        }
        if (favorite) {
            auth.store().favoriteWorkspace(workspace.id());
        } else {
            auth.store().unfavoriteWorkspace(workspace.id());
        }
        publish(workspace.id());
        ctx.status(204);
    }

    /**
     * Whether autostart with an automatic update would lack parameter values: the active version's
     * parameters resolved against the latest build's values.
     */
    private void resolveAutostart(Context ctx) {
        WorkspaceRow workspace = liveWorkspaceParam(ctx);
        AuthorizingStore store = store(ctx);
        WorkspaceBuildRow build = store.getLatestWorkspaceBuildByWorkspaceID(workspace.id()).orElseThrow(NotFound::new);
        boolean mismatch = false;
        if (workspace.automaticUpdates() == AutomaticUpdates.ALWAYS
                && !build.templateVersionId().equals(workspace.templateActiveVersionId())) {
            List<WorkspaceBuildParameter> previous = store.getWorkspaceBuildParameters(build.id()).stream()
                    .map(p -> new WorkspaceBuildParameter(p.name(), p.value())).toList();
            try {
                new RichParameterResolver(previous, List.of(), java.util.Map.of()).resolve(
                        store.getTemplateVersionParameters(workspace.templateActiveVersionId()).stream()
                                .map(TemplateVersionConverter::toSdk).toList());
            } catch (RichParameterResolver.InvalidParameter e) {
                mismatch = true;
            }
        }
        ctx.json(new ResolveAutostartResponse(mismatch));
    }
}
