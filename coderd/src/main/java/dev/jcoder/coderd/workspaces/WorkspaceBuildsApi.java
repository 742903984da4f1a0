package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.errors.Forbidden;
import dev.jcoder.coderd.errors.NotFound;
import dev.jcoder.coderd.errors.ValidationFailed;
import dev.jcoder.coderd.http.ApiKeyAuthenticator;
import dev.jcoder.coderd.http.Api;
import dev.jcoder.coderd.http.Authenticated;
import dev.jcoder.coderd.http.Requests;
import dev.jcoder.coderd.provisionerjobs.JobEvents;
import dev.jcoder.coderd.provisionerjobs.JobLogStream;
import dev.jcoder.coderd.provisionerjobs.ProvisionerJobConverter;
import dev.jcoder.coderd.rbac.Action;
import dev.jcoder.coderd.rbac.RbacObject;
import dev.jcoder.coderd.rbac.ResourceType;
import dev.jcoder.coderd.store.AuthorizingStore;
import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.UserRow;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.coderd.users.UserResolver;
import dev.jcoder.codersdk.AgentScriptTiming;
import dev.jcoder.codersdk.AgentConnectionTiming;
import dev.jcoder.codersdk.BuildReason;
import dev.jcoder.codersdk.CreateWorkspaceBuildRequest;
import dev.jcoder.codersdk.ProvisionerTiming;
import dev.jcoder.codersdk.Response;
import dev.jcoder.codersdk.TimingStage;
import dev.jcoder.codersdk.ValidationError;
import dev.jcoder.codersdk.WorkspaceBuild;
import dev.jcoder.codersdk.WorkspaceBuildParameter;
import dev.jcoder.codersdk.WorkspaceBuildTimings;
import dev.jcoder.codersdk.WorkspaceResource;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Workspace build routes: create (start, stop, delete, update), list, read, cancel, logs, resources, state, timings. */
public final class WorkspaceBuildsApi implements Api {
    private static final long MAX_BODY = 10L * 1024 * 1024;
    /** Build reasons a client may name; the others are the lifecycle executor's. */
    private static final List<BuildReason> CLIENT_REASONS = List.of(BuildReason.DASHBOARD, BuildReason.CLI,
            BuildReason.SSH_CONNECTION, BuildReason.VSCODE_CONNECTION, BuildReason.JETBRAINS_CONNECTION);

    private final InstantSource clock;
    private final WorkspaceBuildBuilder builder;
    private final WorkspaceViews views;
    private final WorkspaceEvents workspaceEvents;
    private final JobEvents jobEvents;
    private final JobLogStream logStream;
    private final ApiKeyAuthenticator authenticator;

    public WorkspaceBuildsApi(InstantSource clock, WorkspaceBuildBuilder builder, WorkspaceViews views,
            WorkspaceEvents workspaceEvents, JobEvents jobEvents, JobLogStream logStream,
            ApiKeyAuthenticator authenticator) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.views = Objects.requireNonNull(views, "views");
        this.workspaceEvents = Objects.requireNonNull(workspaceEvents, "workspaceEvents");
        this.jobEvents = Objects.requireNonNull(jobEvents, "jobEvents");
        this.logStream = Objects.requireNonNull(logStream, "logStream");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v2/workspaces/{workspace}/builds", this::list);
        routes.post("/api/v2/workspaces/{workspace}/builds", this::create);
        routes.get("/api/v2/workspaces/{workspace}/timings", this::workspaceTimings);
        routes.get("/api/v2/users/{user}/workspace/{workspacename}/builds/{buildnumber}", this::byNumber);
        String base = "/api/v2/workspacebuilds/{workspacebuild}";
        routes.get(base, ctx -> ctx.json(toSdk(ctx, buildParam(ctx))));
        routes.patch(base + "/cancel", this::cancel);
        routes.get(base + "/logs", this::logs);
        routes.wsBeforeUpgrade(base + "/logs", this::beforeFollow);
        routes.ws(base + "/logs", logStream::configure);
        routes.get(base + "/resources", this::resources);
        routes.get(base + "/parameters", this::parameters);
        routes.get(base + "/state", this::state);
        routes.get(base + "/timings", ctx -> ctx.json(timings(store(ctx), buildParam(ctx))));
    }

    private static AuthorizingStore store(Context ctx) {
        return Authenticated.require(ctx).store();
    }

    private static WorkspaceBuildRow buildParam(Context ctx) {
        return Requests.parseUuid(ctx.pathParam("workspacebuild")).flatMap(store(ctx)::getWorkspaceBuildByID)
                .orElseThrow(NotFound::new);
    }

    private WorkspaceBuild toSdk(Context ctx, WorkspaceBuildRow build) {
        AuthorizingStore store = store(ctx);
        WorkspaceRow workspace = store.getWorkspaceByID(build.workspaceId()).orElseThrow(NotFound::new);
        return views.build(store, build, workspace);
    }

    private void list(Context ctx) {
        AuthorizingStore store = store(ctx);
        WorkspaceRow workspace = WorkspacesApi.workspaceParam(ctx);
        Optional<Instant> since = Optional.ofNullable(ctx.queryParam("since")).filter(s -> !s.isBlank()).map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw ValidationFailed.field("since", "Query param \"since\" must be a valid date format (RFC 3339): " + s);
            }
        });
        int limit = Requests.queryInt(ctx, "limit", 0);
        int offset = Requests.queryInt(ctx, "offset", 0);
        List<WorkspaceBuildRow> rows = store.getWorkspaceBuildsByWorkspaceID(workspace.id(), since, 0, 0);
        String afterId = ctx.queryParam("after_id");
        if (afterId != null && !afterId.isBlank()) {
            UUID after = Requests.parseUuid(afterId).orElseThrow(() -> ValidationFailed.field("after_id",
                    "Query param \"after_id\" must be a valid UUID: " + afterId));
            int index = rows.stream().map(WorkspaceBuildRow::id).toList().indexOf(after);
            if (index < 0) {
                throw new ValidationFailed("Record at \"after_id\" (" + after + ") does not exist.");
            }
            rows = rows.subList(index + 1, rows.size());
        }
        rows = rows.stream().skip(offset).limit(limit > 0 ? limit : Long.MAX_VALUE).toList();
        ctx.json(views.builds(store, rows, Map.of(workspace.id(), workspace)));
    }

    private void create(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        WorkspaceRow workspace = WorkspacesApi.liveWorkspaceParam(ctx);
        CreateWorkspaceBuildRequest request = Requests.body(ctx, CreateWorkspaceBuildRequest.class, MAX_BODY);
        if (request.transition() == null) {
            throw new ValidationFailed("Validation failed.", "", List.of(new ValidationError("transition",
                    "Validation failed for tag \"required\" with value: \"\"")));
        }
        if (request.dryRun()) {
            throw ValidationFailed.field("dry_run", "Dry runs of workspace builds are not supported; "
                    + "use POST /templateversions/{id}/dry-run.");
        }
        if (request.reason() != null && !CLIENT_REASONS.contains(request.reason())) {
            throw ValidationFailed.field("reason", "Validation failed for tag \"oneof\" with value: \""
                    + request.reason().value() + "\"");
        }
        BuildReason reason = request.reason() == null ? BuildReason.INITIATOR : request.reason();
        WorkspaceBuildBuilder.Request buildRequest = new WorkspaceBuildBuilder.Request(request.transition(),
                Optional.ofNullable(request.templateVersionId()), request.richParameterValues(), request.orphan(),
                Optional.ofNullable(request.state()).filter(state -> state.length > 0), request.logLevel(),
                Optional.ofNullable(request.templateVersionPresetId()), reason);
        WorkspaceBuildBuilder.Result result = auth.store().inAuthorizedTransaction(
                tx -> builder.build(tx, workspace, auth.user().id(), buildRequest));
        if (result.orphaned()) {
            jobEvents.publishUpdated(result.jobId());
        } else {
            jobEvents.publishPosted(workspace.organizationId());
        }
        workspaceEvents.publish(workspace.id());
        WorkspaceBuildRow build = auth.store().getWorkspaceBuildByID(result.buildId()).orElseThrow();
        ctx.status(201).json(views.build(auth.store(), build,
                auth.store().getWorkspaceByID(workspace.id()).orElseThrow()));
    }

    private void byNumber(Context ctx) {
        Authenticated auth = Authenticated.require(ctx);
        UserRow owner = UserResolver.resolve(ctx, auth);
        int number;
        try {
            number = Integer.parseInt(ctx.pathParam("buildnumber"));
        } catch (NumberFormatException e) {
            throw new ValidationFailed("Failed to parse build number as integer.",
                    "\"" + ctx.pathParam("buildnumber") + "\" is not a number.");
        }
        WorkspaceRow workspace = auth.store().getWorkspaceByOwnerIDAndName(owner.id(), ctx.pathParam("workspacename"), true)
                .orElseThrow(NotFound::new);
        WorkspaceBuildRow build = auth.store().getWorkspaceBuildByWorkspaceIDAndBuildNumber(workspace.id(), number)
                .orElseThrow(NotFound::new);
        ctx.json(views.build(auth.store(), build, workspace));
    }

    /**
     * As Coder: the owner of the workspace may cancel when the template allows users to; otherwise
     * only who may change the template. A finished or already canceled job is 400.
     */
    private void cancel(Context ctx) {
        AuthorizingStore store = store(ctx);
        WorkspaceBuildRow build = buildParam(ctx);
        WorkspaceRow workspace = store.getWorkspaceByID(build.workspaceId()).orElseThrow(NotFound::new);
        boolean templateManager = store.can(Action.UPDATE,
                RbacObject.of(ResourceType.TEMPLATE).inOrganization(workspace.organizationId()));
        if (!workspace.templateAllowUserCancelWorkspaceJobs() && !templateManager) {
            throw new Forbidden("User is not allowed to cancel workspace builds. Owner role is required.");
        }
        ProvisionerJobRow job = store.getProvisionerJobByID(build.jobId()).orElseThrow(NotFound::new);
        if (job.isCompleted()) {
            throw new ValidationFailed("Job has already completed!");
        }
        if (job.canceledAt().isPresent()) {
            throw new ValidationFailed("Job has already been marked as canceled!");
        }
        store.updateProvisionerJobWithCancelByID(job.id(), clock.instant());
        jobEvents.publishUpdated(job.id());
        workspaceEvents.publish(workspace.id());
        ctx.json(Response.of("Job has been marked as canceled..."));
    }

    private void logs(Context ctx) {
        WorkspaceBuildRow build = buildParam(ctx);
        long after = queryLong(ctx, "after");
        long before = queryLong(ctx, "before");
        ctx.json(store(ctx).getProvisionerLogsAfterID(build.jobId(), after, before).stream()
                .map(ProvisionerJobConverter::toSdk).toList());
    }

    /** Authenticates the WebSocket upgrade of {@code ?follow} and names the job to stream. */
    private void beforeFollow(Context ctx) {
        if (Authenticated.from(ctx).isEmpty()) {
            authenticator.authenticate(ctx, true);
        }
        WorkspaceBuildRow build = buildParam(ctx);
        ctx.attribute(JobLogStream.ATTRIBUTE, new JobLogStream.Target(build.jobId(), store(ctx), queryLong(ctx, "after")));
    }

    private void resources(Context ctx) {
        WorkspaceBuildRow build = buildParam(ctx);
        Instant now = clock.instant();
        List<WorkspaceResource> resources = store(ctx).getWorkspaceResourceTreesByJobIDs(List.of(build.jobId())).stream()
                .map(tree -> WorkspaceConverter.resource(tree, now)).toList();
        ctx.json(resources);
    }

    private void parameters(Context ctx) {
        WorkspaceBuildRow build = buildParam(ctx);
        ctx.json(store(ctx).getWorkspaceBuildParameters(build.id()).stream()
                .map(p -> new WorkspaceBuildParameter(p.name(), p.value())).toList());
    }

    /** The raw Terraform state; only who may change the template (push) may read it (404 otherwise). */
    private void state(Context ctx) {
        WorkspaceBuildRow build = buildParam(ctx);
        byte[] state = store(ctx).getWorkspaceBuildProvisionerStateByID(build.id());
        ctx.contentType("application/json").result(state);
    }

    private void workspaceTimings(Context ctx) {
        WorkspaceRow workspace = WorkspacesApi.workspaceParam(ctx);
        WorkspaceBuildRow build = store(ctx).getLatestWorkspaceBuildByWorkspaceID(workspace.id()).orElseThrow(NotFound::new);
        ctx.json(timings(store(ctx), build));
    }

    /** Terraform steps, agent scripts, and for each agent that connected the time it took. */
    private static WorkspaceBuildTimings timings(AuthorizingStore store, WorkspaceBuildRow build) {
        List<ProvisionerTiming> provisioner = store.getProvisionerJobTimingsByJobID(build.jobId()).stream()
                .map(t -> new ProvisionerTiming(t.jobId(), t.startedAt(), t.endedAt(), stage(t.stage()), t.source(),
                        t.action(), t.resource()))
                .toList();
        List<AgentScriptTiming> scripts = store.getWorkspaceAgentScriptTimingsByJobID(build.jobId()).stream()
                .map(t -> new AgentScriptTiming(t.startedAt(), t.endedAt(), t.exitCode(), stage(t.stage()), t.status(),
                        t.displayName(), t.workspaceAgentId().toString(), t.workspaceAgentName()))
                .toList();
        List<AgentConnectionTiming> connections = new ArrayList<>();
        for (var tree : store.getWorkspaceResourceTreesByJobIDs(List.of(build.jobId()))) {
            for (var agent : tree.agents()) {
                agent.agent().firstConnectedAt().ifPresent(connected -> connections.add(new AgentConnectionTiming(
                        agent.agent().createdAt(), connected, TimingStage.CONNECT, agent.agent().id().toString(),
                        agent.agent().name())));
            }
        }
        return new WorkspaceBuildTimings(provisioner, scripts, connections);
    }

    private static TimingStage stage(String value) {
        try {
            return TimingStage.fromValue(value);
        } catch (IllegalArgumentException e) {
            return TimingStage.APPLY;
        }
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
