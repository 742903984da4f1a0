import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Typography from "@mui/material/Typography";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { templateVersionLogsPath } from "../../api/paths";
import { isApiError } from "../../api/client";
import { queryKeys } from "../../api/queries/keys";
import { useJobLogs } from "../../api/queries/logs";
import {
  useArchiveTemplateVersion,
  useCancelTemplateVersion,
  usePromoteTemplateVersion,
  useTemplateVersionByName,
  useTemplateVersionParameters,
  useTemplateVersionResources,
  useTemplateVersion,
} from "../../api/queries/templates";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LogViewer } from "../../components/LogViewer";
import { Markdown } from "../../components/Markdown";
import { ParametersTable } from "../../components/ParametersTable";
import { ResourcesView } from "../../components/ResourcesView";
import { JobStatusBadge } from "../../components/StatusBadge";
import { formatDate, formatDuration } from "../../utils/time";
import { ImportStatus } from "./ImportStatus";
import { DetailSection, Facts } from "./Section";
import { templatePath, useTemplateContext } from "./TemplateLayout";

export const isLive = (status: string | undefined) => status === "pending" || status === "running" || status === "canceling";

export default function TemplateVersionPage() {
  const { template, canUpdate } = useTemplateContext();
  const { version: versionName = "" } = useParams();
  const byName = useTemplateVersionByName(template.id, versionName);
  // Polled by id while the import runs, so the status, README and results follow the job.
  const version = useTemplateVersion(byName.data?.id);
  const v = version.data ?? byName.data;
  const client = useQueryClient();
  const live = isLive(v?.job.status);
  const logs = useJobLogs(v ? templateVersionLogsPath(v.id) : undefined, live, () => {
    if (v) void client.invalidateQueries({ queryKey: queryKeys.templateVersion(v.id) });
  });
  const resources = useTemplateVersionResources(v);
  const parameters = useTemplateVersionParameters(v);
  const promote = usePromoteTemplateVersion(template);
  const archive = useArchiveTemplateVersion(template);
  const cancel = useCancelTemplateVersion(template);
  const [confirm, setConfirm] = useState<"promote" | "archive" | null>(null);

  if (byName.isPending) return <Loader />;
  if (byName.isError) {
    if (isApiError(byName.error) && byName.error.status === 404) {
      return (
        <EmptyState
          title="Version not found"
          description={`${template.name} has no version named "${versionName}".`}
          action={
            <Button component={RouterLink} to={`${templatePath(template.name)}/versions`} variant="outlined">
              All versions
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={byName.error} onRetry={() => void byName.refetch()} />;
  }
  if (!v) return null;
  const active = v.id === template.active_version_id;
  const started = v.job.started_at ? Date.parse(v.job.started_at) : undefined;
  const completed = v.job.completed_at ? Date.parse(v.job.completed_at) : undefined;
  const succeeded = v.job.status === "succeeded";
  const mutation = confirm === "promote" ? promote : archive;
  return (
    <>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: "center", mb: 2, flexWrap: "wrap" }}>
        <Typography variant="h2" component="h2">
          Version {v.name}
        </Typography>
        <JobStatusBadge status={v.job.status} />
        {active && <Chip size="small" color="primary" label="Active" />}
        {v.archived && <Chip size="small" variant="outlined" label="Archived" />}
        <span style={{ flex: 1 }} />
        {canUpdate && live && v.job.status !== "canceling" && (
          <Button color="warning" onClick={() => cancel.mutate(v)} disabled={cancel.isPending}>
            Cancel import
          </Button>
        )}
        {canUpdate && !active && !v.archived && succeeded && (
          <Button variant="contained" onClick={() => setConfirm("promote")}>
            Promote to active
          </Button>
        )}
        {canUpdate && !active && !v.archived && !live && (
          <Button color="inherit" onClick={() => setConfirm("archive")}>
            Archive
          </Button>
        )}
      </Stack>
      <ErrorAlert error={cancel.error} />
      {v.message && <Typography sx={{ mb: 2, whiteSpace: "pre-wrap" }}>{v.message}</Typography>}
      <Facts
        items={[
          { label: "Created by", value: v.created_by.username },
          { label: "Created", value: formatDate(v.created_at) },
          {
            label: "Import took",
            value: started && completed ? formatDuration(completed - started) : live ? "Running…" : "—",
          },
          { label: "Provisioner", value: template.provisioner },
        ]}
      />
      <ImportStatus version={v} />
      <DetailSection title="Build logs">
        {logs.error && <ErrorAlert error={new Error(logs.error)} />}
        {logs.isPending ? <Skeleton height={80} /> : <LogViewer logs={logs.logs} streaming={logs.streaming} label="Import logs" />}
      </DetailSection>
      {succeeded && (
        <>
          <DetailSection title="Resources">
            {resources.isError && <ErrorAlert error={resources.error} />}
            {resources.isPending ? <Skeleton height={80} /> : <ResourcesView resources={(resources.data ?? []).filter((r) => r.workspace_transition === "start")} />}
          </DetailSection>
          <DetailSection title="Parameters">
            {parameters.isError && <ErrorAlert error={parameters.error} />}
            {parameters.isPending ? <Skeleton height={80} /> : <ParametersTable parameters={parameters.data ?? []} />}
          </DetailSection>
        </>
      )}
      {v.readme?.trim() && (
        <DetailSection title="README">
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Markdown>{v.readme}</Markdown>
          </Paper>
        </DetailSection>
      )}
      <ConfirmDialog
        open={!!confirm}
        title={confirm === "promote" ? "Promote version" : "Archive version"}
        description={
          confirm === "promote"
            ? `New workspaces will use ${v.name}; existing ones are offered the update.`
            : `${v.name} will be hidden, and no workspace can be built from it.`
        }
        confirmText={confirm === "promote" ? "Promote" : "Archive"}
        destructive={confirm === "archive"}
        loading={mutation.isPending}
        error={mutation.error}
        onClose={() => {
          setConfirm(null);
          promote.reset();
          archive.reset();
        }}
        onConfirm={() => mutation.mutate(v, { onSuccess: () => setConfirm(null) })}
      />
    </>
  );
}

function Loader() {
  return (
    <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-label="Loading version">
      <Skeleton height={32} />
      <Skeleton height={120} />
    </Paper>
  );
}
