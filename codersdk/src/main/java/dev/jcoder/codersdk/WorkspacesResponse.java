package dev.jcoder.codersdk;

import java.util.List;

/** A page of workspaces and the number matching the filter, ignoring pagination. */
public record WorkspacesResponse(List<Workspace> workspaces, int count) {
    public WorkspacesResponse {
        workspaces = workspaces == null ? List.of() : List.copyOf(workspaces);
    }
}
