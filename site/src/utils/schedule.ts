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
