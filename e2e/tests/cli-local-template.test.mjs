// The whole product end to end with the real CLI and the `local` starter template: a real
// `coder server` (embedded PostgreSQL, the Terraform provisioner with the real terraform binary),
// `coder templates init/push`, `coder create` whose build starts a real agent on this host from the
// init script (the bundle downloaded from the server), the agent reaching `ready`, logs, SSH (when
// the commands exist), stop/start keeping the home, a template update, and delete cleaning up.
// Prints the time each step took.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { coderCli, timed, waitFor } from "../lib/cli.mjs";
import { startServer } from "../lib/server.mjs";

const admin = { username: "admin", email: "admin@example.com", password: "Correct-Horse-Battery-9" };
// Builds run terraform on a shared, loaded machine: generous limits, never fixed sleeps.
const STEP = { timeout: 900_000 };
const figures = [];
const record = (name, ms) => {
  figures.push([name, ms]);
  console.log(`# ${name}: ${(ms / 1000).toFixed(1)} s`);
};

const agentsOf = (workspace) => workspace.latest_build.resources.flatMap((resource) => resource.agents ?? []);
const homeOf = (workspace) =>
  workspace.latest_build.resources.flatMap((resource) => resource.metadata ?? []).find((item) => item.key === "path")?.value;

/** The agent's pid from the template's pid file, or null when there is none. */
async function agentPid(home) {
  try {
    const [pid] = (await readFile(join(home, ".jcoder", "agent.pid"), "utf8")).trim().split(/\s+/);
    return Number(pid);
  } catch {
    return null;
  }
}
const alive = (pid) => pid !== null && existsSync(`/proc/${pid}`);

describe("coder CLI with the local template", { skip: process.env.E2E_BASE_URL ? "needs its own server (E2E_BASE_URL is set)" : false }, () => {
  let server;
  let scratch;
  let coder;
  let token;
  let homes;
  let home;
  let workspaceId;
  let firstPid;

  const api = (path, init = {}) =>
    fetch(`${server.url}/api/v2${path}`, { ...init, headers: { "Coder-Session-Token": token, ...(init.headers ?? {}) } });
  const show = () => coder.json(["show", "ws1"]);
  // On a timeout the error carries the end of the agent's log (download and start-up problems show there).
  const waitForLifecycle = (state) =>
    waitFor(`the agent to be ${state}`, async () => {
      const agents = agentsOf(await show());
      return agents.length === 1 && agents[0].lifecycle_state === state && agents[0];
    }, { timeoutMs: 600_000, intervalMs: 1000 }).catch(async (error) => {
      const log = await readFile(join(home, ".jcoder", "agent.log"), "utf8").catch(() => "(no agent log)");
      error.message += `\nagent.log (end):\n${log.split("\n").slice(-20).join("\n")}`;
      throw error;
    });

  before(async () => {
    server = await startServer();
    scratch = await mkdtemp(join(tmpdir(), "jcoder-e2e-cli-"));
    homes = join(scratch, "homes");
    coder = coderCli({ configDir: join(scratch, "config"), url: server.url });
    await coder.run([
      "login", server.url,
      "--first-user-username", admin.username, "--first-user-email", admin.email,
      "--first-user-password", admin.password, "--first-user-trial=false",
    ]);
    token = (await readFile(join(scratch, "config", "session"), "utf8")).trim();
  }, STEP);

  after(async () => {
    // A failed run may leave the workspace (and its agent) behind: delete it so no agent outlives the test.
    if (workspaceId && server) {
      await coder.run(["delete", "ws1", "--yes"], { timeoutMs: 300_000 }).catch(() => {});
    }
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true, maxRetries: 3 });
    console.log(`# figures: ${figures.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(", ")}`);
  });

  test("templates init --id local and templates push", STEP, async () => {
    const dir = join(scratch, "local");
    await coder.run(["templates", "init", "--id", "local", dir]);
    assert.ok(existsSync(join(dir, "main.tf")), "templates init wrote main.tf");
    const push = await timed(() =>
      coder.run(["templates", "push", "local", "-d", dir, "--variable", `workspaces_directory=${homes}`, "-y"]));
    record("template push (import)", push.ms);

    // `-o json` rows are { version, active }.
    const versions = (await coder.json(["templates", "versions", "list", "local"])).map((row) => ({ ...row.version, active: row.active }));
    assert.equal(versions.length, 1);
    assert.equal(versions[0].job.status, "succeeded");
    assert.equal(versions[0].active, true);
    const resources = await (await api(`/templateversions/${versions[0].id}/resources`)).json();
    const types = resources.map((resource) => `${resource.type}.${resource.name}`).sort();
    assert.ok(types.includes("terraform_data.home"), `resources: ${types}`);
    assert.ok(types.includes("terraform_data.workspace"), `resources: ${types}`);
    assert.deepEqual(resources.flatMap((resource) => resource.agents ?? []).map((agent) => agent.name), ["main"]);
    const variables = await (await api(`/templateversions/${versions[0].id}/variables`)).json();
    assert.equal(variables.find((variable) => variable.name === "workspaces_directory")?.value, homes);
  });

  test("create: the build starts an agent that becomes ready and logs its startup script", STEP, async () => {
    const create = await timed(() => coder.run(["create", "ws1", "-t", "local", "--yes"]));
    record("create build", create.ms);
    const workspace = await show();
    workspaceId = workspace.id;
    assert.equal(workspace.latest_build.status, "running");
    home = homeOf(workspace);
    assert.ok(home?.startsWith(homes), `home ${home} under ${homes}`);

    const ready = await timed(() => waitForLifecycle("ready"));
    record("agent ready after create", ready.ms);
    const agent = ready.value;
    assert.equal(agent.status, "connected");
    const viaApi = await (await api(`/workspaceagents/${agent.id}`)).json();
    assert.equal(viaApi.lifecycle_state, "ready");
    assert.equal(viaApi.expanded_directory ?? viaApi.directory, home);

    firstPid = await agentPid(home);
    assert.ok(alive(firstPid), `agent pid ${firstPid} runs`);

    const logs = await waitFor("the startup script's output in coder logs", async () => {
      const { stdout } = await coder.run(["logs", "ws1"]);
      return stdout.includes(`Workspace home: ${home}`) && stdout;
    }, { timeoutMs: 120_000, intervalMs: 1000 });
    assert.match(logs, /Workspace home:/);
  });

  test("ssh into the workspace", STEP, async (t) => {
    const help = (await coder.run(["--help"])).stdout;
    const missing = ["ssh", "config-ssh"].filter((command) => !new RegExp(`^\\s+${command}\\b`, "m").test(help));
    if (missing.length > 0) {
      t.skip(`coder ${missing.join(" and coder ")} not on main yet`);
      return;
    }
    const { stdout } = await coder.run(["ssh", "ws1", "--", "echo", "hello"], { timeoutMs: 180_000 });
    assert.equal(stdout.trim(), "hello");
    const sshConfig = join(scratch, "ssh_config");
    await writeFile(sshConfig, "");
    await coder.run(["config-ssh", "--ssh-config-file", sshConfig, "--yes"]);
    await new Promise((ok, fail) => {
      import("node:child_process").then(({ execFile }) =>
        execFile("ssh", ["-F", sshConfig, "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "coder.ws1", "true"],
          { env: coder.env, timeout: 180_000 }, (error, out, err) => (error ? fail(new Error(`ssh coder.ws1 true: ${error.message}\n${err}`)) : ok(out))));
    });
  });

  test("stop and start keep the home; the agent stops and comes back", STEP, async () => {
    const marker = join(home, "survives.txt");
    await writeFile(marker, "still here\n");

    const stop = await timed(() => coder.run(["stop", "ws1", "--yes"]));
    record("stop build", stop.ms);
    const stopped = await show();
    assert.equal(stopped.latest_build.status, "stopped");
    assert.deepEqual(agentsOf(stopped), []);
    await waitFor(`agent pid ${firstPid} to exit`, () => !alive(firstPid), { timeoutMs: 60_000 });
    assert.equal(await readFile(marker, "utf8"), "still here\n");

    const start = await timed(() => coder.run(["start", "ws1", "--yes"]));
    record("start build", start.ms);
    const ready = await timed(() => waitForLifecycle("ready"));
    record("agent ready after start", ready.ms);
    const started = await show();
    assert.equal(started.latest_build.status, "running");
    assert.equal(homeOf(started), home, "the home directory stays the same");
    assert.equal(await readFile(marker, "utf8"), "still here\n");
    const pid = await agentPid(home);
    assert.ok(alive(pid), `new agent pid ${pid} runs`);
    assert.notEqual(pid, firstPid);
    firstPid = pid;
  });

  test("a new template version and coder update", STEP, async () => {
    const dir = join(scratch, "local");
    await writeFile(join(dir, "README.md"), `${await readFile(join(dir, "README.md"), "utf8")}\nEdited by the end-to-end test.\n`);
    const push = await timed(() =>
      coder.run(["templates", "push", "local", "-d", dir, "--variable", `workspaces_directory=${homes}`, "-y", "-m", "edited README"]));
    record("template push (second version)", push.ms);
    const versions = await coder.json(["templates", "versions", "list", "local"]);
    assert.equal(versions.length, 2);
    assert.equal(versions.filter((row) => row.active).length, 1);
    const template = await (await api(`/organizations/default/templates/local`)).json();
    assert.ok((await show()).outdated, "the workspace is outdated after the push");

    const update = await timed(() => coder.run(["update", "ws1"]));
    record("update build", update.ms);
    const updated = await show();
    assert.equal(updated.outdated, false);
    assert.equal(updated.latest_build.template_version_id, template.active_version_id);
    assert.equal(updated.latest_build.status, "running");
    await waitForLifecycle("ready");
    assert.equal(await readFile(join(home, "survives.txt"), "utf8"), "still here\n");
    firstPid = await agentPid(home);
    assert.ok(alive(firstPid), `agent pid ${firstPid} runs after the update`);
  });

  test("delete removes the home and stops the agent", STEP, async () => {
    const del = await timed(() => coder.run(["delete", "ws1", "--yes"]));
    record("delete build", del.ms);
    await waitFor(`agent pid ${firstPid} to exit`, () => !alive(firstPid), { timeoutMs: 60_000 });
    assert.equal(existsSync(home), false, `${home} removed`);
    assert.deepEqual(await coder.json(["list"]), []);
    assert.equal((await api(`/workspaces/${workspaceId}`)).status, 410);
    workspaceId = undefined;
  });
});
