import Skeleton from "@mui/material/Skeleton";
import { useQueryClient } from "@tanstack/react-query";
import { workspaceBuildLogsPath } from "../../api/paths";
import { queryKeys } from "../../api/queries/keys";
import { useJobLogs } from "../../api/queries/logs";
import type { Workspace, WorkspaceBuild } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LogViewer } from "../../components/LogViewer";

export const isBuildActive = (build: WorkspaceBuild) => ["pending", "running", "canceling"].includes(build.job.status);

/** A build's logs; a running build's are followed over the WebSocket until the job ends. */
export function BuildLogs({ build, workspace, maxHeight }: { build: WorkspaceBuild; workspace?: Workspace; maxHeight?: number }) {
  const client = useQueryClient();
  const live = isBuildActive(build);
  const logs = useJobLogs(workspaceBuildLogsPath(build.id), live, () => {
    if (!workspace) return;
    void client.invalidateQueries({ queryKey: queryKeys.workspace(workspace.owner_name, workspace.name) });
    void client.invalidateQueries({ queryKey: queryKeys.workspaceBuilds(workspace.id) });
  });
  if (logs.isPending) return <Skeleton height={80} />;
  return (
    <>
      {logs.error && <ErrorAlert error={new Error(logs.error)} />}
      <LogViewer logs={logs.logs} streaming={logs.streaming} label={`Logs of build ${build.build_number}`} maxHeight={maxHeight} />
    </>
  );
}
