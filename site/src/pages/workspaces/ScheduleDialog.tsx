import Button from "@mui/material/Button";
import Checkbox from "@mui/material/Checkbox";
import Dialog from "@mui/material/Dialog";
import DialogActions from "@mui/material/DialogActions";
import DialogContent from "@mui/material/DialogContent";
import DialogTitle from "@mui/material/DialogTitle";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import Stack from "@mui/material/Stack";
import Switch from "@mui/material/Switch";
import TextField from "@mui/material/TextField";
import Typography from "@mui/material/Typography";
import { useEffect, useId, useState, type FormEvent } from "react";
import { fieldError } from "../../api/client";
import { useUpdateWorkspaceAutostart, useUpdateWorkspaceTTL } from "../../api/queries/workspaces";
import type { Workspace } from "../../api/types";
import { ErrorAlert } from "../../components/ErrorAlert";
import { formatAutostart, parseAutostart, type AutostartForm } from "../../utils/schedule";

const HOUR_MS = 3_600_000;
const week = [
  [1, "Mon"],
  [2, "Tue"],
  [3, "Wed"],
  [4, "Thu"],
  [5, "Fri"],
  [6, "Sat"],
  [0, "Sun"],
] as const;

interface Props {
  workspace: Workspace;
  open: boolean;
  onClose: () => void;
}

/** Autostart (days, time, time zone) and autostop (hours after start) of one workspace. */
export function ScheduleDialog({ workspace, open, onClose }: Props) {
  const titleId = useId();
  const autostart = useUpdateWorkspaceAutostart(workspace);
  const ttl = useUpdateWorkspaceTTL(workspace);
  const [start, setStart] = useState<AutostartForm>(() => parseAutostart(workspace.autostart_schedule));
  const [stopEnabled, setStopEnabled] = useState(!!workspace.ttl_ms);
  const [stopHours, setStopHours] = useState(String(workspace.ttl_ms ? workspace.ttl_ms / HOUR_MS : 8));
  useEffect(() => {
    if (!open) return;
    setStart(parseAutostart(workspace.autostart_schedule));
    setStopEnabled(!!workspace.ttl_ms);
    setStopHours(String(workspace.ttl_ms ? workspace.ttl_ms / HOUR_MS : 8));
    autostart.reset();
    ttl.reset();
    // Reset the form each time the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const hours = Number(stopHours);
  const stopError =
    stopEnabled && (!Number.isFinite(hours) || hours * 60 < 1) ? "Autostop must be at least one minute after start." : undefined;
  const daysError = start.enabled && start.days.length === 0 ? "Choose at least one day." : undefined;
  const busy = autostart.isPending || ttl.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (stopError || daysError) return;
    try {
      await autostart.mutateAsync(formatAutostart(start));
      await ttl.mutateAsync(stopEnabled ? Math.round(hours * HOUR_MS) : null);
      onClose();
    } catch {
      // shown below through the mutations' errors
    }
  };
  const scheduleError = fieldError(autostart.error, "schedule");
  const ttlError = fieldError(ttl.error, "ttl_ms");
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <form onSubmit={submit} noValidate>
        <DialogTitle id={titleId}>Workspace schedule</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <FormControlLabel
              control={<Switch checked={start.enabled} onChange={(e) => setStart({ ...start, enabled: e.target.checked })} />}
              label="Start automatically"
            />
            {start.enabled && (
              <>
                <FormGroup row aria-label="Days">
                  {week.map(([day, label]) => (
                    <FormControlLabel
                      key={day}
                      label={label}
                      control={
                        <Checkbox
                          size="small"
                          checked={start.days.includes(day)}
                          onChange={(e) =>
                            setStart({ ...start, days: e.target.checked ? [...start.days, day] : start.days.filter((d) => d !== day) })
                          }
                        />
                      }
                    />
                  ))}
                </FormGroup>
                {daysError && (
                  <Typography color="error" variant="body2">
                    {daysError}
                  </Typography>
                )}
                <Stack direction="row" spacing={2}>
                  <TextField label="Start time" type="time" value={start.time} onChange={(e) => setStart({ ...start, time: e.target.value })} slotProps={{ inputLabel: { shrink: true } }} />
                  <TextField
                    label="Time zone"
                    value={start.timezone}
                    onChange={(e) => setStart({ ...start, timezone: e.target.value })}
                    error={!!scheduleError}
                    helperText={scheduleError ?? "An IANA zone, e.g. Europe/Berlin."}
                  />
                </Stack>
              </>
            )}
            <FormControlLabel control={<Switch checked={stopEnabled} onChange={(e) => setStopEnabled(e.target.checked)} />} label="Stop automatically" />
            {stopEnabled && (
              <TextField
                label="Stop after (hours)"
                type="number"
                value={stopHours}
                onChange={(e) => setStopHours(e.target.value)}
                error={!!(stopError ?? ttlError)}
                helperText={stopError ?? ttlError ?? "Counted from each start; activity pushes it out by the template's bump."}
                slotProps={{ htmlInput: { min: 0, step: "any" } }}
              />
            )}
            <ErrorAlert error={autostart.error} handledFields={["schedule"]} />
            <ErrorAlert error={ttl.error} handledFields={["ttl_ms"]} />
          </Stack>
        </DialogContent>
        <DialogActions sx={{ px: 3, pb: 2 }}>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" variant="contained" disabled={busy || !!stopError || !!daysError}>
            {busy ? "Saving…" : "Save"}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
