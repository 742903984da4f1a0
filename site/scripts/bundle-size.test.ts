// @vitest-environment node
// Enforces the 500 KiB gzip budget of the initial route whenever a build exists (./test builds
// before it tests; a bare `npm test` without dist/ skips this).
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./bundle-size.mjs", import.meta.url));
const manifest = fileURLToPath(new URL("../dist/.vite/manifest.json", import.meta.url));

describe.skipIf(!existsSync(manifest))("bundle size", () => {
  it("keeps the initial route's JS within 500 KiB gzip", () => {
    const out = execFileSync(process.execPath, [script], { encoding: "utf8" });
    const kib = Number(/initial route .*: ([\d.]+) KiB gzip/.exec(out)?.[1]);
    expect(kib).toBeGreaterThan(0);
    expect(kib).toBeLessThanOrEqual(500);
  });
});
