import AddIcon from "@mui/icons-material/Add";
import WorkspacesIcon from "@mui/icons-material/Dns";
import PlayIcon from "@mui/icons-material/PlayArrowOutlined";
import SearchIcon from "@mui/icons-material/Search";
import StopIcon from "@mui/icons-material/StopOutlined";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import IconButton from "@mui/material/IconButton";
import InputAdornment from "@mui/material/InputAdornment";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { memo, useEffect, useState } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";
import { fieldError } from "../../api/client";
import { useQuickBuild, useWorkspaces } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { WorkspaceStatusBadge } from "../../components/StatusBadge";
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

/** One row; memoized so that a refetch re-renders only the workspaces that changed. */
const WorkspaceRow = memo(function WorkspaceRow({ w, onBuild, busy }: { w: Workspace; onBuild: QuickBuild; busy: boolean }) {
  const status = w.latest_build.status;
  return (
    <TableRow hover data-testid={`workspace-row-${w.name}`}>
      <TableCell>
        <Box sx={{ display: "flex", alignItems: "center", gap: 1.5 }}>
          <Avatar src={w.template_icon || undefined} alt="" variant="rounded" sx={{ width: 28, height: 28, fontSize: 13 }}>
            {w.name.slice(0, 1).toUpperCase()}
          </Avatar>
          <Box>
            <Link component={RouterLink} to={workspacePath(w.owner_name, w.name)} underline="hover" color="inherit" sx={{ fontWeight: 600 }}>
              {w.name}
            </Link>
            {w.outdated && <Chip size="small" color="info" variant="outlined" label="Outdated" sx={{ ml: 1, height: 20 }} />}
            <Typography variant="body2" color="text.secondary">
              {w.owner_name}
            </Typography>
          </Box>
        </Box>
      </TableCell>
      <TableCell>{w.template_display_name || w.template_name}</TableCell>
      <TableCell>
        <WorkspaceStatusBadge status={status} />
      </TableCell>
      <TableCell>{fromNow(w.last_used_at)}</TableCell>
      <TableCell align="right">
        {(status === "stopped" || status === "failed" || status === "canceled") && (
          <Tooltip title="Start">
            <span>
              <IconButton aria-label={`Start ${w.name}`} size="small" disabled={busy} onClick={() => onBuild(w, "start")}>
                <PlayIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        )}
        {status === "running" && (
          <Tooltip title="Stop">
            <span>
              <IconButton aria-label={`Stop ${w.name}`} size="small" disabled={busy} onClick={() => onBuild(w, "stop")}>
                <StopIcon fontSize="small" />
              </IconButton>
            </span>
          </Tooltip>
        )}
      </TableCell>
    </TableRow>
  );
});

export default function WorkspacesPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get("filter") ?? DEFAULT_FILTER;
  const [search, setSearch] = useState(filter);
  const workspaces = useWorkspaces(filter);
  const quick = useQuickBuild();
  const [busyId, setBusyId] = useState<string | null>(null);
  useEffect(() => {
    if (search === filter) return;
    const timer = setTimeout(() => setParams({ filter: search }, { replace: true }), 350);
    return () => clearTimeout(timer);
  }, [search, filter, setParams]);
  useEffect(() => setSearch(filter), [filter]);

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
              <Table size="small" aria-label="Workspaces" data-count={data.workspaces.length}>
                <TableHead>
                  <TableRow>
                    <TableCell>Name</TableCell>
                    <TableCell>Template</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Last used</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.workspaces.map((w) => (
                    <WorkspaceRow key={w.id} w={w} onBuild={onBuild} busy={busyId === w.id} />
                  ))}
                </TableBody>
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
