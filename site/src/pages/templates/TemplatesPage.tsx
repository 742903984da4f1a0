import AddIcon from "@mui/icons-material/Add";
import TemplatesIcon from "@mui/icons-material/Inventory2Outlined";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Chip from "@mui/material/Chip";
import Link from "@mui/material/Link";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Table from "@mui/material/Table";
import TableBody from "@mui/material/TableBody";
import TableCell from "@mui/material/TableCell";
import TableHead from "@mui/material/TableHead";
import TableRow from "@mui/material/TableRow";
import Typography from "@mui/material/Typography";
import { Link as RouterLink } from "react-router";
import { useMe, usePermissions } from "../../api/queries/auth";
import { useTemplates } from "../../api/queries/templates";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { fromNow } from "../../utils/time";

export default function TemplatesPage() {
  const templates = useTemplates();
  const me = useMe();
  const permissions = usePermissions(me.data);
  const canCreate = !!permissions.data?.createTemplates;
  const data = templates.data;
  return (
    <>
      <PageHeader
        title="Templates"
        subtitle="Templates describe the infrastructure a workspace runs on."
        actions={
          canCreate && (
            <Button component={RouterLink} to="/templates/new" variant="contained" startIcon={<AddIcon />}>
              Create template
            </Button>
          )
        }
      />
      {templates.isError && <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />}
      {templates.isPending && (
        <Paper variant="outlined" sx={{ p: 2 }} role="status" aria-label="Loading templates">
          <Skeleton height={32} />
          <Skeleton height={32} />
        </Paper>
      )}
      {data && data.templates.length === 0 && (
        <EmptyState
          icon={<TemplatesIcon />}
          title="No templates yet"
          description={
            !data.available ? (
              "This server does not offer templates yet; they arrive with the provisioner."
            ) : canCreate ? (
              <>
                Create one from a starter or an archive here, or push a directory with <code>coder templates push</code>.
              </>
            ) : (
              "Ask a template administrator to add one."
            )
          }
          action={
            data.available &&
            canCreate && (
              <Button component={RouterLink} to="/templates/new" variant="outlined">
                Create a template
              </Button>
            )
          }
        />
      )}
      {data && data.templates.length > 0 && (
        <Paper variant="outlined">
          <Table size="small" aria-label="Templates">
            <TableHead>
              <TableRow>
                <TableCell>Name</TableCell>
                <TableCell>Used by</TableCell>
                <TableCell>Last updated</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data.templates.map((t) => (
                <TableRow key={t.id} hover data-testid={`template-row-${t.name}`}>
                  <TableCell>
                    <Box sx={{ display: "flex", alignItems: "center", gap: 1.5 }}>
                      <Avatar src={t.icon || undefined} alt="" variant="rounded" sx={{ width: 32, height: 32 }}>
                        {t.name.slice(0, 1).toUpperCase()}
                      </Avatar>
                      <Box>
                        <Link component={RouterLink} to={`/templates/${encodeURIComponent(t.name)}`} underline="hover" color="inherit" sx={{ fontWeight: 600, fontSize: 14 }}>
                          {t.display_name || t.name}
                        </Link>
                        {t.deprecated && <Chip size="small" color="warning" label="Deprecated" sx={{ ml: 1 }} />}
                        <Typography variant="body2" color="text.secondary">
                          {t.description}
                        </Typography>
                      </Box>
                    </Box>
                  </TableCell>
                  <TableCell>
                    {t.active_user_count < 0 ? "—" : `${t.active_user_count} ${t.active_user_count === 1 ? "developer" : "developers"}`}
                  </TableCell>
                  <TableCell>{fromNow(t.updated_at)}</TableCell>
                  <TableCell align="right">
                    {!t.deprecated && (
                      <Button component={RouterLink} to={`/templates/${encodeURIComponent(t.name)}/workspace`} size="small" variant="outlined">
                        Create workspace
                      </Button>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </>
  );
}
