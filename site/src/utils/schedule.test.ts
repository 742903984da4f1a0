import { describe, expect, it } from "vitest";
import { describeAutostart, formatAutostart, parseAutostart } from "./schedule";

describe("autostart schedules", () => {
  it("describes Coder's cron strings", () => {
    expect(describeAutostart("CRON_TZ=Europe/Berlin 30 9 * * 1-5")).toBe("09:30 Mon–Fri (Europe/Berlin)");
    expect(describeAutostart("0 7 * * *")).toBe("07:00 every day (UTC)");
    expect(describeAutostart(undefined)).toBe("Off");
  });

  it("parses ranges and lists into days and formats them back", () => {
    const form = parseAutostart("CRON_TZ=America/Chicago 5 8 * * 1-3,6");
    expect(form).toEqual({ enabled: true, time: "08:05", days: [1, 2, 3, 6], timezone: "America/Chicago" });
    expect(formatAutostart(form)).toBe("CRON_TZ=America/Chicago 5 8 * * 1,2,3,6");
    expect(formatAutostart({ ...form, days: [0, 1, 2, 3, 4, 5, 6] })).toBe("CRON_TZ=America/Chicago 5 8 * * *");
    expect(formatAutostart({ ...form, enabled: false })).toBeNull();
    expect(parseAutostart(undefined).enabled).toBe(false);
  });
});
