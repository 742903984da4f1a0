// A template from the `local` starter, imported by the real Terraform provisioner that `coder server`
// runs next to echo, then a workspace from it: running, then deleted. Needs `terraform` on PATH (the
// starter uses only the in-process coder provider and Terraform's built-in terraform_data).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { after, before, describe, test } from "node:test";
import { launchBrowser, screenshot } from "../lib/browser.mjs";
import { startServer } from "../lib/server.mjs";

const admin = { username: "admin", name: "Ada Admin", email: "admin@example.com", password: "Correct-Horse-Battery-9" };
// terraform init and plan on a shared two-core machine take a while.
const TERRAFORM = { timeout: 240_000 };

function terraformMissing() {
  try {
    execFileSync("terraform", ["version"], { stdio: "ignore" });
    return false;
  } catch {
    return "terraform is not on PATH";
  }
}


describe("template from the local starter", { skip: terraformMissing() }, () => {
  let server;
  let browser;
  let page;
  const waitForPath = (p, options = {}) => page.waitForURL((u) => u.pathname === p, options);

  before(async () => {
    server = await startServer();
    const res = await fetch(`${server.url}/api/v2/users/first`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ ...admin, trial: false }),
    });
    assert.ok([201, 409].includes(res.status), `POST /users/first answered ${res.status}`);
    browser = await launchBrowser();
    page = browser.page;
    page.on("pageerror", (error) => console.log(`# page error: ${error.message}`));
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await waitForPath("/workspaces");
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  test("the starters are listed and the local one imports with Terraform", async () => {
    await page.goto(`${server.url}/templates/new`);
    const starters = page.getByRole("radiogroup", { name: "Starter templates" });
    await starters.getByRole("radio", { name: /Docker Containers/ }).waitFor();
    await starters.getByRole("radio", { name: /Kubernetes/ }).waitFor();
    await starters.getByRole("radio", { name: /Local/ }).click();
    assert.equal(await page.getByRole("textbox", { name: /^Name/ }).inputValue(), "local");
    await screenshot(page, "template-starters");
    await page.getByRole("button", { name: "Create template" }).click();
    try {
      await page.getByRole("log", { name: "Import logs" }).waitFor();
      await waitForPath("/templates/local", TERRAFORM);
    } catch (error) {
      await screenshot(page, "template-local-failed");
      throw error;
    }
    await page.getByRole("article", { name: "README" }).waitFor();
    await page.getByTestId("agent-main").waitFor();
    await screenshot(page, "template-local");
  });

  test("a workspace from it runs and is deleted", async () => {
    await page.getByRole("link", { name: "Create workspace" }).click();
    await page.getByRole("textbox", { name: /^Workspace name/ }).fill("loc-1");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await waitForPath("/admin/loc-1");
    await page.getByTestId("workspace-status").first().getByText("Running").waitFor(TERRAFORM);
    await screenshot(page, "workspace-local");
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Delete workspace" });
    await dialog.getByLabel('Type "loc-1" to confirm').fill("loc-1");
    await dialog.getByRole("button", { name: "Delete" }).click();
    await waitForPath("/workspaces");
    await page.getByTestId("workspace-row-loc-1").waitFor({ state: "detached", ...TERRAFORM });
  });
});
