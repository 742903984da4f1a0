import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import FormControlLabel from "@mui/material/FormControlLabel";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Switch from "@mui/material/Switch";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Link as RouterLink } from "react-router";
import {
  useArchiveTemplateVersion,
  usePromoteTemplateVersion,
  useTemplateVersions,
  useUnarchiveTemplateVersion,
} from "../../api/queries/templates";
import type { TemplateVersion } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { JobStatusBadge } from "../../components/StatusBadge";
import { formatDate, fromNow } from "../../utils/time";
import { templatePath, useTemplateContext } from "./TemplateLayout";

type Action = { kind: "promote" | "archive" | "unarchive"; version: TemplateVersion };

export default function TemplateVersionsPage() {
  const { template, canUpdate } = useTemplateContext();
  const [showArchived, setShowArchived] = useState(false);
  const versions = useTemplateVersions(template.id, showArchived);
  const [action, setAction] = useState<Action | null>(null);
  const promote = usePromoteTemplateVersion(template);
  const archive = useArchiveTemplateVersion(template);
  const unarchive = useUnarchiveTemplateVersion(template);
  const mutation = action?.kind === "promote" ? promote : action?.kind === "archive" ? archive : unarchive;
  const close = () => {
    setAction(null);
    promote.reset();
    archive.reset();
    unarchive.reset();
  };
  // Newest first, as Coder lists them.
  const list = [...(versions.data ?? [])].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <>
      <Box sx={{ display: "flex", justifyContent: "space-between", alignItems: "center", mb: 1.5 }}>
        <Typography color="text.secondary">
          Each push creates a version. Workspaces build the active one; promote another to make it active.
        </Typography>
        <FormControlLabel control={<Switch checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />} label="Show archived" />
      </Box>
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {versions.isPending ? (
        <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-label="Loading versions">
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Paper>
      ) : (
        <Paper variant="outlined">
          <Table size="small" aria-label="Versions">
            <TableHead>
              <TableRow>
                <TableCell>Version</TableCell>
                <TableCell>Created by</TableCell>
                <TableCell>Created</TableCell>
                <TableCell>Import</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((v) => {
                const active = v.id === template.active_version_id;
                return (
                  <TableRow key={v.id} hover data-testid={`version-row-${v.name}`}>
                    <TableCell>
                      <Link component={RouterLink} to={`${templatePath(template.name)}/versions/${encodeURIComponent(v.name)}`} sx={{ fontWeight: 600 }}>
                        {v.name}
                      </Link>
                      {active && <Chip size="small" color="primary" label="Active" sx={{ ml: 1 }} />}
                      {v.archived && <Chip size="small" variant="outlined" label="Archived" sx={{ ml: 1 }} />}
                      {v.message && (
                        <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 360 }} noWrap title={v.message}>
                          {v.message}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Box sx={{ display: "flex", alignItems: "center", gap: 1 }}>
                        <Avatar src={v.created_by.avatar_url || undefined} alt="" sx={{ width: 22, height: 22, fontSize: 12 }}>
                          {v.created_by.username.slice(0, 1).toUpperCase()}
                        </Avatar>
                        {v.created_by.username}
                      </Box>
                    </TableCell>
                    <TableCell title={formatDate(v.created_at)}>{fromNow(v.created_at)}</TableCell>
                    <TableCell>
                      <JobStatusBadge status={v.job.status} />
                    </TableCell>
                    <TableCell align="right" sx={{ whiteSpace: "nowrap" }}>
                      {canUpdate && !active && !v.archived && v.job.status === "succeeded" && (
                        <Button size="small" onClick={() => setAction({ kind: "promote", version: v })}>
                          Promote
                        </Button>
                      )}
                      {canUpdate && !active && !v.archived && (
                        <Button size="small" color="inherit" onClick={() => setAction({ kind: "archive", version: v })}>
                          Archive
                        </Button>
                      )}
                      {canUpdate && v.archived && (
                        <Button size="small" color="inherit" onClick={() => setAction({ kind: "unarchive", version: v })}>
                          Unarchive
                        </Button>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Paper>
      )}
      <ConfirmDialog
        open={!!action}
        title={action?.kind === "promote" ? "Promote version" : action?.kind === "archive" ? "Archive version" : "Unarchive version"}
        description={
          action?.kind === "promote"
            ? `New workspaces will use ${action.version.name}; existing ones are offered the update.`
            : action?.kind === "archive"
              ? `${action.version.name} will be hidden, and no workspace can be built from it.`
              : `${action?.version.name} will be usable again.`
        }
        confirmText={action?.kind === "promote" ? "Promote" : action?.kind === "archive" ? "Archive" : "Unarchive"}
        destructive={action?.kind === "archive"}
        loading={mutation.isPending}
        error={mutation.error}
        onClose={close}
        onConfirm={() => action && mutation.mutate(action.version, { onSuccess: close })}
      />
    </>
  );
}
