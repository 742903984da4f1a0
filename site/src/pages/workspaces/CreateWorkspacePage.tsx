import Alert from "@mui/material/Alert";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Link from "@mui/material/Link";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useParams, useSearchParams } from "react-router";
import { fieldError, isApiError } from "../../api/client";
import { useMe } from "../../api/queries/auth";
import {
  useTemplate,
  useTemplateVersion,
  useTemplateVersionParameters,
  useTemplateVersionPresets,
} from "../../api/queries/templates";
import { useCreateWorkspace } from "../../api/queries/workspaces";
import type { TemplateVersionParameter } from "../../api/types";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Loader } from "../../components/Loader";
import { PageHeader } from "../../components/PageHeader";
import { ParameterField } from "../../components/ParameterField";
import { initialValues, presetValues, validateAll } from "../../utils/parameters";
import { validateResourceName } from "../../utils/validation";
import { templatePath } from "../templates/TemplateLayout";
import { workspacePath } from "./paths";

/** A server validation for a parameter may name it directly or by its index in rich_parameter_values. */
function serverParameterError(error: unknown, parameters: TemplateVersionParameter[], name: string): string | undefined {
  const index = parameters.findIndex((p) => p.name === name);
  return fieldError(error, name) ?? fieldError(error, `rich_parameter_values[${index}]`) ?? fieldError(error, `rich_parameter_values.${name}`);
}

export default function CreateWorkspacePage() {
  const { template: templateName = "" } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const template = useTemplate(templateName);
  const version = useTemplateVersion(template.data?.active_version_id);
  const parameters = useTemplateVersionParameters(version.data);
  const presets = useTemplateVersionPresets(version.data);
  const create = useCreateWorkspace();

  const [name, setName] = useState(search.get("name") ?? "");
  const [values, setValues] = useState<Record<string, string>>({});
  const [presetId, setPresetId] = useState("");
  const [submitted, setSubmitted] = useState(false);

  const params = useMemo(() => parameters.data ?? [], [parameters.data]);
  // Defaults first, then `?param.<name>=` values from a shared link, then the default preset.
  useEffect(() => {
    if (!parameters.data) return;
    const fromLink: Record<string, string> = {};
    for (const [key, value] of search.entries()) if (key.startsWith("param.")) fromLink[key.slice(6)] = value;
    setValues({ ...initialValues(parameters.data), ...fromLink });
  }, [parameters.data, search]);
  useEffect(() => {
    const preferred = presets.data?.find((p) => p.Default);
    if (preferred && !presetId) choosePreset(preferred.ID);
    // Select the default preset once, when the presets arrive.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [presets.data]);

  const preset = presets.data?.find((p) => p.ID === presetId);
  const presetSet = presetValues(preset);
  function choosePreset(id: string) {
    setPresetId(id);
    const chosen = presets.data?.find((p) => p.ID === id);
    setValues((current) => ({ ...initialValues(params), ...current, ...presetValues(chosen) }));
  }

  const errors = validateAll(params, values);
  const nameError = validateResourceName(name, "Workspace name");
  const shownName = (submitted ? nameError : undefined) ?? fieldError(create.error, "name");

  if (template.isPending) return <Loader label="Loading template" />;
  if (template.isError) {
    if (isApiError(template.error) && template.error.status === 404) {
      return <EmptyState title="Template not found" description={`There is no template named "${templateName}".`} action={<Button component={RouterLink} to="/templates" variant="outlined">All templates</Button>} />;
    }
    return <ErrorAlert error={template.error} onRetry={() => void template.refetch()} />;
  }
  const t = template.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (nameError || Object.keys(errors).length > 0 || !me.data) return;
    create.mutate(
      {
        owner: "me",
        req: {
          name,
          template_id: t.id,
          template_version_preset_id: presetId || undefined,
          // Empty values stand for the template's default, as in Coder's form.
          rich_parameter_values: params.map((p) => ({ name: p.name, value: values[p.name] ?? "" })),
        },
      },
      { onSuccess: (workspace) => navigate(workspacePath(workspace.owner_name, workspace.name)) },
    );
  };

  const loadingParameters = version.isPending || parameters.isPending;
  const handled = ["name", ...params.map((p) => p.name), ...params.map((_, i) => `rich_parameter_values[${i}]`)];
  return (
    <>
      <PageHeader
        title="New workspace"
        subtitle={
          <>
            from{" "}
            <Link component={RouterLink} to={templatePath(t.name)}>
              {t.display_name || t.name}
            </Link>
            {version.data ? ` (version ${version.data.name})` : ""}
          </>
        }
      />
      {t.deprecated && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          This template is deprecated{t.deprecation_message ? `: ${t.deprecation_message}` : "."}
        </Alert>
      )}
      <Box component="form" noValidate onSubmit={submit} aria-label="Create workspace" sx={{ maxWidth: 720 }}>
        <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
          <Typography variant="h2" sx={{ mb: 2 }}>
            General
          </Typography>
          <Stack spacing={2}>
            <TextField
              label="Workspace name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              error={!!shownName}
              helperText={shownName ?? "Letters, digits and hyphens; unique among your workspaces."}
              autoFocus
            />
            <TextField label="Owner" value={me.data?.username ?? ""} disabled helperText="Workspaces are created for you." />
          </Stack>
        </Paper>
        {(presets.data?.length ?? 0) > 0 && (
          <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
            <Typography variant="h2" sx={{ mb: 2 }}>
              Preset
            </Typography>
            <TextField select label="Preset" value={presetId} onChange={(e) => (e.target.value ? choosePreset(e.target.value) : setPresetId(""))} helperText="A preset fills in a set of parameter values.">
              <MenuItem value="">None</MenuItem>
              {presets.data!.map((p) => (
                <MenuItem key={p.ID} value={p.ID}>
                  {p.Name}
                  {p.Default ? " (default)" : ""}
                </MenuItem>
              ))}
            </TextField>
          </Paper>
        )}
        <Paper variant="outlined" sx={{ p: 3, mb: 3 }}>
          <Typography variant="h2" sx={{ mb: 2 }}>
            Parameters
          </Typography>
          {version.isError && <ErrorAlert error={version.error} />}
          {parameters.isError && <ErrorAlert error={parameters.error} onRetry={() => void parameters.refetch()} />}
          {loadingParameters && !version.isError && <Skeleton height={120} />}
          {parameters.isSuccess && params.length === 0 && <Typography color="text.secondary">This template has no parameters.</Typography>}
          <Stack spacing={3}>
            {params.map((p) => (
              <ParameterField
                key={p.name}
                parameter={p}
                value={values[p.name] ?? ""}
                onChange={(value) => setValues((v) => ({ ...v, [p.name]: value }))}
                error={(submitted || (values[p.name] ?? "") !== (p.default_value ?? "") ? errors[p.name] : undefined) ?? serverParameterError(create.error, params, p.name)}
                disabled={p.name in presetSet || create.isPending}
                disabledReason={p.name in presetSet ? `Set by the preset "${preset?.Name}".` : undefined}
              />
            ))}
          </Stack>
        </Paper>
        <ErrorAlert error={create.error} handledFields={handled} />
        {submitted && Object.keys(errors).length > 0 && (
          <Alert severity="error" sx={{ mb: 2 }}>
            Fix the highlighted parameters first.
          </Alert>
        )}
        <Stack direction="row" spacing={1} sx={{ justifyContent: "flex-end", mt: 2 }}>
          <Button component={RouterLink} to={templatePath(t.name)}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={create.isPending || loadingParameters || t.deprecated}>
            {create.isPending ? "Creating…" : "Create workspace"}
          </Button>
        </Stack>
      </Box>
    </>
  );
}
