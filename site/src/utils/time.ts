const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "3 hours ago", "in 6 days"; "never" for missing or zero Go times. */
export function fromNow(time: string | undefined | null, now: number = Date.now()): string {
  if (!time || time.startsWith("0001-01-01")) return "Never";
  const then = Date.parse(time);
  if (Number.isNaN(then)) return "Never";
  const seconds = Math.round((then - now) / 1000);
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return Math.abs(seconds) < 10 ? "just now" : relative.format(seconds, "second");
}

export function formatDate(time: string | undefined | null): string {
  if (!time || time.startsWith("0001-01-01")) return "—";
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return "—";
  return date.toLocaleString("en", { dateStyle: "medium", timeStyle: "short" });
}

export const NANOS_PER_DAY = 24 * 3600 * 1e9;

/** "1 h 30 min", "45 s", "2 d" for a duration in milliseconds; "Off" for zero. */
export function formatDuration(ms: number | null | undefined, zero = "Off"): string {
  if (ms === null || ms === undefined) return "—";
  if (ms <= 0) return zero;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const days = Math.floor(seconds / 86400);
  const hours = Math.floor((seconds % 86400) / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const parts: string[] = [];
  if (days) parts.push(`${days} d`);
  if (hours) parts.push(`${hours} h`);
  if (minutes && !days) parts.push(`${minutes} min`);
  return parts.join(" ") || `${seconds} s`;
}
