import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Typography from "@mui/material/Typography";
import { Link as RouterLink } from "react-router";
import {
  useTemplateVersion,
  useTemplateVersionParameters,
  useTemplateVersionResources,
} from "../../api/queries/templates";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Markdown } from "../../components/Markdown";
import { ParametersTable } from "../../components/ParametersTable";
import { ResourcesView } from "../../components/ResourcesView";
import { formatDuration, fromNow } from "../../utils/time";
import { DetailSection, Facts } from "./Section";
import { templatePath, useTemplateContext } from "./TemplateLayout";

export default function TemplateSummaryPage() {
  const { template } = useTemplateContext();
  const version = useTemplateVersion(template.active_version_id);
  const resources = useTemplateVersionResources(version.data);
  const parameters = useTemplateVersionParameters(version.data);
  const startTime = template.build_time_stats?.start?.p50;
  return (
    <>
      <Facts
        items={[
          {
            label: "Active version",
            value: version.data ? (
              <Link component={RouterLink} to={`${templatePath(template.name)}/versions/${encodeURIComponent(version.data.name)}`}>
                {version.data.name}
              </Link>
            ) : (
              "…"
            ),
          },
          { label: "Used by", value: template.active_user_count < 0 ? "—" : `${template.active_user_count} developers` },
          { label: "Build time (median)", value: startTime ? formatDuration(startTime) : "Unknown" },
          { label: "Default autostop", value: formatDuration(template.default_ttl_ms) },
          { label: "Created by", value: template.created_by_name || "—" },
          { label: "Last updated", value: fromNow(template.updated_at) },
        ]}
      />
      {version.isError && <ErrorAlert error={version.error} onRetry={() => void version.refetch()} />}
      <DetailSection title="README">
        <Paper variant="outlined" sx={{ p: 3 }}>
          {version.isPending ? (
            <Skeleton height={80} />
          ) : version.data?.readme?.trim() ? (
            <Markdown>{version.data.readme}</Markdown>
          ) : (
            <Typography color="text.secondary">This template has no README.</Typography>
          )}
        </Paper>
      </DetailSection>
      <DetailSection title="Resources">
        {resources.isError && <ErrorAlert error={resources.error} onRetry={() => void resources.refetch()} />}
        {resources.isPending ? <Skeleton height={80} /> : <ResourcesView resources={(resources.data ?? []).filter((r) => r.workspace_transition === "start")} />}
      </DetailSection>
      <DetailSection title="Parameters">
        {parameters.isError && <ErrorAlert error={parameters.error} onRetry={() => void parameters.refetch()} />}
        {parameters.isPending ? <Skeleton height={80} /> : <ParametersTable parameters={parameters.data ?? []} />}
      </DetailSection>
    </>
  );
}
