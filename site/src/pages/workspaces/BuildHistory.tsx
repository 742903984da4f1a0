import ExpandLessIcon from "@mui/icons-material/ExpandLess";
import ExpandMoreIcon from "@mui/icons-material/ExpandMore";
import Box from "@mui/material/Box";
import Collapse from "@mui/material/Collapse";
import IconButton from "@mui/material/IconButton";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { Fragment, useState } from "react";
import { useWorkspaceBuilds } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { WorkspaceStatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDuration, fromNow } from "../../utils/time";
import { BuildLogs } from "./BuildLogs";

const reasonText: Record<string, string> = {
  initiator: "by user",
  autostart: "autostart",
  autostop: "autostop",
  dormancy: "dormancy",
  failedstop: "failed-stop cleanup",
  autodelete: "autodelete",
  dashboard: "from the dashboard",
  cli: "from the CLI",
  ssh_connection: "SSH connection",
  vscode_connection: "VS Code connection",
  jetbrains_connection: "JetBrains connection",
};

/** The workspace's builds, newest first; each row opens its logs. */
export function BuildHistory({ workspace }: { workspace: Workspace }) {
  const builds = useWorkspaceBuilds(workspace.id);
  const [open, setOpen] = useState<string | null>(null);
  if (builds.isPending) return <Skeleton height={100} />;
  if (builds.isError) return <ErrorAlert error={builds.error} onRetry={() => void builds.refetch()} />;
  return (
    <Paper variant="outlined">
      <Table size="small" aria-label="Build history">
        <TableHead>
          <TableRow>
            <TableCell>#</TableCell>
            <TableCell>Action</TableCell>
            <TableCell>Status</TableCell>
            <TableCell>By</TableCell>
            <TableCell>Version</TableCell>
            <TableCell>When</TableCell>
            <TableCell>Took</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {builds.data.map((b) => {
            const expanded = open === b.id;
            const took =
              b.job.started_at && b.job.completed_at ? formatDuration(Date.parse(b.job.completed_at) - Date.parse(b.job.started_at)) : "—";
            return (
              <Fragment key={b.id}>
                <TableRow hover data-testid={`build-row-${b.build_number}`} sx={{ "& > td": { borderBottom: expanded ? 0 : undefined } }}>
                  <TableCell>{b.build_number}</TableCell>
                  <TableCell>{b.transition.charAt(0).toUpperCase() + b.transition.slice(1)}</TableCell>
                  <TableCell>
                    <WorkspaceStatusBadge status={b.status} />
                  </TableCell>
                  <TableCell>
                    {b.initiator_name}
                    <Typography variant="body2" color="text.secondary" component="div">
                      {reasonText[b.reason] ?? b.reason}
                    </Typography>
                  </TableCell>
                  <TableCell>{b.template_version_name}</TableCell>
                  <TableCell title={formatDate(b.created_at)}>{fromNow(b.created_at)}</TableCell>
                  <TableCell>{took}</TableCell>
                  <TableCell align="right">
                    <IconButton
                      size="small"
                      aria-label={`${expanded ? "Hide" : "Show"} logs of build ${b.build_number}`}
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : b.id)}
                    >
                      {expanded ? <ExpandLessIcon /> : <ExpandMoreIcon />}
                    </IconButton>
                  </TableCell>
                </TableRow>
                <TableRow>
                  <TableCell colSpan={8} sx={{ py: 0, borderBottom: expanded ? undefined : 0 }}>
                    <Collapse in={expanded} unmountOnExit>
                      <Box sx={{ py: 1.5 }}>
                        {b.job.error && (
                          <Typography color="error.light" sx={{ mb: 1 }}>
                            {b.job.error}
                          </Typography>
                        )}
                        <BuildLogs build={b} workspace={workspace} maxHeight={320} />
                      </Box>
                    </Collapse>
                  </TableCell>
                </TableRow>
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </Paper>
  );
}
