// Debian's Chromium driven by playwright-core: no browser download, a throw-away profile.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const screenshotsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "screenshots");

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchBrowser() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)`);
  }
  await mkdir(screenshotsDir, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "jcoder-chromium-"));
  // launchPersistentContext is how playwright passes --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(20_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const close = async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return { context, page, close };
}

export async function screenshot(page, name) {
  // A sticky app bar would be painted mid-page in a full-page capture; keep it at the top.
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true, style: "header.MuiAppBar-root { position: static !important; }" });
}
