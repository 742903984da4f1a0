import CheckCircleIcon from "@mui/icons-material/CheckCircle";
import ErrorIcon from "@mui/icons-material/Error";
import Box from "@mui/material/Box";
import Grid from "@mui/material/Grid";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import type { ReactNode } from "react";
import { useBuildInfo } from "../api/queries/auth";
import { useHealthz } from "../api/queries/deployment";
import { useUsers } from "../api/queries/users";
import { ErrorAlert } from "../components/ErrorAlert";
import { PageHeader } from "../components/PageHeader";
import { monoFont } from "../theme";

export default function DeploymentPage() {
  const buildInfo = useBuildInfo();
  const health = useHealthz();
  const users = useUsers({ limit: 1 });
  const accessUrl = buildInfo.data?.dashboard_url || window.location.origin;
  return (
    <>
      <PageHeader title="Deployment" subtitle="This deployment's version, address and health." />
      {buildInfo.isError && <ErrorAlert error={buildInfo.error} onRetry={() => void buildInfo.refetch()} />}
      <Grid container spacing={2}>
        <Stat label="Version" loading={buildInfo.isPending}>
          {buildInfo.data &&
            (buildInfo.data.external_url ? (
              <Link href={buildInfo.data.external_url} target="_blank" rel="noreferrer" sx={{ fontFamily: monoFont }}>
                {buildInfo.data.version}
              </Link>
            ) : (
              <Box component="span" sx={{ fontFamily: monoFont }}>
                {buildInfo.data.version}
              </Box>
            ))}
        </Stat>
        <Stat label="Access URL" loading={buildInfo.isPending}>
          <Box component="span" sx={{ fontFamily: monoFont, wordBreak: "break-all" }}>
            {accessUrl}
          </Box>
        </Stat>
        <Stat label="Health" loading={health.isPending}>
          {health.data && (
            <Box sx={{ display: "flex", alignItems: "center", gap: 1 }} data-testid="health-status">
              {health.data.ok ? <CheckCircleIcon color="success" fontSize="small" /> : <ErrorIcon color="error" fontSize="small" />}
              {health.data.ok ? "Healthy" : "Unhealthy"}
              <Typography component="span" variant="body2" color="text.secondary">
                /healthz {health.data.status || "unreachable"} · {health.data.latencyMs} ms
              </Typography>
            </Box>
          )}
        </Stat>
        <Stat label="Users" loading={users.isPending}>
          {users.data ? users.data.count : users.isError ? "—" : null}
        </Stat>
        {buildInfo.data?.deployment_id && (
          <Stat label="Deployment ID">
            <Box component="span" sx={{ fontFamily: monoFont, fontSize: 13 }}>
              {buildInfo.data.deployment_id}
            </Box>
          </Stat>
        )}
        {buildInfo.data?.agent_api_version && (
          <Stat label="Agent API version">
            <Box component="span" sx={{ fontFamily: monoFont }}>
              {buildInfo.data.agent_api_version}
            </Box>
          </Stat>
        )}
      </Grid>
      {health.data && !health.data.ok && (
        <Box sx={{ mt: 2 }}>
          <ErrorAlert error={new Error(`The health check answered ${health.data.status || "nothing"}.`)} />
        </Box>
      )}
      {buildInfo.data?.upgrade_message && (
        <Typography color="text.secondary" sx={{ mt: 3 }}>
          {buildInfo.data.upgrade_message}
        </Typography>
      )}
    </>
  );
}

function Stat({ label, loading, children }: { label: string; loading?: boolean; children: ReactNode }) {
  return (
    <Grid size={{ xs: 12, sm: 6, md: 4 }}>
      <Paper variant="outlined" sx={{ p: 2.5, height: "100%" }} component="section" aria-label={label}>
        <Typography variant="overline" color="text.secondary">
          {label}
        </Typography>
        <Box sx={{ fontSize: 16, fontWeight: 500, mt: 0.5 }}>{loading ? <Skeleton width="60%" /> : children}</Box>
      </Paper>
    </Grid>
  );
}
