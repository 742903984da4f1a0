import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import * as API from "../api";
import type { CreateWorkspaceBuildRequest, CreateWorkspaceRequest, Workspace } from "../types";
import { queryKeys } from "./keys";

const inProgress = (w: Workspace) => ["pending", "starting", "stopping", "deleting", "canceling"].includes(w.latest_build.status);

/** The workspace list for a `q` filter; polls while any listed workspace is building. */
export const useWorkspaces = (q: string) =>
  useQuery({
    queryKey: queryKeys.workspaces(q),
    queryFn: () => API.getWorkspaces(q),
    retry: false,
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.workspaces.some(inProgress) ? 3000 : 30_000),
  });

export const useWorkspace = (owner: string, name: string) =>
  useQuery({
    queryKey: queryKeys.workspace(owner, name),
    queryFn: () => API.getWorkspaceByOwnerAndName(owner, name),
    retry: false,
  });

/**
 * Keeps a workspace's cache entry current from `GET /workspaces/{id}/watch` (SSE), so the page
 * updates without polling or reload. Returns the last stream error, if any.
 */
export function useWatchWorkspace(workspace: Workspace | undefined): string | undefined {
  const client = useQueryClient();
  const [error, setError] = useState<string>();
  const id = workspace?.id;
  const owner = workspace?.owner_name;
  const name = workspace?.name;
  useEffect(() => {
    if (!id || !owner || !name) return;
    let lastBuild = "";
    const watcher = API.watchWorkspace(id, {
      onWorkspace: (updated) => {
        setError(undefined);
        client.setQueryData(queryKeys.workspace(owner, name), updated);
        const build = `${updated.latest_build.id}:${updated.latest_build.status}`;
        if (build !== lastBuild) {
          lastBuild = build;
          void client.invalidateQueries({ queryKey: queryKeys.workspaceBuilds(id) });
          void client.invalidateQueries({ queryKey: queryKeys.allWorkspaces });
        }
      },
      onError: setError,
    });
    return () => watcher.close();
  }, [id, owner, name, client]);
  return error;
}

export const useWorkspaceBuilds = (workspaceId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.workspaceBuilds(workspaceId ?? ""),
    queryFn: () => API.getWorkspaceBuilds(workspaceId!),
    enabled: !!workspaceId,
  });

export const useWorkspaceBuildParameters = (buildId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.workspaceBuildParameters(buildId ?? ""),
    queryFn: () => API.getWorkspaceBuildParameters(buildId!),
    enabled: !!buildId,
  });

export function useCreateWorkspace() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ owner, req }: { owner: string; req: CreateWorkspaceRequest }) => API.createWorkspace(owner, req),
    onSuccess: (workspace) => {
      client.setQueryData(queryKeys.workspace(workspace.owner_name, workspace.name), workspace);
      void client.invalidateQueries({ queryKey: queryKeys.allWorkspaces });
    },
  });
}

/** Starts, stops, restarts, updates or deletes: each is a new build. The result refreshes the workspace. */
export function useWorkspaceBuild(workspace: Workspace | undefined) {
  const client = useQueryClient();
  const refresh = () => {
    if (!workspace) return;
    void client.invalidateQueries({ queryKey: queryKeys.workspace(workspace.owner_name, workspace.name) });
    void client.invalidateQueries({ queryKey: queryKeys.workspaceBuilds(workspace.id) });
    void client.invalidateQueries({ queryKey: queryKeys.allWorkspaces });
  };
  return useMutation({
    mutationFn: (req: CreateWorkspaceBuildRequest) => API.createWorkspaceBuild(workspace!.id, req),
    onSuccess: refresh,
  });
}

/** Quick start/stop from the list: the workspace is passed with each call. */
export function useQuickBuild() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ workspace, transition }: { workspace: Workspace; transition: "start" | "stop" }) =>
      API.createWorkspaceBuild(workspace.id, { transition, reason: "dashboard" }),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.allWorkspaces }),
  });
}

export function useCancelWorkspaceBuild(workspace: Workspace | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => API.cancelWorkspaceBuild(workspace!.latest_build.id),
    onSuccess: () => {
      if (workspace) void client.invalidateQueries({ queryKey: queryKeys.workspace(workspace.owner_name, workspace.name) });
    },
  });
}

function useScheduleMutation<TVars>(workspace: Workspace | undefined, fn: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      if (workspace) void client.invalidateQueries({ queryKey: queryKeys.workspace(workspace.owner_name, workspace.name) });
    },
  });
}

export const useExtendWorkspace = (workspace: Workspace | undefined) =>
  useScheduleMutation(workspace, (deadline: string) => API.extendWorkspace(workspace!.id, deadline));

export const useUpdateWorkspaceTTL = (workspace: Workspace | undefined) =>
  useScheduleMutation(workspace, (ttlMs: number | null) => API.updateWorkspaceTTL(workspace!.id, ttlMs));

export const useUpdateWorkspaceAutostart = (workspace: Workspace | undefined) =>
  useScheduleMutation(workspace, (schedule: string | null) => API.updateWorkspaceAutostart(workspace!.id, schedule));

const jobDone = (w: Workspace) => ["succeeded", "failed", "canceled"].includes(w.latest_build.job.status);

/**
 * Restart as Coder's dashboard does it: a stop build, then (once it succeeded) a start build with
 * the same version. Waits for the stop by re-reading the workspace.
 */
export function useRestartWorkspace(workspace: Workspace | undefined) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const ws = workspace!;
      await API.createWorkspaceBuild(ws.id, { transition: "stop", reason: "dashboard" });
      void client.invalidateQueries({ queryKey: queryKeys.workspace(ws.owner_name, ws.name) });
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        await new Promise((r) => setTimeout(r, 1000));
        const current = await API.getWorkspace(ws.id);
        if (jobDone(current)) {
          if (current.latest_build.job.status !== "succeeded") {
            throw new Error(`The stop build ${current.latest_build.job.status}; the workspace was not started again.`);
          }
          break;
        }
        if (Date.now() > deadline) throw new Error("The stop build did not finish within 10 minutes.");
      }
      return API.createWorkspaceBuild(ws.id, { transition: "start", reason: "dashboard" });
    },
    onSettled: () => {
      if (!workspace) return;
      void client.invalidateQueries({ queryKey: queryKeys.workspace(workspace.owner_name, workspace.name) });
      void client.invalidateQueries({ queryKey: queryKeys.workspaceBuilds(workspace.id) });
    },
  });
}
