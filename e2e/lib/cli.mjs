// Runs the real `../coder` CLI against a test server with its own config dir, and waits on
// conditions (never fixed sleeps: the machine these run on is shared and slow).
import { execFile } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./server.mjs";

/**
 * A `coder` runner bound to one config dir and deployment. `run(args)` resolves with
 * { stdout, stderr } and rejects with the command's output when it exits non-zero.
 */
export function coderCli({ configDir, url }) {
  const env = { ...process.env, CODER_CONFIG_DIR: configDir, CODER_URL: url, NO_COLOR: "1" };
  delete env.CODER_SESSION_TOKEN;
  const run = (args, { timeoutMs = 600_000, input } = {}) =>
    new Promise((ok, fail) => {
      const child = execFile(join(repoRoot, "coder"), args, { cwd: repoRoot, env, timeout: timeoutMs, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
        if (error) {
          error.message = `coder ${args.join(" ")} failed (${error.code ?? error.signal}):\n${stdout}\n${stderr}`;
          fail(error);
        } else {
          ok({ stdout, stderr });
        }
      });
      if (input !== undefined) child.stdin.end(input);
      else child.stdin.end();
    });
  const json = async (args, options) => JSON.parse((await run([...args, "-o", "json"], options)).stdout);
  return { run, json, env };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a truthy value (which it resolves with) or the time is up. */
export async function waitFor(what, probe, { timeoutMs = 300_000, intervalMs = 500 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${last ? `: ${last.message}` : ""}`);
    }
    await sleep(intervalMs);
  }
}

/** Milliseconds `action` took, with its result: { ms, value }. */
export async function timed(action) {
  const started = Date.now();
  const value = await action();
  return { ms: Date.now() - started, value };
}
