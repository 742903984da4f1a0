import Alert from "@mui/material/Alert";
import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import Paper from "@mui/material/Paper";
import Stack from "@mui/material/Stack";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useEffect, useState, type FormEvent } from "react";
import { Navigate, useNavigate } from "react-router";
import { fieldError } from "../../api/client";
import { useDeleteTemplate, useUpdateTemplateMeta } from "../../api/queries/templates";
import type { Template, UpdateTemplateMeta } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { validateDescription, validateDisplayName, validateResourceName } from "../../utils/validation";
import { DetailSection } from "./Section";
import { templatePath, useTemplateContext } from "./TemplateLayout";

const HOUR_MS = 3_600_000;

interface Form {
  name: string;
  display_name: string;
  description: string;
  icon: string;
  deprecation_message: string;
  allow_user_cancel_workspace_jobs: boolean;
  require_active_version: boolean;
  default_ttl_hours: string;
  activity_bump_hours: string;
  allow_user_autostart: boolean;
  allow_user_autostop: boolean;
}

const hours = (ms: number) => String(Math.round((ms / HOUR_MS) * 100) / 100);

function fromTemplate(t: Template): Form {
  return {
    name: t.name,
    display_name: t.display_name,
    description: t.description,
    icon: t.icon,
    deprecation_message: t.deprecation_message ?? "",
    allow_user_cancel_workspace_jobs: t.allow_user_cancel_workspace_jobs,
    require_active_version: t.require_active_version,
    default_ttl_hours: hours(t.default_ttl_ms),
    activity_bump_hours: hours(t.activity_bump_ms),
    allow_user_autostart: t.allow_user_autostart,
    allow_user_autostop: t.allow_user_autostop,
  };
}

function validateHours(value: string, label: string): string | undefined {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n)) return `${label} must be a number of hours.`;
  if (n < 0) return `${label} must not be negative.`;
  if (n > 720) return `${label} must be at most 720 hours (30 days).`;
  return undefined;
}

export function validateSettings(form: Form) {
  return {
    name: validateResourceName(form.name),
    display_name: validateDisplayName(form.display_name),
    description: validateDescription(form.description),
    default_ttl_ms: validateHours(form.default_ttl_hours, "Default autostop"),
    activity_bump_ms: validateHours(form.activity_bump_hours, "Activity bump"),
  };
}

export default function TemplateSettingsPage() {
  const { template, canUpdate } = useTemplateContext();
  const navigate = useNavigate();
  const [form, setForm] = useState<Form>(() => fromTemplate(template));
  const [saved, setSaved] = useState<"saved" | "unchanged" | null>(null);
  const [deleting, setDeleting] = useState(false);
  const update = useUpdateTemplateMeta(template);
  const remove = useDeleteTemplate();
  useEffect(() => setForm(fromTemplate(template)), [template]);

  if (!canUpdate) return <Navigate to={templatePath(template.name)} replace />;

  const errors = validateSettings(form);
  const invalid = Object.values(errors).some(Boolean);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    if (invalid) return;
    const req: UpdateTemplateMeta = {
      name: form.name,
      display_name: form.display_name,
      description: form.description,
      icon: form.icon,
      deprecation_message: form.deprecation_message,
      allow_user_cancel_workspace_jobs: form.allow_user_cancel_workspace_jobs,
      require_active_version: form.require_active_version,
      default_ttl_ms: Math.round(Number(form.default_ttl_hours) * HOUR_MS),
      activity_bump_ms: Math.round(Number(form.activity_bump_hours) * HOUR_MS),
      allow_user_autostart: form.allow_user_autostart,
      allow_user_autostop: form.allow_user_autostop,
    };
    const before = template;
    update.mutate(req, {
      onSuccess: (updated) => {
        setSaved(updated === before ? "unchanged" : "saved");
        if (updated.name !== before.name) navigate(`${templatePath(updated.name)}/settings`, { replace: true });
      },
    });
  };
  const text = (key: keyof Form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const flag = (key: keyof Form) => (e: { target: { checked: boolean } }) => setForm((f) => ({ ...f, [key]: e.target.checked }));
  const error = (key: keyof ReturnType<typeof validateSettings>) => errors[key] ?? fieldError(update.error, key);
  return (
    <>
      <form onSubmit={submit} noValidate aria-label="Template settings">
        <DetailSection title="General">
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Stack spacing={2}>
              <TextField label="Name" value={form.name} onChange={text("name")} error={!!error("name")} helperText={error("name")} />
              <TextField label="Display name" value={form.display_name} onChange={text("display_name")} error={!!error("display_name")} helperText={error("display_name")} />
              <TextField label="Description" value={form.description} onChange={text("description")} multiline minRows={2} error={!!error("description")} helperText={error("description")} />
              <TextField label="Icon" value={form.icon} onChange={text("icon")} helperText={fieldError(update.error, "icon") ?? "A URL or a path such as /icon/docker.svg."} />
              <TextField
                label="Deprecation message"
                value={form.deprecation_message}
                onChange={text("deprecation_message")}
                helperText={fieldError(update.error, "deprecation_message") ?? "Non-empty marks the template deprecated: no new workspaces."}
              />
              <FormGroup>
                <FormControlLabel
                  control={<Checkbox checked={form.allow_user_cancel_workspace_jobs} onChange={flag("allow_user_cancel_workspace_jobs")} />}
                  label="Allow users to cancel in-progress workspace jobs"
                />
                <FormControlLabel
                  control={<Checkbox checked={form.require_active_version} onChange={flag("require_active_version")} />}
                  label="Require workspaces to build the active version"
                />
              </FormGroup>
            </Stack>
          </Paper>
        </DetailSection>
        <DetailSection title="Schedule">
          <Paper variant="outlined" sx={{ p: 3 }}>
            <Stack spacing={2}>
              <TextField
                label="Default autostop (hours)"
                type="number"
                value={form.default_ttl_hours}
                onChange={text("default_ttl_hours")}
                error={!!error("default_ttl_ms")}
                helperText={error("default_ttl_ms") ?? "How long a workspace runs after it starts before it stops by itself. 0 turns autostop off."}
                slotProps={{ htmlInput: { min: 0, step: "any" } }}
              />
              <TextField
                label="Activity bump (hours)"
                type="number"
                value={form.activity_bump_hours}
                onChange={text("activity_bump_hours")}
                error={!!error("activity_bump_ms")}
                helperText={error("activity_bump_ms") ?? "Activity in a workspace pushes its autostop this far out. 0 turns the bump off."}
                slotProps={{ htmlInput: { min: 0, step: "any" } }}
              />
              <FormGroup>
                <FormControlLabel control={<Checkbox checked={form.allow_user_autostart} onChange={flag("allow_user_autostart")} />} label="Allow users to set an autostart schedule" />
                <FormControlLabel control={<Checkbox checked={form.allow_user_autostop} onChange={flag("allow_user_autostop")} />} label="Allow users to change the autostop time" />
              </FormGroup>
            </Stack>
          </Paper>
        </DetailSection>
        <ErrorAlert error={update.error} handledFields={["name", "display_name", "description", "icon", "deprecation_message", "default_ttl_ms", "activity_bump_ms"]} />
        {saved === "saved" && <Alert severity="success" sx={{ mb: 2 }}>Settings saved.</Alert>}
        {saved === "unchanged" && <Alert severity="info" sx={{ mb: 2 }}>Nothing changed.</Alert>}
        <Stack direction="row" spacing={1} sx={{ justifyContent: "flex-end", mb: 4 }}>
          <Button onClick={() => setForm(fromTemplate(template))} disabled={update.isPending}>
            Reset
          </Button>
          <Button type="submit" variant="contained" disabled={update.isPending || invalid}>
            {update.isPending ? "Saving…" : "Save"}
          </Button>
        </Stack>
      </form>
      <DetailSection title="Danger zone">
        <Paper variant="outlined" sx={{ p: 3, borderColor: "error.dark", display: "flex", alignItems: "center", gap: 2 }}>
          <Typography sx={{ flex: 1 }}>Deleting a template is permanent. It needs every workspace built from it to be deleted first.</Typography>
          <Button color="error" variant="outlined" onClick={() => setDeleting(true)}>
            Delete template
          </Button>
        </Paper>
      </DetailSection>
      <ConfirmDialog
        open={deleting}
        title="Delete template"
        description={`This deletes ${template.name} and its versions.`}
        confirmText="Delete"
        destructive
        typeToConfirm={template.name}
        loading={remove.isPending}
        error={remove.error}
        onClose={() => {
          setDeleting(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate(template, { onSuccess: () => navigate("/templates", { replace: true }) })}
      />
    </>
  );
}
