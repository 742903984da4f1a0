// Templates and workspaces in a real browser against a real server: upload an echo template
// archive, watch its import logs, look at its pages, change its settings, then create a workspace
// with parameters, see it running, stop it, start it and delete it. Screenshots go to e2e/screenshots/.
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { echoTemplate, writeTar } from "../lib/archive.mjs";
import { launchBrowser, screenshot } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

const admin = { username: "admin", name: "Ada Admin", email: "admin@example.com", password: "Correct-Horse-Battery-9" };
const LONG = { timeout: 60_000 };

describe("templates and workspaces", () => {
  let server;
  let browser;
  let page;
  let scratch;
  const path = () => new URL(page.url()).pathname;
  const waitForPath = (p) => page.waitForURL((u) => u.pathname === p, LONG);
  const status = () => page.getByTestId("workspace-status").first();

  before(async () => {
    server = await startServer();
    scratch = await mkdtemp(join(tmpdir(), "jcoder-e2e-archive-"));
    // The owner may exist already (E2E_BASE_URL, or the dashboard test ran first against it).
    const res = await fetch(`${server.url}/api/v2/users/first`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...admin, trial: false }),
    });
    assert.ok([201, 409].includes(res.status), `POST /users/first answered ${res.status}`);
    browser = await launchBrowser();
    page = browser.page;
    page.on("pageerror", (error) => console.log(`# page error: ${error.message}`));
    page.on("dialog", (dialog) => assert.fail(`unexpected browser dialog: ${dialog.message()}`));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  test("sign in", async () => {
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await waitForPath("/workspaces");
  });

  test("create a template from an uploaded archive and watch its import logs", async () => {
    const archive = await writeTar(join(scratch, "echo-template.tar"), echoTemplate({ logDelayMs: 400 }));
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Templates" }).click();
    await page.getByRole("button", { name: "Create template" }).or(page.getByRole("link", { name: "Create template" })).first().click();
    await waitForPath("/templates/new");
    await page.getByRole("tab", { name: "Upload archive" }).click();
    await page.getByLabel("Template archive").setInputFiles(archive);
    const name = page.getByRole("textbox", { name: /^Name/ });
    assert.equal(await name.inputValue(), "echo-template");
    await name.fill("echo");
    await page.getByLabel("Display name").fill("Echo");
    await page.getByLabel("Description").fill("Replays echo.json");
    await page.getByLabel("Provisioner").click();
    await page.getByRole("option", { name: "Echo (testing)" }).click();
    await page.getByRole("button", { name: "Create template" }).click();
    // The import logs arrive over the WebSocket while the job runs (one line every 400 ms).
    const logs = page.getByRole("log", { name: "Import logs" });
    await logs.getByText("Reading the template").waitFor(LONG);
    await screenshot(page, "template-import");
    await waitForPath("/templates/echo");
  });

  test("the template page shows the README, resources and parameters", async () => {
    await page.getByRole("heading", { name: "Echo", exact: true }).waitFor();
    const readme = page.getByRole("article", { name: "README" });
    await readme.getByRole("heading", { name: "Echo template" }).waitFor();
    // Raw HTML in a README is shown as text, never run.
    await readme.getByText("<script>alert('x')</script>").waitFor();
    await page.getByTestId("resource-dev").getByText("docker_container").waitFor();
    await page.getByTestId("agent-main").getByRole("button", { name: /code-server/ }).waitFor();
    const parameters = page.getByRole("table", { name: "Parameters" });
    await parameters.getByText("CPU cores").waitFor();
    await parameters.getByText("Immutable").waitFor();
    await screenshot(page, "template-summary");
  });

  test("versions list and a version's import logs", async () => {
    await page.getByRole("tab", { name: "Versions" }).click();
    const row = page.locator("[data-testid^=version-row-]").first();
    await row.getByText("Active").waitFor();
    await row.getByText("Succeeded").waitFor();
    await screenshot(page, "template-versions");
    await row.getByRole("link").click();
    const logs = page.getByRole("log", { name: "Import logs" });
    await logs.getByText("No persistent volume").waitFor();
    assert.match(path(), /^\/templates\/echo\/versions\/[^/]+$/);
    await screenshot(page, "template-version");
  });

  test("template settings save and report unchanged saves", async () => {
    await page.getByRole("tab", { name: "Settings" }).click();
    await waitForPath("/templates/echo/settings");
    await page.getByLabel("Default autostop (hours)").fill("-3");
    await page.getByText("Default autostop must not be negative.").waitFor();
    await page.getByLabel("Default autostop (hours)").fill("8");
    await page.getByLabel("Description").fill("Replays echo.json for tests");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Settings saved.").waitFor();
    await screenshot(page, "template-settings");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Nothing changed.").waitFor();
    const res = await page.request.get(`${server.url}/api/v2/organizations/default/templates/echo`);
    const template = await res.json();
    assert.equal(template.default_ttl_ms, 8 * 3_600_000);
    assert.equal(template.description, "Replays echo.json for tests");
  });

  test("create a workspace: parameters are validated before submit", async () => {
    await page.goto(`${server.url}/templates/echo`);
    await page.getByRole("link", { name: "Create workspace" }).click();
    await waitForPath("/templates/echo/workspace");
    const cpu = page.getByLabel("CPU cores", { exact: true });
    await cpu.fill("12");
    await page.getByText("The value must be at most 8.").waitFor();
    await page.getByLabel("Dotfiles repository", { exact: true }).fill("git@example.com:dots");
    await page.getByText("Use an https:// URL.").waitFor();
    await page.getByRole("button", { name: "Create workspace" }).click();
    await page.getByText("Workspace name is required.").waitFor();
    await page.getByTestId("parameter-project").getByText("A value is required.").waitFor();
    await screenshot(page, "workspace-create-errors");
    assert.equal(path(), "/templates/echo/workspace");

    await page.getByRole("textbox", { name: /^Workspace name/ }).fill("dev-1");
    await cpu.fill("4");
    await page.getByLabel("Dotfiles repository", { exact: true }).fill("https://example.com/dots.git");
    // Few options with descriptions render as radio buttons.
    await page.getByTestId("parameter-region").getByRole("radio", { name: /United States/ }).check();
    await page.getByTestId("parameter-gpu").getByRole("checkbox").check();
    const tools = page.getByTestId("parameter-tools").getByRole("textbox");
    await tools.fill("vim");
    await tools.press("Enter");
    await page.getByLabel("Project name", { exact: true }).fill("jcoder");
    await screenshot(page, "workspace-create");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await waitForPath("/admin/dev-1");
  });

  test("the workspace becomes running without a reload and shows its parts", async () => {
    await page.getByRole("heading", { name: "dev-1" }).waitFor();
    await status().getByText("Running").waitFor(LONG);
    await page.getByTestId("agent-main").waitFor();
    await page.getByTestId("build-row-1").getByText("Start", { exact: true }).waitFor();
    const parameters = page.getByRole("table", { name: "Parameters" });
    await parameters.getByText("jcoder").waitFor();
    await parameters.getByText('["git","vim"]').waitFor();
    await page.getByTestId("agent-main").getByRole("button", { name: "SSH" }).click();
    await page.getByRole("dialog", { name: "SSH commands" }).getByText("coder ssh dev-1").waitFor();
    await screenshot(page, "workspace-ssh");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Show logs of build 1" }).click();
    await page.getByRole("log", { name: "Logs of build 1" }).getByText("container started").waitFor();
    await screenshot(page, "workspace");
  });

  test("the list shows it with its status", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workspaces" }).click();
    const row = page.getByTestId("workspace-row-dev-1");
    await row.getByText("Running").waitFor();
    await row.getByText("Echo").waitFor();
    await screenshot(page, "workspaces-list");
    await row.getByRole("link", { name: "dev-1" }).click();
    await waitForPath("/admin/dev-1");
  });

  test("stop and start with live status", async () => {
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await page.getByRole("dialog", { name: "Stop workspace" }).getByRole("button", { name: "Stop" }).click();
    await status().getByText("Stopped").waitFor(LONG);
    await page.getByTestId("build-row-2").getByText("Stop", { exact: true }).waitFor();
    await screenshot(page, "workspace-stopped");
    await page.getByRole("button", { name: "Start", exact: true }).click();
    await status().getByText("Running").waitFor(LONG);
    await page.getByTestId("build-row-3").waitFor();
  });

  test("delete asks for the name, then the workspace is gone", async () => {
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete workspace" });
    await dialog.getByLabel('Type "dev-1" to confirm').fill("dev-1");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await waitForPath("/workspaces");
    // The delete build runs; once it has, the owner's list no longer has the workspace.
    await page.getByTestId("workspace-row-dev-1").waitFor({ state: "detached", timeout: 60_000 });
    await page.getByText("No workspaces yet").waitFor(LONG);
  });
});
