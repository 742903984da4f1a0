// Starts a real `coder server` for the browser tests: a free loopback port, a fresh config dir (so a
// fresh embedded PostgreSQL), rate limits off. Stops it with SIGTERM (SIGKILL after a grace period).
import { spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const e2eDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const repoRoot = resolve(e2eDir, "..");
export const resultsDir = join(e2eDir, "test-results");

export function freePort() {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.unref();
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function waitForHealthy(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`coder server exited (${child.exitCode ?? child.signalCode}) before it was ready; see ${join(resultsDir, "server.log")}`);
    }
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`coder server was not healthy within ${timeoutMs / 1000} s; see ${join(resultsDir, "server.log")}`);
}

/**
 * Starts `../coder server`, or uses E2E_BASE_URL when set (a server someone else runs).
 * Returns { url, stop }.
 */
export async function startServer() {
  if (process.env.E2E_BASE_URL) {
    return { url: process.env.E2E_BASE_URL.replace(/\/$/, ""), stop: async () => {} };
  }
  await mkdir(resultsDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const configDir = await mkdtemp(join(tmpdir(), "jcoder-e2e-"));
  const log = createWriteStream(join(resultsDir, "server.log"));
  const started = Date.now();
  // Own process group, so the launcher and the JVM it starts are signalled together.
  const child = spawn(
    join(repoRoot, "coder"),
    ["server", "--http-address", `127.0.0.1:${port}`, "--access-url", url, "--global-config", configDir, "--dangerous-disable-rate-limits"],
    { cwd: repoRoot, detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, CODER_CONFIG_DIR: configDir } },
  );
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((r) => child.once("exit", r));

  const signal = (sig) => {
    try {
      process.kill(-child.pid, sig);
    } catch {
      // already gone
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signal("SIGTERM");
      const done = await Promise.race([exited.then(() => true), sleep(30_000).then(() => false)]);
      if (!done) {
        signal("SIGKILL");
        await exited;
      }
    }
    log.end();
    await rm(configDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    // The first run may build the project (minutes); later ones start in seconds.
    await waitForHealthy(url, child, Number(process.env.E2E_SERVER_TIMEOUT_MS ?? 900_000));
  } catch (error) {
    await stop();
    throw error;
  }
  console.log(`# coder server ready at ${url} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { url, stop };
}
