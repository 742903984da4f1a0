// Client-side checks of workspace parameter values, the same rules the server applies
// (terraform-provider-coder's validation as Coder runs it), so mistakes show before submit.
// The server stays the authority: its `validations[]` are shown next to the same fields.
import type { Preset, TemplateVersionParameter } from "../api/types";

/** A `list(string)` value's elements, or undefined when it is not a JSON array of strings. */
export function parseStringList(value: string): string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(value);
    if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string")) return parsed as string[];
  } catch {
    // not JSON
  }
  return undefined;
}

const numberPattern = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const integerPattern = /^[+-]?\d{1,15}$/;

/** The template's message with the provider's placeholders `{min}`, `{max}` and `{value}` filled in. */
function render(p: TemplateVersionParameter, value: string): string | undefined {
  if (!p.validation_error) return undefined;
  return p.validation_error
    .replaceAll("{min}", String(p.validation_min ?? 0))
    .replaceAll("{max}", String(p.validation_max ?? 0))
    .replaceAll("{value}", value);
}

/**
 * What is wrong with `value` for `p`, if anything. An empty value stands for the default;
 * `previous` is the value of the workspace's last build (for monotonic parameters).
 */
export function validateParameter(p: TemplateVersionParameter, value: string, previous?: string): string | undefined {
  let effective = value;
  if (effective === "") {
    if (p.required) return "A value is required.";
    effective = p.default_value ?? "";
    if (effective === "" && p.type === "string") return undefined;
  }
  switch (p.type) {
    case "number":
      if (!numberPattern.test(effective)) return `"${effective}" is not a number.`;
      break;
    case "bool":
      if (effective !== "true" && effective !== "false") return 'The value must be "true" or "false".';
      break;
    case "list(string)":
      if (!parseStringList(effective)) return `"${effective}" is not a list of strings, e.g. ["a","b"].`;
      break;
    default:
      break;
  }
  if (p.options.length > 0) {
    const allowed = p.options.map((o) => o.value);
    const chosen = p.type === "list(string)" ? (parseStringList(effective) ?? []) : [effective];
    const wrong = chosen.find((c) => !allowed.includes(c));
    if (wrong !== undefined) return `"${wrong}" is not one of the options.`;
  }
  if (p.type === "string" && p.validation_regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(p.validation_regex);
    } catch {
      // An RE2 feature JavaScript lacks: leave the check to the server.
      return undefined;
    }
    // Go's MatchString searches: the pattern is not anchored unless it says so.
    if (!pattern.test(effective)) return render(p, effective) ?? `The value must match ${p.validation_regex}.`;
  }
  if (p.type === "number") {
    const min = p.validation_min ?? undefined;
    const max = p.validation_max ?? undefined;
    const monotonic = p.validation_monotonic || undefined;
    if (min === undefined && max === undefined && !monotonic) return undefined;
    if (!integerPattern.test(effective)) return render(p, effective) ?? `"${effective}" is not a whole number.`;
    const n = Number(effective);
    if (min !== undefined && n < min) return render(p, effective) ?? `The value must be at least ${min}.`;
    if (max !== undefined && n > max) return render(p, effective) ?? `The value must be at most ${max}.`;
    if (monotonic && previous !== undefined && integerPattern.test(previous)) {
      const before = Number(previous);
      if (monotonic === "increasing" && n < before) return `The value must not go below the current ${before} (it may only increase).`;
      if (monotonic === "decreasing" && n > before) return `The value must not go above the current ${before} (it may only decrease).`;
    }
  }
  return undefined;
}

/** Starting values: the previous build's where given, else the template's defaults. */
export function initialValues(parameters: TemplateVersionParameter[], previous: Record<string, string> = {}): Record<string, string> {
  const values: Record<string, string> = {};
  for (const p of parameters) values[p.name] = previous[p.name] ?? p.default_value ?? "";
  return values;
}

/** Values set by a preset (capitalized keys, as Coder's API sends them). */
export function presetValues(preset: Preset | undefined): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { Name, Value } of preset?.Parameters ?? []) values[Name] = Value;
  return values;
}

export function validateAll(
  parameters: TemplateVersionParameter[],
  values: Record<string, string>,
  previous: Record<string, string> = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const p of parameters) {
    const problem = validateParameter(p, values[p.name] ?? "", previous[p.name]);
    if (problem) errors[p.name] = problem;
  }
  return errors;
}
