import AppsIcon from "@mui/icons-material/Apps";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import type { WorkspaceAgent, WorkspaceAgentLifecycle, WorkspaceAgentStatus, WorkspaceApp, WorkspaceResource } from "../api/types";
import { monoFont } from "../theme";

const statusColor: Record<WorkspaceAgentStatus, "success" | "info" | "warning" | "error"> = {
  connected: "success",
  connecting: "info",
  disconnected: "warning",
  timeout: "error",
};

const lifecycleColor: Record<WorkspaceAgentLifecycle, "success" | "info" | "warning" | "error" | "default"> = {
  created: "default",
  starting: "info",
  start_timeout: "warning",
  start_error: "error",
  ready: "success",
  shutting_down: "info",
  shutdown_timeout: "warning",
  shutdown_error: "error",
  off: "default",
};

const healthColor = { healthy: "success", unhealthy: "error", initializing: "info", disabled: "default" } as const;

const words = (value: string) => value.replace(/_/g, " ");

/** An app as a button. The dashboard does not proxy apps yet, so only external URLs open. */
function AppButton({ app, live }: { app: WorkspaceApp; live: boolean }) {
  const icon = app.icon ? <Avatar src={app.icon} alt="" variant="square" sx={{ width: 16, height: 16 }} /> : <AppsIcon fontSize="small" />;
  const title = app.display_name || app.slug;
  const healthChip =
    live && app.health !== "disabled" ? (
      <Chip size="small" color={healthColor[app.health] ?? "default"} label={app.health} sx={{ ml: 1, height: 18, fontSize: 11 }} />
    ) : null;
  if (live && app.external && /^https?:\/\//.test(app.url)) {
    return (
      <Button variant="outlined" size="small" startIcon={icon} href={app.url} target="_blank" rel="noreferrer noopener">
        {title}
        {healthChip}
      </Button>
    );
  }
  const reason = live
    ? "Opening workspace apps through the dashboard arrives with app proxying."
    : "Apps open once a workspace runs this template.";
  return (
    <Tooltip title={reason}>
      <span>
        <Button variant="outlined" size="small" startIcon={icon} disabled>
          {title}
          {healthChip}
        </Button>
      </span>
    </Tooltip>
  );
}

function AgentRow({ agent, live, actions }: { agent: WorkspaceAgent; live: boolean; actions?: (agent: WorkspaceAgent) => ReactNode }) {
  const apps = agent.apps.filter((a) => !a.hidden);
  return (
    <Box sx={{ pl: 2, borderLeft: 2, borderColor: "divider" }} data-testid={`agent-${agent.name}`}>
      <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap", rowGap: 1 }}>
        <Typography sx={{ fontWeight: 600 }}>{agent.name}</Typography>
        {live && (
          <>
            <Chip size="small" color={statusColor[agent.status] ?? "default"} label={agent.status} aria-label={`Agent status ${agent.status}`} />
            <Chip
              size="small"
              variant="outlined"
              color={lifecycleColor[agent.lifecycle_state] ?? "default"}
              label={words(agent.lifecycle_state)}
              aria-label={`Agent lifecycle ${words(agent.lifecycle_state)}`}
            />
          </>
        )}
        {agent.operating_system && (
          <Typography variant="body2" color="text.secondary">
            {agent.operating_system}/{agent.architecture}
            {agent.version ? ` · v${agent.version}` : ""}
          </Typography>
        )}
      </Stack>
      {live && agent.health && !agent.health.healthy && agent.health.reason && (
        <Typography variant="body2" color="warning.light" sx={{ mt: 0.5 }}>
          {agent.health.reason}
        </Typography>
      )}
      {(apps.length > 0 || actions) && (
        <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: "wrap", rowGap: 1 }}>
          {actions?.(agent)}
          {apps.map((app) => (
            <AppButton key={app.id || app.slug} app={app} live={live} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

interface Props {
  resources: WorkspaceResource[];
  /** Workspace resources show agent status and app health; a template's planned ones do not. */
  live?: boolean;
  agentActions?: (agent: WorkspaceAgent) => ReactNode;
}

/** Resources with their metadata, agents and apps (hidden resources are left out). */
export function ResourcesView({ resources, live = false, agentActions }: Props) {
  const shown = resources.filter((r) => !r.hide);
  if (shown.length === 0) {
    return (
      <Typography color="text.secondary" sx={{ py: 1 }}>
        No resources.
      </Typography>
    );
  }
  return (
    <Stack spacing={1.5}>
      {shown.map((resource) => (
        <Paper key={resource.id || `${resource.type}.${resource.name}`} variant="outlined" sx={{ p: 2 }} data-testid={`resource-${resource.name}`}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
            <Avatar src={resource.icon || undefined} alt="" variant="rounded" sx={{ width: 28, height: 28, fontSize: 13 }}>
              {resource.type.slice(0, 1).toUpperCase()}
            </Avatar>
            <Box>
              <Typography sx={{ fontWeight: 600 }}>{resource.name}</Typography>
              <Typography variant="body2" color="text.secondary" sx={{ fontFamily: monoFont, fontSize: 12 }}>
                {resource.type}
              </Typography>
            </Box>
          </Stack>
          {resource.metadata.length > 0 && (
            <Box component="dl" sx={{ display: "grid", gridTemplateColumns: "max-content 1fr", columnGap: 2, rowGap: 0.5, my: 1.5, fontSize: 13 }}>
              {resource.metadata.map((m) => (
                <Box key={m.key} sx={{ display: "contents" }}>
                  <Box component="dt" sx={{ color: "text.secondary" }}>
                    {m.key}
                  </Box>
                  <Box component="dd" sx={{ m: 0, fontFamily: monoFont, wordBreak: "break-all" }}>
                    {m.sensitive ? "••••••" : m.value}
                  </Box>
                </Box>
              ))}
            </Box>
          )}
          {resource.agents && resource.agents.length > 0 && (
            <Stack spacing={1.5} sx={{ mt: 1.5 }}>
              {resource.agents.map((agent) => (
                <AgentRow key={agent.id || agent.name} agent={agent} live={live} actions={agentActions} />
              ))}
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
