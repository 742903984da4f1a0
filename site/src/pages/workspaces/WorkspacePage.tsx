import TerminalIcon from "@mui/icons-material/WebAsset";
import Alert from "@mui/material/Alert";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useState } from "react";
import { Link as RouterLink, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { useMe } from "../../api/queries/auth";
import { useTemplateVersion, useTemplateVersionParameters } from "../../api/queries/templates";
import { useExtendWorkspace, useWatchWorkspace, useWorkspace, useWorkspaceBuildParameters } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { ParametersTable } from "../../components/ParametersTable";
import { ResourcesView } from "../../components/ResourcesView";
import { WorkspaceStatusBadge } from "../../components/StatusBadge";
import { describeAutostart } from "../../utils/schedule";
import { formatDate, formatDuration, fromNow } from "../../utils/time";
import { DetailSection, Facts } from "../templates/Section";
import { templatePath } from "../templates/TemplateLayout";
import { BuildHistory } from "./BuildHistory";
import { BuildLogs, isBuildActive } from "./BuildLogs";
import { ScheduleDialog } from "./ScheduleDialog";
import { SSHButton } from "./SSHButton";
import { WorkspaceActions } from "./WorkspaceActions";

const HOUR_MS = 3_600_000;
const hasTime = (t: string | undefined | null): t is string => !!t && !t.startsWith("0001-01-01");

function Schedule({ workspace }: { workspace: Workspace }) {
  const extend = useExtendWorkspace(workspace);
  const [editing, setEditing] = useState(false);
  const build = workspace.latest_build;
  const running = build.status === "running";
  const deadline = running && hasTime(build.deadline) ? build.deadline : undefined;
  const extendBy = (hours: number) => {
    const base = Math.max(Date.parse(deadline!), Date.now());
    extend.mutate(new Date(base + hours * HOUR_MS).toISOString());
  };
  return (
    <>
      <Facts
        items={[
          {
            label: "Autostop",
            value: deadline ? (
              <span title={formatDate(deadline)}>Stops {fromNow(deadline)}</span>
            ) : workspace.ttl_ms ? (
              `${formatDuration(workspace.ttl_ms)} after start`
            ) : (
              "Off"
            ),
          },
          { label: "Autostart", value: describeAutostart(workspace.autostart_schedule) },
          { label: "Next start", value: hasTime(workspace.next_start_at) ? formatDate(workspace.next_start_at) : "—" },
          { label: "Max deadline", value: running && hasTime(build.max_deadline) ? formatDate(build.max_deadline) : "—" },
        ]}
      />
      <Stack direction="row" spacing={1} sx={{ mt: -2, mb: 2, alignItems: "center" }}>
        {deadline && (
          <>
            <Button size="small" variant="outlined" onClick={() => extendBy(1)} disabled={extend.isPending}>
              Extend by 1 hour
            </Button>
            <Button size="small" variant="outlined" onClick={() => extendBy(4)} disabled={extend.isPending}>
              Extend by 4 hours
            </Button>
          </>
        )}
        <Button size="small" onClick={() => setEditing(true)}>
          Edit schedule
        </Button>
      </Stack>
      <ErrorAlert error={extend.error} />
      <ScheduleDialog workspace={workspace} open={editing} onClose={() => setEditing(false)} />
    </>
  );
}

function Parameters({ workspace }: { workspace: Workspace }) {
  const build = workspace.latest_build;
  const version = useTemplateVersion(build.template_version_id);
  const definitions = useTemplateVersionParameters(version.data);
  const values = useWorkspaceBuildParameters(build.id);
  if (values.isError) return <ErrorAlert error={values.error} onRetry={() => void values.refetch()} />;
  if (definitions.isError) return <ErrorAlert error={definitions.error} />;
  if (values.isPending || definitions.isPending) return <Skeleton height={80} />;
  const byName = Object.fromEntries(values.data.map((v) => [v.name, v.value]));
  return <ParametersTable parameters={definitions.data} values={byName} />;
}

export default function WorkspacePage() {
  const { username = "", workspace: name = "" } = useParams();
  const owner = username.replace(/^@/, "");
  const me = useMe();
  const workspace = useWorkspace(owner === "me" && me.data ? me.data.username : owner, name);
  const watchError = useWatchWorkspace(workspace.data);

  if (workspace.isPending) return <Loader label="Loading workspace" />;
  if (workspace.isError) {
    if (isApiError(workspace.error) && (workspace.error.status === 404 || workspace.error.status === 410)) {
      return (
        <EmptyState
          title="Workspace not found"
          description={`${owner} has no workspace named "${name}", or you may not see it.`}
          action={
            <Button component={RouterLink} to="/workspaces" variant="outlined">
              All workspaces
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={workspace.error} onRetry={() => void workspace.refetch()} />;
  }
  const w = workspace.data;
  const build = w.latest_build;
  const live = isBuildActive(build);
  const agentCount = build.resources.reduce((n, r) => n + (r.agents?.length ?? 0), 0);
  return (
    <>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 3, flexWrap: "wrap" }}>
        <Avatar src={w.template_icon || undefined} alt="" variant="rounded" sx={{ width: 48, height: 48 }}>
          {w.name.slice(0, 1).toUpperCase()}
        </Avatar>
        <Box sx={{ flex: 1, minWidth: 220 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
            <Typography variant="h1">{w.name}</Typography>
            <WorkspaceStatusBadge status={build.status} />
            {w.outdated && (
              <Tooltip title="The template has a newer active version.">
                <Chip size="small" color="info" label="Outdated" />
              </Tooltip>
            )}
          </Stack>
          <Typography color="text.secondary">
            {w.owner_name} ·{" "}
            <Link component={RouterLink} to={templatePath(w.template_name)} color="inherit">
              {w.template_display_name || w.template_name}
            </Link>{" "}
            · version {build.template_version_name}
          </Typography>
        </Box>
        <WorkspaceActions workspace={w} />
      </Box>
      {watchError && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Live updates paused: {watchError}
        </Alert>
      )}
      {build.status === "failed" && (
        <Alert severity="error" sx={{ mb: 2 }}>
          The last {build.transition} build failed{build.job.error ? `: ${build.job.error}` : "."}
        </Alert>
      )}
      {build.job.status === "pending" && build.job.queue_position > 0 && (
        <Alert severity="info" sx={{ mb: 2 }}>
          Waiting for a provisioner (position {build.job.queue_position} of {build.job.queue_size} in the queue).
        </Alert>
      )}
      <Facts
        items={[
          { label: "Last used", value: fromNow(w.last_used_at) },
          { label: "Created", value: formatDate(w.created_at) },
          { label: "Last build", value: `#${build.build_number} ${build.transition} by ${build.initiator_name}` },
          { label: "Health", value: w.health?.healthy === false ? "Unhealthy agents" : "Healthy" },
        ]}
      />
      {(live || build.status === "failed") && (
        <DetailSection title="Build log">
          <BuildLogs build={build} workspace={w} />
        </DetailSection>
      )}
      <DetailSection title="Resources">
        <ResourcesView
          resources={build.resources}
          live
          agentActions={(agent) =>
            build.status === "running" ? (
              <>
                <SSHButton owner={w.owner_name} workspace={w.name} agent={agentCount > 1 ? agent.name : undefined} me={me.data?.username} />
                <Tooltip title="The web terminal arrives with a later release.">
                  <span>
                    <Button size="small" variant="outlined" startIcon={<TerminalIcon fontSize="small" />} disabled>
                      Terminal
                    </Button>
                  </span>
                </Tooltip>
              </>
            ) : null
          }
        />
      </DetailSection>
      <DetailSection title="Schedule">
        <Schedule workspace={w} />
      </DetailSection>
      <DetailSection title="Parameters">
        <Parameters workspace={w} />
      </DetailSection>
      <DetailSection title="Build history">
        <BuildHistory workspace={w} />
      </DetailSection>
    </>
  );
}
