package dev.jcoder.coderd.workspaces;

import dev.jcoder.coderd.store.ProvisionerJobRow;
import dev.jcoder.coderd.store.Store;
import dev.jcoder.coderd.store.WorkspaceBuildRow;
import dev.jcoder.coderd.store.WorkspaceResourceTree;
import dev.jcoder.coderd.store.WorkspaceRow;
import dev.jcoder.codersdk.Workspace;
import dev.jcoder.codersdk.WorkspaceBuild;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads what the API's {@code Workspace} and {@code WorkspaceBuild} need for many rows at once (latest
 * builds, their jobs, resources with agents and apps) in a fixed number of queries, then converts.
 */
public final class WorkspaceViews {
    private final InstantSource clock;
    private final boolean allowRenames;

    public WorkspaceViews(InstantSource clock, boolean allowRenames) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.allowRenames = allowRenames;
    }

    public Workspace workspace(Store store, WorkspaceRow row) {
        return workspaces(store, List.of(row)).getFirst();
    }

    /** The workspaces in the given order; one without a readable latest build is left out. */
    public List<Workspace> workspaces(Store store, List<WorkspaceRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, WorkspaceBuildRow> latest = store.getLatestWorkspaceBuildsByWorkspaceIDs(
                rows.stream().map(WorkspaceRow::id).toList()).stream()
                .collect(Collectors.toMap(WorkspaceBuildRow::workspaceId, Function.identity()));
        Map<UUID, WorkspaceRow> byId = rows.stream().collect(Collectors.toMap(WorkspaceRow::id, Function.identity()));
        Map<UUID, WorkspaceBuild> builds = builds(store, List.copyOf(latest.values()), byId).stream()
                .collect(Collectors.toMap(WorkspaceBuild::workspaceId, Function.identity()));
        Instant now = clock.instant();
        return rows.stream().filter(row -> builds.containsKey(row.id()))
                .map(row -> WorkspaceConverter.workspace(row, builds.get(row.id()), now, allowRenames)).toList();
    }

    public WorkspaceBuild build(Store store, WorkspaceBuildRow build, WorkspaceRow workspace) {
        return builds(store, List.of(build), Map.of(workspace.id(), workspace)).getFirst();
    }

    /** Builds (of the given workspaces) with their jobs and resources, in the given order. */
    public List<WorkspaceBuild> builds(Store store, List<WorkspaceBuildRow> builds, Map<UUID, WorkspaceRow> workspaces) {
        if (builds.isEmpty()) {
            return List.of();
        }
        List<UUID> jobIds = builds.stream().map(WorkspaceBuildRow::jobId).toList();
        Map<UUID, ProvisionerJobRow> jobs = store.getProvisionerJobsByIDs(jobIds).stream()
                .collect(Collectors.toMap(ProvisionerJobRow::id, Function.identity()));
        Map<UUID, List<WorkspaceResourceTree>> resources = new HashMap<>();
        for (WorkspaceResourceTree tree : store.getWorkspaceResourceTreesByJobIDs(jobIds)) {
            resources.computeIfAbsent(tree.resource().jobId(), id -> new java.util.ArrayList<>()).add(tree);
        }
        Instant now = clock.instant();
        return builds.stream().filter(b -> jobs.containsKey(b.jobId()) && workspaces.containsKey(b.workspaceId()))
                .map(b -> WorkspaceConverter.build(b, jobs.get(b.jobId()), resources.getOrDefault(b.jobId(), List.of()),
                        workspaces.get(b.workspaceId()), now))
                .toList();
    }
}
