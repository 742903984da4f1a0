import Chip from "@mui/material/Chip";
import CircularProgress from "@mui/material/CircularProgress";
import type { ProvisionerJobStatus, WorkspaceStatus } from "../api/types";

type Tone = "success" | "error" | "warning" | "info" | "default";

const workspaceTone: Record<WorkspaceStatus, Tone> = {
  pending: "info",
  starting: "info",
  running: "success",
  stopping: "info",
  stopped: "default",
  failed: "error",
  canceling: "warning",
  canceled: "warning",
  deleting: "warning",
  deleted: "default",
};

const jobTone: Record<ProvisionerJobStatus, Tone> = {
  pending: "info",
  running: "info",
  succeeded: "success",
  canceling: "warning",
  canceled: "warning",
  failed: "error",
  unknown: "default",
};

const busy = new Set<string>(["pending", "starting", "stopping", "deleting", "canceling", "running-job"]);

const label = (status: string) => status.charAt(0).toUpperCase() + status.slice(1);

/** A workspace's status (derived from its latest build) as a colored chip; in-progress ones spin. */
export function WorkspaceStatusBadge({ status }: { status: WorkspaceStatus }) {
  const tone = workspaceTone[status] ?? "default";
  return (
    <Chip
      size="small"
      variant="outlined"
      color={tone}
      label={label(status)}
      data-testid="workspace-status"
      icon={busy.has(status) ? <CircularProgress size={10} color="inherit" /> : undefined}
    />
  );
}

/** A provisioner job's status (import or build). */
export function JobStatusBadge({ status }: { status: ProvisionerJobStatus }) {
  const tone = jobTone[status] ?? "default";
  return (
    <Chip
      size="small"
      variant="outlined"
      color={tone}
      label={label(status)}
      data-testid="job-status"
      icon={busy.has(status) || status === "running" ? <CircularProgress size={10} color="inherit" /> : undefined}
    />
  );
}
