import AddIcon from "@mui/icons-material/Add";
import Alert from "@mui/material/Alert";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import Typography from "@mui/material/Typography";
import { Suspense } from "react";
import { Link as RouterLink, Outlet, useLocation, useOutletContext, useParams } from "react-router";
import { isApiError } from "../../api/client";
import { useMe, usePermissions } from "../../api/queries/auth";
import { useTemplate } from "../../api/queries/templates";
import type { Template } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";

export interface TemplateContext {
  template: Template;
  canUpdate: boolean;
}

/** The template a nested page shows, loaded once by {@link TemplateLayout}. */
export const useTemplateContext = () => useOutletContext<TemplateContext>();

export const templatePath = (name: string) => `/templates/${encodeURIComponent(name)}`;

/** Header (icon, name, actions) and tabs shared by a template's pages. */
export default function TemplateLayout() {
  const { template: name = "" } = useParams();
  const location = useLocation();
  const template = useTemplate(name);
  const me = useMe();
  const permissions = usePermissions(me.data);
  const canUpdate = !!permissions.data?.updateTemplates;

  if (template.isPending) return <Loader label="Loading template" />;
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) {
      return (
        <EmptyState
          title="Template not found"
          description={`There is no template named "${name}", or you may not see it.`}
          action={
            <Button component={RouterLink} to="/templates" variant="outlined">
              All templates
            </Button>
          }
        />
      );
    }
    return <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  }
  const t = template.data;
  const base = templatePath(t.name);
  const tabs = [
    { to: base, label: "Summary" },
    { to: `${base}/versions`, label: "Versions" },
    ...(canUpdate ? [{ to: `${base}/settings`, label: "Settings" }] : []),
  ];
  const current =
    tabs
      .slice()
      .reverse()
      .find((tab) => location.pathname === tab.to || location.pathname.startsWith(`${tab.to}/`))?.to ?? false;
  return (
    <>
      <Box sx={{ display: "flex", alignItems: "center", gap: 2, mb: 2, flexWrap: "wrap" }}>
        <Avatar src={t.icon || undefined} alt="" variant="rounded" sx={{ width: 48, height: 48 }}>
          {t.name.slice(0, 1).toUpperCase()}
        </Avatar>
        <Box sx={{ flex: 1, minWidth: 200 }}>
          <Typography variant="h1">{t.display_name || t.name}</Typography>
          <Typography color="text.secondary">{t.description || t.name}</Typography>
        </Box>
        <Box sx={{ display: "flex", gap: 1 }}>
          <Button component={RouterLink} to={`${base}/workspace`} variant="contained" startIcon={<AddIcon />} disabled={t.deprecated}>
            Create workspace
          </Button>
        </Box>
      </Box>
      {t.deprecated && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This template is deprecated{t.deprecation_message ? `: ${t.deprecation_message}` : "."} No new workspaces can be created from it.
        </Alert>
      )}
      <Tabs value={current} sx={{ mb: 3, borderBottom: 1, borderColor: "divider" }} aria-label="Template pages">
        {tabs.map((tab) => (
          <Tab key={tab.to} value={tab.to} label={tab.label} component={RouterLink} to={tab.to} />
        ))}
      </Tabs>
      <Suspense fallback={<Loader />}>
        <Outlet context={{ template: t, canUpdate } satisfies TemplateContext} />
      </Suspense>
    </>
  );
}
