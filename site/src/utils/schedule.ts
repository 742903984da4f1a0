const dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

function days(field: string): string {
  if (field === "*") return "every day";
  return field
    .split(",")
    .map((part) => part.split("-").map((d) => dayNames[Number(d)] ?? d).join("–"))
    .join(", ");
}

/** "09:30 Mon–Fri (Europe/Berlin)" for Coder's `CRON_TZ=<tz> <min> <hour> * * <dow>` autostart schedules. */
export function describeAutostart(schedule: string | undefined | null): string {
  if (!schedule) return "Off";
  let tz = "UTC";
  let cron = schedule.trim();
  const match = /^CRON_TZ=(\S+)\s+(.*)$/.exec(cron);
  if (match) {
    tz = match[1];
    cron = match[2];
  }
  const [minute, hour, , , dow] = cron.split(/\s+/);
  if (!/^\d+$/.test(minute ?? "") || !/^\d+$/.test(hour ?? "")) return schedule;
  return `${hour.padStart(2, "0")}:${minute.padStart(2, "0")} ${days(dow ?? "*")} (${tz})`;
}

export interface AutostartForm {
  enabled: boolean;
  /** "HH:MM", 24-hour */
  time: string;
  /** 0 = Sunday … 6 = Saturday, as cron counts */
  days: number[];
  timezone: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

/** The form's view of a `CRON_TZ=<tz> <min> <hour> * * <dow>` schedule (weekdays at 09:00 when unset). */
export function parseAutostart(schedule: string | undefined | null): AutostartForm {
  const fallback: AutostartForm = { enabled: false, time: "09:00", days: [1, 2, 3, 4, 5], timezone: browserZone() };
  if (!schedule) return fallback;
  const match = /^(?:CRON_TZ=(\S+)\s+)?(\d+)\s+(\d+)\s+\*\s+\*\s+(\S+)$/.exec(schedule.trim());
  if (!match) return { ...fallback, enabled: true };
  const [, tz, minute, hour, dow] = match;
  const days = new Set<number>();
  if (dow === "*") [0, 1, 2, 3, 4, 5, 6].forEach((d) => days.add(d));
  else
    for (const part of dow.split(",")) {
      const [from, to = from] = part.split("-").map(Number);
      for (let d = from; d <= to; d++) days.add(d % 7);
    }
  return {
    enabled: true,
    time: `${hour.padStart(2, "0")}:${minute.padStart(2, "0")}`,
    days: [...days].sort(),
    timezone: tz ?? "UTC",
  };
}

/** The cron string for the autostart endpoint, or null to turn autostart off. */
export function formatAutostart(form: AutostartForm): string | null {
  if (!form.enabled) return null;
  const [hour, minute] = form.time.split(":").map(Number);
  const dow = form.days.length === 7 ? "*" : [...form.days].sort().join(",");
  return `CRON_TZ=${form.timezone} ${minute} ${hour} * * ${dow}`;
}
