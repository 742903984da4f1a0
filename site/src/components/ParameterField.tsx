import Avatar from "@mui/material/Avatar";
import Box from "@mui/material/Box";
import Checkbox from "@mui/material/Checkbox";
import Chip from "@mui/material/Chip";
import FormControl from "@mui/material/FormControl";
import FormControlLabel from "@mui/material/FormControlLabel";
import FormGroup from "@mui/material/FormGroup";
import FormHelperText from "@mui/material/FormHelperText";
import FormLabel from "@mui/material/FormLabel";
import MenuItem from "@mui/material/MenuItem";
import Radio from "@mui/material/Radio";
import RadioGroup from "@mui/material/RadioGroup";
import Slider from "@mui/material/Slider";
import Stack from "@mui/material/Stack";
import Switch from "@mui/material/Switch";
import TextField from "@mui/material/TextField";
import Tooltip from "@mui/material/Tooltip";
import Typography from "@mui/material/Typography";
import { useId, useState, type ReactNode } from "react";
import type { TemplateVersionParameter } from "../api/types";
import { parseStringList } from "../utils/parameters";

interface Props {
  parameter: TemplateVersionParameter;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  disabled?: boolean;
  /** Why the field is read-only (an immutable parameter of an existing workspace, a preset). */
  disabledReason?: string;
}

type Control = "input" | "textarea" | "dropdown" | "radio" | "checkbox" | "switch" | "slider" | "multi-select" | "tag-select";

/** The control for a parameter: its `form_type` when the server sends one, else Coder's classic choice. */
export function controlFor(p: TemplateVersionParameter): Control {
  const hasOptions = p.options.length > 0;
  switch (p.form_type) {
    case "textarea":
    case "radio":
    case "checkbox":
    case "switch":
    case "multi-select":
    case "tag-select":
      return p.form_type;
    case "dropdown":
      return hasOptions ? "dropdown" : "input";
    case "slider":
      return p.type === "number" && p.validation_min != null && p.validation_max != null ? "slider" : "input";
    case "input":
      return "input";
    default:
      break;
  }
  if (p.type === "bool") return hasOptions ? "radio" : "checkbox";
  if (p.type === "list(string)") return hasOptions ? "multi-select" : "tag-select";
  if (hasOptions) return p.options.length <= 4 && p.options.some((o) => o.description) ? "radio" : "dropdown";
  return "input";
}

function Label({ p }: { p: TemplateVersionParameter }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center", flexWrap: "wrap" }} component="span">
      {p.icon && <Avatar component="span" src={p.icon} alt="" variant="square" sx={{ width: 18, height: 18 }} />}
      <span>{p.display_name || p.name}</span>
      {p.required && (
        <Box component="span" sx={{ color: "error.light" }} aria-hidden>
          *
        </Box>
      )}
      {!p.mutable && (
        <Tooltip title="This value cannot be changed after the workspace is created.">
          <Chip size="small" color="warning" variant="outlined" label="Immutable" sx={{ height: 20 }} />
        </Tooltip>
      )}
      {p.ephemeral && (
        <Tooltip title="Used for one build only; not kept for the next.">
          <Chip size="small" variant="outlined" label="Ephemeral" sx={{ height: 20 }} />
        </Tooltip>
      )}
    </Stack>
  );
}

function OptionLabel({ name, description, icon }: { name: string; description?: string; icon?: string }) {
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: "center" }}>
      {icon && <Avatar src={icon} alt="" variant="square" sx={{ width: 18, height: 18 }} />}
      <Box>
        <Typography component="span">{name}</Typography>
        {description && (
          <Typography variant="body2" color="text.secondary">
            {description}
          </Typography>
        )}
      </Box>
    </Stack>
  );
}

function TagInput({ values, onChange, disabled, labelId }: { values: string[]; onChange: (v: string[]) => void; disabled?: boolean; labelId: string }) {
  const [draft, setDraft] = useState("");
  const add = () => {
    const v = draft.trim();
    if (v && !values.includes(v)) onChange([...values, v]);
    setDraft("");
  };
  return (
    <Box>
      <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap", rowGap: 0.5, mb: values.length ? 1 : 0 }}>
        {values.map((v) => (
          <Chip key={v} label={v} size="small" onDelete={disabled ? undefined : () => onChange(values.filter((x) => x !== v))} />
        ))}
      </Stack>
      <TextField
        size="small"
        placeholder="Type a value and press Enter"
        value={draft}
        disabled={disabled}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={add}
        onKeyDown={(e) => {
          if (e.key === "Enter" || e.key === ",") {
            e.preventDefault();
            add();
          }
        }}
        slotProps={{ htmlInput: { "aria-labelledby": labelId } }}
      />
    </Box>
  );
}

/** One `coder_parameter` as a form control, with its description, options and validation message. */
export function ParameterField({ parameter: p, value, onChange, error, disabled, disabledReason }: Props) {
  const labelId = useId();
  const control = controlFor(p);
  const help: ReactNode = error ?? disabledReason ?? (p.description_plaintext || p.description || undefined);
  const testId = `parameter-${p.name}`;

  if (control === "input" || control === "textarea" || control === "dropdown") {
    const numeric = p.type === "number" && control === "input";
    return (
      <TextField
        data-testid={testId}
        select={control === "dropdown"}
        label={<Label p={p} />}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        error={!!error}
        helperText={help}
        disabled={disabled}
        multiline={control === "textarea"}
        minRows={control === "textarea" ? 3 : undefined}
        placeholder={p.default_value || undefined}
        slotProps={{
          htmlInput: {
            inputMode: numeric ? "numeric" : undefined,
            "aria-label": p.display_name || p.name,
            "aria-invalid": !!error,
          },
          inputLabel: { shrink: true },
        }}
      >
        {control === "dropdown" &&
          p.options.map((o) => (
            <MenuItem key={o.value} value={o.value}>
              <OptionLabel name={o.name} description={o.description} icon={o.icon} />
            </MenuItem>
          ))}
      </TextField>
    );
  }

  const list = p.type === "list(string)" ? (parseStringList(value || "[]") ?? []) : [];
  return (
    <FormControl error={!!error} disabled={disabled} component="fieldset" data-testid={testId} aria-labelledby={labelId}>
      <FormLabel id={labelId} component="legend" sx={{ mb: 0.5 }}>
        <Label p={p} />
      </FormLabel>
      {control === "radio" && (
        <RadioGroup aria-labelledby={labelId} value={value} onChange={(e) => onChange(e.target.value)}>
          {(p.options.length ? p.options : [
            { name: "True", value: "true", description: "", icon: "" },
            { name: "False", value: "false", description: "", icon: "" },
          ]).map((o) => (
            <FormControlLabel key={o.value} value={o.value} control={<Radio size="small" />} label={<OptionLabel name={o.name} description={o.description} icon={o.icon} />} />
          ))}
        </RadioGroup>
      )}
      {(control === "checkbox" || control === "switch") && p.type === "bool" && (
        <FormControlLabel
          control={
            control === "switch" ? (
              <Switch checked={value === "true"} onChange={(e) => onChange(String(e.target.checked))} />
            ) : (
              <Checkbox checked={value === "true"} onChange={(e) => onChange(String(e.target.checked))} />
            )
          }
          label={value === "true" ? "Yes" : "No"}
        />
      )}
      {(control === "multi-select" || ((control === "checkbox" || control === "switch") && p.type !== "bool")) && (
        <FormGroup>
          {p.options.map((o) => (
            <FormControlLabel
              key={o.value}
              control={
                <Checkbox
                  size="small"
                  checked={list.includes(o.value)}
                  onChange={(e) =>
                    onChange(JSON.stringify(e.target.checked ? [...list, o.value] : list.filter((v) => v !== o.value)))
                  }
                />
              }
              label={<OptionLabel name={o.name} description={o.description} icon={o.icon} />}
            />
          ))}
        </FormGroup>
      )}
      {control === "tag-select" && <TagInput values={list} onChange={(v) => onChange(JSON.stringify(v))} disabled={disabled} labelId={labelId} />}
      {control === "slider" && (
        <Box sx={{ px: 1 }}>
          <Slider
            aria-labelledby={labelId}
            value={Number(value) || Number(p.validation_min) || 0}
            min={p.validation_min ?? 0}
            max={p.validation_max ?? 100}
            step={1}
            valueLabelDisplay="on"
            onChange={(_, v) => onChange(String(v))}
            sx={{ mt: 3 }}
          />
        </Box>
      )}
      {help && <FormHelperText>{help}</FormHelperText>}
    </FormControl>
  );
}
