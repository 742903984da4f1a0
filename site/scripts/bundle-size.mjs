// Prints the gzip size of the JS the first route needs: the entry chunk, its static imports, and the
// lazily loaded page (default /workspaces) with its own static imports. Run after `npm run build`.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = new URL("../dist/", import.meta.url).pathname;
const manifest = JSON.parse(readFileSync(join(dist, ".vite/manifest.json"), "utf8"));
const page = process.argv[2] ?? "src/pages/workspaces/WorkspacesPage.tsx";

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const closure = (key, seen = new Set()) => {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) closure(dep, seen);
  return seen;
};

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
if (!manifest[page]) throw new Error(`${page} is not a chunk; choose one of: ${Object.keys(manifest).filter((k) => manifest[k].isDynamicEntry).join(", ")}`);
const initial = closure(page, closure(entry));
const files = [...initial].map((k) => manifest[k].file);
const total = files.reduce((sum, f) => sum + gz(f), 0);
const all = readdirSync(join(dist, "assets")).filter((f) => f.endsWith(".js")).reduce((s, f) => s + gz(`assets/${f}`), 0);
for (const f of files) console.log(`${(gz(f) / 1024).toFixed(1).padStart(8)} KiB  ${f}`);
console.log(`initial route (${page}): ${(total / 1024).toFixed(1)} KiB gzip in ${files.length} files`);
console.log(`all JS: ${(all / 1024).toFixed(1)} KiB gzip`);
if (total > 500 * 1024) {
  console.error("initial route exceeds the 500 KiB gzip budget");
  process.exit(1);
}
