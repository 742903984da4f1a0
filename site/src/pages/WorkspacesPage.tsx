import SearchIcon from "@mui/icons-material/Search";
import WorkspacesIcon from "@mui/icons-material/Dns";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import InputAdornment from "@mui/material/InputAdornment";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import TextField from "@mui/material/TextField";
import { useEffect, useState } from "react";
import { Link as RouterLink, useSearchParams } from "react-router";
import { fieldError } from "../api/client";
import { useWorkspaces } from "../api/queries/workspaces";
import { EmptyState } from "../components/EmptyState";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { fromNow } from "../utils/time";

const DEFAULT_FILTER = "owner:me";

export default function WorkspacesPage() {
  const [params, setParams] = useSearchParams();
  const filter = params.get("filter") ?? DEFAULT_FILTER;
  const [search, setSearch] = useState(filter);
  const workspaces = useWorkspaces(filter);
  useEffect(() => {
    if (search === filter) return;
    const timer = setTimeout(() => setParams({ filter: search }, { replace: true }), 350);
    return () => clearTimeout(timer);
  }, [search, filter, setParams]);

  const data = workspaces.data;
  const filterError = fieldError(workspaces.error, "q");
  return (
    <>
      <PageHeader title="Workspaces" subtitle="Your development environments." />
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
            helperText={filterError ?? "owner:me status:running template:docker"}
            slotProps={{ input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> } }}
          />
          {workspaces.isError && <ErrorAlert error={workspaces.error} handledFields={["q"]} onRetry={() => void workspaces.refetch()} />}
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
              <Table size="small" aria-label="Workspaces">
                <TableHead>
                  <TableRow>
                    <TableCell>Name</TableCell>
                    <TableCell>Template</TableCell>
                    <TableCell>Status</TableCell>
                    <TableCell>Last used</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.workspaces.map((w) => (
                    <TableRow key={w.id} hover>
                      <TableCell sx={{ fontWeight: 600 }}>
                        {w.owner_name}/{w.name}
                      </TableCell>
                      <TableCell>{w.template_display_name || w.template_name}</TableCell>
                      <TableCell>
                        <Chip size="small" variant="outlined" label={w.latest_build?.status ?? "unknown"} />
                      </TableCell>
                      <TableCell>{fromNow(w.last_used_at)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
