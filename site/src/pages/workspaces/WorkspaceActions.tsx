import DeleteIcon from "@mui/icons-material/DeleteOutlined";
import PlayIcon from "@mui/icons-material/PlayArrowOutlined";
import RestartIcon from "@mui/icons-material/RestartAlt";
import StopIcon from "@mui/icons-material/StopOutlined";
import UpdateIcon from "@mui/icons-material/Update";
import Button from "@mui/material/Button";
import Stack from "@mui/material/Stack";
import { useState } from "react";
import { useNavigate } from "react-router";
import { useCancelWorkspaceBuild, useRestartWorkspace, useWorkspaceBuild } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";

type Confirm = "stop" | "restart" | "update" | "delete" | null;

const building = new Set(["pending", "starting", "stopping", "deleting", "canceling"]);

/** Which actions a status allows, as Coder's workspace page offers them. */
export function availableActions(w: Workspace) {
  const status = w.latest_build.status;
  const busy = building.has(status);
  return {
    start: ["stopped", "failed", "canceled"].includes(status),
    stop: status === "running" || (status === "failed" && w.latest_build.transition === "start"),
    restart: status === "running",
    update: w.outdated && !busy && status !== "deleted",
    cancel: (status === "pending" || status === "starting" || status === "stopping" || status === "deleting") && w.template_allow_user_cancel_workspace_jobs,
    delete: !busy && status !== "deleted",
  };
}

export function WorkspaceActions({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const build = useWorkspaceBuild(workspace);
  const restart = useRestartWorkspace(workspace);
  const cancel = useCancelWorkspaceBuild(workspace);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const actions = availableActions(workspace);
  const pending = build.isPending || restart.isPending || cancel.isPending;
  const close = () => {
    setConfirm(null);
    build.reset();
  };
  const run = (kind: Exclude<Confirm, null>) => {
    if (kind === "restart") {
      setConfirm(null);
      restart.mutate();
      return;
    }
    const transition = kind === "update" ? "start" : kind;
    build.mutate(
      {
        transition,
        reason: "dashboard",
        template_version_id: kind === "update" ? workspace.template_active_version_id : undefined,
      },
      {
        onSuccess: () => {
          setConfirm(null);
          if (kind === "delete") navigate("/workspaces");
        },
      },
    );
  };
  const dialog: Record<Exclude<Confirm, null>, { title: string; description: string; confirmText: string }> = {
    stop: { title: "Stop workspace", description: `Stops ${workspace.name}. Its persistent storage is kept; processes end.`, confirmText: "Stop" },
    restart: { title: "Restart workspace", description: `Stops ${workspace.name} and starts it again with the same version.`, confirmText: "Restart" },
    update: {
      title: "Update workspace",
      description: `Rebuilds ${workspace.name} with the template's active version. New parameters take their defaults.`,
      confirmText: "Update",
    },
    delete: {
      title: "Delete workspace",
      description: `Deletes ${workspace.name} and the resources its template created. This cannot be undone.`,
      confirmText: "Delete",
    },
  };
  return (
    <>
      <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", rowGap: 1 }}>
        {actions.update && (
          <Button variant="contained" color="info" startIcon={<UpdateIcon />} onClick={() => setConfirm("update")} disabled={pending}>
            Update
          </Button>
        )}
        {actions.start && (
          <Button variant="contained" startIcon={<PlayIcon />} onClick={() => build.mutate({ transition: "start", reason: "dashboard" })} disabled={pending}>
            {build.isPending ? "Starting…" : "Start"}
          </Button>
        )}
        {actions.stop && (
          <Button variant="outlined" startIcon={<StopIcon />} onClick={() => setConfirm("stop")} disabled={pending}>
            Stop
          </Button>
        )}
        {actions.restart && (
          <Button variant="outlined" startIcon={<RestartIcon />} onClick={() => setConfirm("restart")} disabled={pending}>
            {restart.isPending ? "Restarting…" : "Restart"}
          </Button>
        )}
        {actions.cancel && (
          <Button variant="outlined" color="warning" onClick={() => cancel.mutate()} disabled={pending}>
            Cancel build
          </Button>
        )}
        {actions.delete && (
          <Button variant="outlined" color="error" startIcon={<DeleteIcon />} onClick={() => setConfirm("delete")} disabled={pending}>
            Delete
          </Button>
        )}
      </Stack>
      {!confirm && <ErrorAlert error={build.error ?? restart.error ?? cancel.error} />}
      <ConfirmDialog
        open={!!confirm}
        title={confirm ? dialog[confirm].title : ""}
        description={confirm ? dialog[confirm].description : ""}
        confirmText={confirm ? dialog[confirm].confirmText : ""}
        destructive={confirm === "delete" || confirm === "stop"}
        typeToConfirm={confirm === "delete" ? workspace.name : undefined}
        loading={build.isPending}
        error={build.error}
        onClose={close}
        onConfirm={() => confirm && run(confirm)}
      />
    </>
  );
}
