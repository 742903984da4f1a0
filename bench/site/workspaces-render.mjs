// Measures how long the dashboard takes to render the workspace list once its data has arrived.
//
// The built SPA (site/dist) is served by a small static server; every /api/v2 call is answered by
// Playwright's request interception with realistic objects, so the figure is the browser's work
// (JSON parse, React render, layout) and not the server's. An init script records
// performance.now() when the /workspaces response body has been read (a wrapped fetch) and when
// the N-th row appears (a MutationObserver). Runs several rounds and prints the median.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "../../..");
const dist = join(root, "site", "dist");
const { chromium } = await import(join(root, "e2e", "node_modules", "playwright-core", "index.mjs"));

const count = Number(process.argv[2] ?? 500);
const rounds = Number(process.argv[3] ?? 5);
if (!existsSync(join(dist, "index.html"))) throw new Error("site/dist is missing: run `npm run build` in site/ first");

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".json": "application/json" };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, "index.html");
  res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const now = Date.now();
const user = {
  id: "9f1c0b7e-0000-4000-8000-000000000001", username: "admin", name: "Ada Admin", email: "admin@example.com",
  avatar_url: "", created_at: "2026-11-01T10:00:00Z", status: "active", login_type: "password",
  organization_ids: [], roles: [{ name: "owner", display_name: "Owner" }],
};
const statuses = ["running", "stopped", "failed", "starting", "stopped", "running"];
function workspace(i) {
  const status = statuses[i % statuses.length];
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
    created_at: new Date(now - i * 3_600_000).toISOString(), updated_at: new Date(now - i * 60_000).toISOString(),
    owner_id: user.id, owner_name: `user${i % 40}`, organization_id: "org", template_id: "tpl",
    template_name: `template-${i % 7}`, template_display_name: `Template ${i % 7}`, template_icon: "",
    template_allow_user_cancel_workspace_jobs: true, template_active_version_id: "v", template_require_active_version: false,
    outdated: i % 9 === 0, name: `workspace-${i}`, last_used_at: new Date(now - i * 97_000).toISOString(),
    health: { healthy: true, failing_agents: [] }, automatic_updates: "never",
    latest_build: {
      id: `b-${i}`, build_number: 1 + (i % 5), transition: status === "stopped" ? "stop" : "start", status,
      created_at: new Date(now - i * 60_000).toISOString(), resources: [], reason: "initiator",
      job: { id: `j-${i}`, status: status === "starting" ? "running" : status === "failed" ? "failed" : "succeeded", created_at: new Date(now).toISOString(), tags: {}, queue_position: 0, queue_size: 0, file_id: "f" },
    },
  };
}
const list = { workspaces: Array.from({ length: count }, (_, i) => workspace(i)), count };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await context.route("**/api/v2/**", (route) => {
  const url = new URL(route.request().url());
  const json = (body) => route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(body) });
  switch (url.pathname) {
    case "/api/v2/users/me": return json(user);
    case "/api/v2/buildinfo": return json({ version: "bench", external_url: "", dashboard_url: base, workspace_proxy: false, agent_api_version: "2.0", upgrade_message: "", deployment_id: "x" });
    case "/api/v2/authcheck": return json({ viewUsers: true, viewDeployment: true, createTemplates: true, updateTemplates: true });
    case "/api/v2/workspaces": return json(list);
    default: return route.fulfill({ status: 404, contentType: "application/json", body: JSON.stringify({ message: "Not found." }) });
  }
});
await context.addInitScript((expected) => {
  window.__bench = {};
  const original = window.fetch;
  window.fetch = async (...args) => {
    const res = await original(...args);
    const url = String(args[0]);
    if (url.startsWith("/api/v2/workspaces")) {
      const text = res.clone().text();
      text.then(() => { window.__bench.dataArrived ??= performance.now(); });
    }
    return res;
  };
  new MutationObserver((_, observer) => {
    if (document.querySelectorAll('[data-testid^="workspace-row-"]').length >= expected) {
      window.__bench.rendered = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}, count);

const figures = [];
for (let round = 0; round < rounds; round++) {
  const page = await context.newPage();
  await page.goto(`${base}/workspaces?filter=`);
  await page.waitForFunction(() => window.__bench.rendered !== undefined, null, { timeout: 60_000 });
  const { dataArrived, rendered } = await page.evaluate(() => window.__bench);
  // One more frame: the time until the browser has painted the rows too.
  const painted = await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))));
  figures.push({ render: rendered - dataArrived, paint: painted - dataArrived });
  await page.close();
}
await browser.close();
server.close();

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const [i, f] of figures.entries()) console.log(`round ${i + 1}: rows in DOM ${f.render.toFixed(0)} ms, painted ${f.paint.toFixed(0)} ms`);
console.log(`/workspaces with ${count} workspaces: median ${median(figures.map((f) => f.render)).toFixed(0)} ms to render, ${median(figures.map((f) => f.paint)).toFixed(0)} ms to paint after the data arrived (target ≤ 1000 ms)`);
