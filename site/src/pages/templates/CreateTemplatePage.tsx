import UploadIcon from "@mui/icons-material/UploadFileOutlined";
import Alert from "@mui/material/Alert";
import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import Card from "@mui/material/Card";
import CardActionArea from "@mui/material/CardActionArea";
import MenuItem from "@mui/material/MenuItem";
import Paper from "@mui/material/Paper";
import Skeleton from "@mui/material/Skeleton";
import Stack from "@mui/material/Stack";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link as RouterLink, useNavigate, useSearchParams } from "react-router";
import { templateVersionLogsPath } from "../../api/paths";
import { fieldError } from "../../api/client";
import { queryKeys } from "../../api/queries/keys";
import { useJobLogs } from "../../api/queries/logs";
import {
  useCreateTemplate,
  useCreateTemplateVersion,
  useTemplateExamples,
  useTemplateVersion,
  useTemplateVersionVariables,
  type VersionSource,
} from "../../api/queries/templates";
import type { ProvisionerType, TemplateExample } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LogViewer } from "../../components/LogViewer";
import { PageHeader } from "../../components/PageHeader";
import { JobStatusBadge } from "../../components/StatusBadge";
import { suggestName, validateDescription, validateDisplayName, validateResourceName } from "../../utils/validation";
import { ImportStatus } from "./ImportStatus";
import { templatePath } from "./TemplateLayout";
import { isLive } from "./TemplateVersionPage";

type SourceKind = "starter" | "upload";

interface Fields {
  name: string;
  display_name: string;
  description: string;
  icon: string;
  provisioner: ProvisionerType;
}

const emptyFields: Fields = { name: "", display_name: "", description: "", icon: "", provisioner: "terraform" };

function validate(fields: Fields) {
  return {
    name: validateResourceName(fields.name),
    display_name: validateDisplayName(fields.display_name),
    description: validateDescription(fields.description),
  };
}

export default function CreateTemplatePage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const examples = useTemplateExamples();
  const exampleId = params.get("exampleId") ?? "";
  const [kind, setKind] = useState<SourceKind>(params.get("source") === "upload" ? "upload" : "starter");
  const [file, setFile] = useState<File | null>(null);
  const [fields, setFields] = useState<Fields>(emptyFields);
  const [touched, setTouched] = useState(false);
  const [variables, setVariables] = useState<Record<string, string>>({});
  const [versionId, setVersionId] = useState<string>();
  const fileInput = useRef<HTMLInputElement>(null);

  const createVersion = useCreateTemplateVersion();
  const createTemplate = useCreateTemplate();
  const version = useTemplateVersion(versionId);
  const status = version.data?.job.status;
  const logs = useJobLogs(versionId ? templateVersionLogsPath(versionId) : undefined, isLive(status ?? "pending") && !!versionId, () => {
    if (versionId) void client.invalidateQueries({ queryKey: queryKeys.templateVersion(versionId) });
  });
  const missingVariables = status === "failed" && version.data?.job.error_code === "REQUIRED_TEMPLATE_VARIABLES";
  const versionVariables = useTemplateVersionVariables(missingVariables ? version.data : undefined);

  const selectedExample = examples.data?.find((e) => e.id === exampleId);
  const noStarters = examples.isSuccess && examples.data.length === 0;
  // With no starters bundled, uploading is the only way; do not make the user discover that.
  useEffect(() => {
    if (noStarters && kind === "starter") setKind("upload");
  }, [noStarters, kind]);

  const chooseExample = (example: TemplateExample) => {
    setParams({ exampleId: example.id }, { replace: true });
    setFields((f) => ({
      ...f,
      name: f.name || suggestName(example.id),
      display_name: f.display_name || example.name,
      description: f.description || example.description.slice(0, 120),
      icon: f.icon || example.icon,
      provisioner: "terraform",
    }));
  };
  useEffect(() => {
    if (selectedExample && !fields.name) chooseExample(selectedExample);
    // Prefill once when the starter list arrives for a ?exampleId= link.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedExample]);

  const chooseFile = (chosen: File | null) => {
    setFile(chosen);
    if (chosen) setFields((f) => ({ ...f, name: f.name || suggestName(chosen.name) }));
  };

  // Once the import succeeded, the template is created from the version.
  const created = useRef(false);
  useEffect(() => {
    if (status !== "succeeded" || !version.data || created.current) return;
    created.current = true;
    createTemplate.mutate(
      {
        name: fields.name,
        display_name: fields.display_name || undefined,
        description: fields.description || undefined,
        icon: fields.icon || undefined,
        template_version_id: version.data.id,
      },
      {
        onSuccess: (template) => navigate(templatePath(template.name)),
        onError: () => {
          created.current = false;
        },
      },
    );
  }, [status, version.data, fields, createTemplate, navigate]);

  const errors = validate(fields);
  const sourceError =
    kind === "starter" && !selectedExample ? "Choose a starter template." : kind === "upload" && !file ? "Choose a .tar or .zip archive." : undefined;
  const importing = !!versionId && (isLive(status) || status === undefined);
  const busy = createVersion.isPending || importing || createTemplate.isPending || status === "succeeded";

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (errors.name || errors.display_name || errors.description || sourceError) return;
    // A retry after missing variables reuses the uploaded file.
    const source: VersionSource =
      missingVariables && version.data
        ? { fileId: version.data.job.file_id }
        : kind === "upload"
          ? { file: file! }
          : { exampleId: selectedExample!.id };
    created.current = false;
    createTemplate.reset();
    createVersion.mutate(
      {
        source,
        provisioner: kind === "starter" ? "terraform" : fields.provisioner,
        user_variable_values: Object.entries(variables).map(([name, value]) => ({ name, value })),
      },
      { onSuccess: (v) => setVersionId(v.id) },
    );
  };

  const set = (key: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [key]: e.target.value }));
  const shown = (key: keyof ReturnType<typeof validate>) => (touched ? errors[key] : undefined) ?? fieldError(createTemplate.error, key);

  return (
    <>
      <PageHeader title="Create a template" subtitle="Start from a starter template or upload a Terraform template as a .tar or .zip archive." />
      <Box component="form" noValidate onSubmit={submit} sx={{ display: "grid", gap: 3, gridTemplateColumns: { md: "1fr 1fr" } }}>
        <Box>
          <Tabs value={kind} onChange={(_, value: SourceKind) => setKind(value)} sx={{ mb: 2 }} aria-label="Template source">
            <Tab value="starter" label="Starter template" disabled={busy} />
            <Tab value="upload" label="Upload archive" disabled={busy} />
          </Tabs>
          {kind === "starter" && (
            <>
              {examples.isError && <ErrorAlert error={examples.error} onRetry={() => void examples.refetch()} />}
              {examples.isPending && <Skeleton height={120} />}
              {noStarters && (
                <Alert severity="info">This server bundles no starter templates. Upload an archive instead.</Alert>
              )}
              <Stack spacing={1.5} role="radiogroup" aria-label="Starter templates">
                {examples.data?.map((example) => (
                  <Card
                    key={example.id}
                    variant="outlined"
                    sx={{ borderColor: example.id === exampleId ? "primary.main" : "divider" }}
                  >
                    <CardActionArea
                      role="radio"
                      aria-checked={example.id === exampleId}
                      onClick={() => chooseExample(example)}
                      disabled={busy}
                      sx={{ p: 2, display: "flex", gap: 2, justifyContent: "flex-start", alignItems: "flex-start" }}
                    >
                      <Avatar src={example.icon || undefined} alt="" variant="rounded" sx={{ width: 36, height: 36 }}>
                        {example.name.slice(0, 1)}
                      </Avatar>
                      <Box>
                        <Typography sx={{ fontWeight: 600 }}>{example.name}</Typography>
                        <Typography variant="body2" color="text.secondary">
                          {example.description}
                        </Typography>
                      </Box>
                    </CardActionArea>
                  </Card>
                ))}
              </Stack>
            </>
          )}
          {kind === "upload" && (
            <Paper
              variant="outlined"
              sx={{ p: 3, textAlign: "center", borderStyle: "dashed" }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                if (!busy) chooseFile(e.dataTransfer.files[0] ?? null);
              }}
            >
              <UploadIcon sx={{ fontSize: 40, color: "text.secondary" }} />
              <Typography sx={{ my: 1 }}>{file ? `${file.name} (${formatBytes(file.size)})` : "Drop a .tar or .zip archive here"}</Typography>
              <input
                ref={fileInput}
                type="file"
                accept=".tar,.zip,application/x-tar,application/zip"
                aria-label="Template archive"
                hidden
                onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              />
              <Button variant="outlined" onClick={() => fileInput.current?.click()} disabled={busy}>
                {file ? "Choose another file" : "Choose file"}
              </Button>
            </Paper>
          )}
          {touched && sourceError && (
            <Typography color="error" variant="body2" sx={{ mt: 1 }}>
              {sourceError}
            </Typography>
          )}
        </Box>
        <Stack spacing={2}>
          <TextField label="Name" value={fields.name} onChange={set("name")} required error={!!shown("name")} helperText={shown("name") ?? "Used in URLs and the CLI."} disabled={busy} />
          <TextField label="Display name" value={fields.display_name} onChange={set("display_name")} error={!!shown("display_name")} helperText={shown("display_name")} disabled={busy} />
          <TextField label="Description" value={fields.description} onChange={set("description")} multiline minRows={2} error={!!shown("description")} helperText={shown("description")} disabled={busy} />
          <TextField label="Icon" value={fields.icon} onChange={set("icon")} helperText="A URL or a path such as /icon/docker.svg." disabled={busy} />
          {kind === "upload" && (
            <TextField select label="Provisioner" value={fields.provisioner} onChange={set("provisioner")} disabled={busy} helperText="Terraform for real templates; echo replays echo.json (for tests).">
              <MenuItem value="terraform">Terraform</MenuItem>
              <MenuItem value="echo">Echo (testing)</MenuItem>
            </TextField>
          )}
          {missingVariables && (
            <Paper variant="outlined" sx={{ p: 2 }}>
              <Typography sx={{ fontWeight: 600, mb: 1 }}>Template variables</Typography>
              <Stack spacing={2}>
                {(versionVariables.data ?? []).map((variable) => (
                  <TextField
                    key={variable.name}
                    label={variable.name}
                    required={variable.required}
                    type={variable.sensitive ? "password" : variable.type === "number" ? "number" : "text"}
                    helperText={variable.description}
                    value={variables[variable.name] ?? (variable.sensitive ? "" : variable.value || variable.default_value)}
                    onChange={(e) => setVariables((v) => ({ ...v, [variable.name]: e.target.value }))}
                  />
                ))}
              </Stack>
            </Paper>
          )}
          <ErrorAlert error={createVersion.error} />
          <ErrorAlert error={createTemplate.error} handledFields={["name", "display_name", "description"]} />
          <Stack direction="row" spacing={1} sx={{ justifyContent: "flex-end" }}>
            <Button component={RouterLink} to="/templates" disabled={createVersion.isPending}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={busy}>
              {createVersion.isPending ? "Uploading…" : importing ? "Importing…" : createTemplate.isPending || status === "succeeded" ? "Creating…" : "Create template"}
            </Button>
          </Stack>
        </Stack>
      </Box>
      {versionId && (
        <Box component="section" aria-label="Import" sx={{ mt: 4 }}>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: "center", mb: 1.5 }}>
            <Typography variant="h2">Import</Typography>
            {status && <JobStatusBadge status={status} />}
          </Stack>
          {version.data && <ImportStatus version={version.data} />}
          <LogViewer logs={logs.logs} streaming={logs.streaming} label="Import logs" />
        </Box>
      )}
    </>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
