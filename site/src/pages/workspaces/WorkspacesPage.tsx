import AddIcon from "@mui/icons-material/Add";
import WorkspacesIcon from "@mui/icons-material/Dns";
import SearchIcon from "@mui/icons-material/Search";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import InputAdornment from "@mui/material/InputAdornment";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { memo, useEffect, useRef, useState } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";
import { fieldError } from "../../api/client";
import { useQuickBuild, useWorkspaces } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { fromNow } from "../../utils/time";
import { workspacePath } from "./paths";

const DEFAULT_FILTER = "owner:me";

const presets = [
  { label: "My workspaces", filter: "owner:me" },
  { label: "Running", filter: "owner:me status:running" },
  { label: "Stopped", filter: "owner:me status:stopped" },
  { label: "Failed", filter: "owner:me status:failed" },
  { label: "All", filter: "" },
];

type QuickBuild = (workspace: Workspace, transition: "start" | "stop") => void;

const statusTone: Record<string, string> = {
  running: "success",
  failed: "error",
  canceled: "warning",
  canceling: "warning",
  deleting: "warning",
  pending: "info",
  starting: "info",
  stopping: "info",
};
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const playPath = "M8 5v14l11-7z";
const stopPath = "M6 6h12v12H6z";

// The list may hold hundreds of rows: rows are plain elements styled once by the table's sx
// (no per-row Emotion components), so 500 workspaces render in a fraction of the time MUI cells take.
const tableSx = {
  "& tbody td": { px: 2, py: 1, borderBottom: 1, borderColor: "divider", fontSize: 14, verticalAlign: "middle" },
  "& tbody tr:hover": { bgcolor: "action.hover" },
  "& tbody tr": { contentVisibility: "auto", containIntrinsicSize: "auto 57px" },
  "& .ws-name": { display: "flex", alignItems: "center", gap: 1.5 },
  "& .ws-avatar": {
    width: 28, height: 28, borderRadius: 1, bgcolor: "grey.700", display: "inline-flex", alignItems: "center",
    justifyContent: "center", fontSize: 13, overflow: "hidden", flexShrink: 0,
  },
  "& .ws-avatar img": { width: "100%", height: "100%", objectFit: "cover" },
  "& .ws-link": { color: "text.primary", fontWeight: 600, textDecoration: "none", "&:hover": { textDecoration: "underline" } },
  "& .ws-owner": { color: "text.secondary", fontSize: 13 },
  "& .ws-chip": { ml: 1, px: 1, py: 0.25, borderRadius: 4, border: 1, fontSize: 12, lineHeight: "18px", display: "inline-block" },
  "& .ws-chip.info, & .ws-status.info": { color: "info.light", borderColor: "info.dark" },
  "& .ws-status": { px: 1, borderRadius: 4, border: 1, borderColor: "divider", fontSize: 13, lineHeight: "22px", display: "inline-block" },
  "& .ws-status.success": { color: "success.light", borderColor: "success.dark" },
  "& .ws-status.error": { color: "error.light", borderColor: "error.dark" },
  "& .ws-status.warning": { color: "warning.light", borderColor: "warning.dark" },
  "& .ws-action": {
    border: 0, bgcolor: "transparent", color: "text.secondary", borderRadius: "50%", width: 32, height: 32, cursor: "pointer",
    display: "inline-flex", alignItems: "center", justifyContent: "center",
    "&:hover": { bgcolor: "action.hover", color: "text.primary" },
    "&:disabled": { opacity: 0.4, cursor: "default" },
    "& svg": { width: 20, height: 20, fill: "currentColor" },
  },
};

/** One row; memoized so that a refetch re-renders only the workspaces that changed. */
const WorkspaceRow = memo(function WorkspaceRow({ w, onBuild, busy }: { w: Workspace; onBuild: QuickBuild; busy: boolean }) {
  const status = w.latest_build.status;
  const action: { transition: "start" | "stop"; label: string; path: string } | null =
    status === "stopped" || status === "failed" || status === "canceled"
      ? { transition: "start", label: "Start", path: playPath }
      : status === "running"
        ? { transition: "stop", label: "Stop", path: stopPath }
        : null;
  return (
    <tr data-testid={`workspace-row-${w.name}`}>
      <td>
        <div className="ws-name">
          <span className="ws-avatar" aria-hidden>
            {w.template_icon ? <img src={w.template_icon} alt="" loading="lazy" /> : w.name.slice(0, 1).toUpperCase()}
          </span>
          <div>
            <RouterLink className="ws-link" to={workspacePath(w.owner_name, w.name)}>
              {w.name}
            </RouterLink>
            {w.outdated && (
              <span className="ws-chip info" title="The template has a newer active version.">
                Outdated
              </span>
            )}
            <div className="ws-owner">{w.owner_name}</div>
          </div>
        </div>
      </td>
      <td>{w.template_display_name || w.template_name}</td>
      <td>
        <span className={`ws-status ${statusTone[status] ?? ""}`} data-testid="workspace-status">
          {capitalize(status)}
        </span>
      </td>
      <td>{fromNow(w.last_used_at)}</td>
      <td style={{ textAlign: "right" }}>
        {action && (
          <button
            type="button"
            className="ws-action"
            aria-label={`${action.label} ${w.name}`}
            title={action.label}
            disabled={busy}
            onClick={() => onBuild(w, action.transition)}
          >
            <svg viewBox="0 0 24 24" aria-hidden>
              <path d={action.path} />
            </svg>
          </button>
        )}
      </td>
    </tr>
  );
});

export default function WorkspacesPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get("filter") ?? DEFAULT_FILTER;
  const [search, setSearch] = useState(filter);
  const workspaces = useWorkspaces(filter);
  const quick = useQuickBuild();
  const [busyId, setBusyId] = useState<string | null>(null);
  // The box drives the URL (debounced); the URL drives the box only when it changed some other way
  // (back/forward), never while the user is typing.
  const pushed = useRef(filter);
  useEffect(() => {
    if (search === filter) return;
    const timer = setTimeout(() => {
      pushed.current = search;
      setParams({ filter: search }, { replace: true });
    }, 350);
    return () => clearTimeout(timer);
  }, [search, filter, setParams]);
  useEffect(() => {
    if (filter !== pushed.current) {
      pushed.current = filter;
      setSearch(filter);
    }
  }, [filter]);

  const onBuild: QuickBuild = (workspace, transition) => {
    setBusyId(workspace.id);
    quick.mutate({ workspace, transition }, { onSettled: () => setBusyId(null) });
  };

  const data = workspaces.data;
  const filterError = fieldError(workspaces.error, "q");
  const createButton = (
    <Button component={RouterLink} to="/templates" variant="contained" startIcon={<AddIcon />}>
      New workspace
    </Button>
  );
  return (
    <>
      <PageHeader title="Workspaces" subtitle="Your development environments." actions={data?.available !== false && createButton} />
      {data && !data.available ? (
        <EmptyState
          icon={<WorkspacesIcon />}
          title="No workspaces yet"
          description="Workspaces are created from templates. This server does not offer workspaces yet; they arrive with templates and provisioners."
          action={
            <Button component={RouterLink} to="/templates" variant="outlined">
              View templates
            </Button>
          }
        />
      ) : (
        <Stack spacing={2}>
          <TextField
            label="Search workspaces"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            error={!!filterError}
            helperText={filterError ?? "owner:me status:running template:docker name:dev"}
            slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
          />
          <Stack direction="row" spacing={1} sx={{ flexWrap: "wrap", rowGap: 1 }} aria-label="Filters">
            {presets.map((p) => (
              <Chip
                key={p.label}
                label={p.label}
                variant={filter === p.filter ? "filled" : "outlined"}
                color={filter === p.filter ? "primary" : "default"}
                onClick={() => {
                  pushed.current = p.filter;
                  setSearch(p.filter);
                  setParams({ filter: p.filter }, { replace: true });
                }}
              />
            ))}
          </Stack>
          {workspaces.isError && <ErrorAlert error={workspaces.error} handledFields={["q"]} onRetry={() => void workspaces.refetch()} />}
          <ErrorAlert error={quick.error} />
          {workspaces.isPending && (
            <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-label="Loading workspaces">
              <Skeleton height={32} />
              <Skeleton height={32} />
            </Paper>
          )}
          {data?.available && data.workspaces.length === 0 && (
            <EmptyState
              icon={<WorkspacesIcon />}
              title={filter === DEFAULT_FILTER ? "No workspaces yet" : "No workspaces match this filter"}
              description={filter === DEFAULT_FILTER ? "Create a workspace from a template to get started." : "Try another search."}
              action={
                <Button component={RouterLink} to="/templates" variant="outlined">
                  Choose a template
                </Button>
              }
            />
          )}
          {data?.available && data.workspaces.length > 0 && (
            <Paper variant="outlined">
              <Table size="small" aria-label="Workspaces" data-count={data.workspaces.length} sx={tableSx}>
                <TableHead>
                  <tr>
                    <TableCell>Name</TableCell>
                    <TableCell>Template</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Last used</TableCell>
                    <TableCell />
                  </tr>
                </TableHead>
                <tbody>
                  {data.workspaces.map((w) => (
                    <WorkspaceRow key={w.id} w={w} onBuild={onBuild} busy={busyId === w.id} />
                  ))}
                </tbody>
              </Table>
              {data.count > data.workspaces.length && (
                <Typography variant="body2" color="text.secondary" sx={{ p: 1.5 }}>
                  Showing {data.workspaces.length} of {data.count}.
                </Typography>
              )}
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
