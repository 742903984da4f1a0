// Client-side checks that mirror Coder's rules (codersdk/name.go), so mistakes show before submit.
// The server stays the authority: its validations are shown next to the same fields.

const nameRegex = /^[a-zA-Z0-9]+(?:-[a-zA-Z0-9]+)*$/;
const emailRegex = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateUsername(value: string): string | undefined {
  if (!value) return "Username is required.";
  if (value.length > 32) return "Username must be at most 32 characters.";
  if (!nameRegex.test(value)) return "Use letters, digits and single hyphens (not at the start or end).";
  if (value === "new" || value === "create") return `"${value}" is a reserved name.`;
  return undefined;
}

export function validateEmail(value: string): string | undefined {
  if (!value) return "Email is required.";
  if (!emailRegex.test(value)) return "Enter a valid email address.";
  return undefined;
}

export function validatePassword(value: string): string | undefined {
  if (!value) return "Password is required.";
  if (value.length > 64) return "Password must be at most 64 characters.";
  return undefined;
}

export function validateFullName(value: string): string | undefined {
  if (value.length > 128) return "Name must be at most 128 characters.";
  if (value !== value.trim()) return "Name must not start or end with a space.";
  return undefined;
}

export function validateTokenName(value: string): string | undefined {
  if (!value) return "Name is required.";
  if (value.trim() !== value) return "Name must not start or end with a space.";
  if (value.length > 64) return "Name must be at most 64 characters.";
  return undefined;
}

/** Template and workspace names follow Coder's name rule (codersdk.NameValid). */
export function validateResourceName(value: string, what = "Name"): string | undefined {
  if (!value) return `${what} is required.`;
  if (value.length > 32) return `${what} must be at most 32 characters.`;
  if (!nameRegex.test(value)) return "Use letters, digits and single hyphens (not at the start or end).";
  if (value === "new" || value === "create") return `"${value}" is a reserved name.`;
  return undefined;
}

export function validateDisplayName(value: string): string | undefined {
  if (value.length > 64) return "Display name must be at most 64 characters.";
  if (value !== value.trim()) return "Display name must not start or end with a space.";
  return undefined;
}

export function validateDescription(value: string): string | undefined {
  if (new TextEncoder().encode(value).length >= 128) return "Description must be shorter than 128 bytes.";
  return undefined;
}

/** A name derived from a file or starter: lower case, hyphens for anything else, at most 32 characters. */
export function suggestName(source: string): string {
  return source
    .replace(/\.(tar|tar\.gz|tgz|zip)$/i, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 32)
    .replace(/-+$/g, "");
}
