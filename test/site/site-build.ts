// Build the site in an isolated copy of the work tree, so tests and benchmarks never touch the
// developer's src/.observablehq/cache or dist/. Either the real data loaders run against a given
// store (THREADGRAPH_STORE), or `artifacts` replaces src/data with static files (synthetic scale tests).
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { writeArtifacts } from "./synthetic-artifacts.ts";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

let nodeCache: string | undefined;
const BUNDLE_CACHES = ["_node", "_npm", "_observablehq"];

export interface SiteBuild { dir: string; dist: string; buildMs: number; log: string; cleanup(): void }

/** A copy of the project (sources, config, node_modules linked; no build cache or vendor bundles): in a new temp dir, or in `into`. */
export function copyProject(prefix = "tg-project-", into?: string): string {
  const dir = into ?? mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  for (const f of ["src", "loaders", "observablehq.config.ts", "threadgraph.config.ts", "package.json", "tsconfig.json"]) {
    if (!existsSync(join(REPO, f))) continue;
    cpSync(join(REPO, f), join(dir, f), {
      recursive: true,
      // Never copy a build cache: data loader output in it would come from another store.
      filter: (p) => !p.startsWith(join(REPO, "src/.observablehq")) && !/src\/components\/vendor(-graph)?\.js$/.test(p),
    });
  }
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  return dir;
}

/**
 * `into`: build there instead of a new temp dir (a site-cache entry). `bundles`: a directory shared
 * with other processes holding the bundled npm modules (seeded from it, filled after a build), for
 * callers that key it by the installed packages (site-cache.ts).
 */
export function buildSite(opts: { store?: string; artifacts?: Record<string, unknown>; keep?: boolean; into?: string; bundles?: string } = {}): SiteBuild {
  const dir = copyProject("tg-site-", opts.into);
  // The data loaders read the store named by threadgraph.config.ts: point the copy at the test store.
  if (opts.store) writeFileSync(join(dir, "threadgraph.config.ts"),
    `import { defineConfig } from "./loaders/config.ts";\nexport default defineConfig({ store: ${JSON.stringify(resolve(opts.store))} });\n`);
  if (opts.artifacts) {
    rmSync(join(dir, "src/data"), { recursive: true, force: true });
    mkdirSync(join(dir, "src/data/site"), { recursive: true });
    writeArtifacts(join(dir, "src/data/site"), opts.artifacts);
  }
  // Reuse bundled modules and resolved npm versions (Plot, d3, client: many seconds) from the previous
  // build in this process. Data loader output (cache/data) is never reused.
  if (nodeCache && existsSync(nodeCache)) cpSync(nodeCache, join(dir, "src/.observablehq/cache"), { recursive: true });
  else if (opts.bundles && existsSync(opts.bundles)) cpSync(opts.bundles, join(dir, "src/.observablehq/cache"), { recursive: true });
  // Framework runs .ts data loaders with `tsx` from PATH, as under `npm run build`.
  const env = { ...process.env, PATH: `${join(REPO, "node_modules/.bin")}:${process.env.PATH}`, THREADGRAPH_SITE_OUTPUT: "dist", ...(opts.store ? { THREADGRAPH_STORE: resolve(opts.store) } : {}) };
  const bin = (name: string) => join(REPO, "node_modules/.bin", name);
  const t0 = performance.now();
  // The vendor bundles, as `npm run vendor` builds them (vendor.js on every page, vendor-graph.js on /graph, vendor-arquero.js on /reviews).
  for (const [entry, out] of [["vendor-entry", "vendor"], ["vendor-graph-entry", "vendor-graph"], ["vendor-arquero-entry", "vendor-arquero"]]) {
    const vendor = spawnSync(bin("esbuild"), [`src/components/${entry}.js`, "--bundle", "--format=esm", "--platform=browser",
      "--minify", "--legal-comments=none", `--outfile=src/components/${out}.js`, "--log-level=warning"], { cwd: dir, env, encoding: "utf8" });
    if (vendor.status !== 0) throw new Error(`vendor bundle ${entry} failed:\n${vendor.stderr}`);
  }
  const build = spawnSync(bin("observable"), ["build"], { cwd: dir, env, encoding: "utf8", maxBuffer: 64 << 20 });
  const buildMs = performance.now() - t0;
  const log = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`observable build failed (exit ${build.status}):\n${log.slice(-4000)}`);
  const built = join(dir, "src/.observablehq/cache");
  if (existsSync(built)) {
    if (!nodeCache) {
      const made = (nodeCache = mkdtempSync(join(tmpdir(), "tg-site-node-")));
      process.once("exit", () => rmSync(made, { recursive: true, force: true }));
    }
    for (const sub of BUNDLE_CACHES) if (existsSync(join(built, sub))) cpSync(join(built, sub), join(nodeCache, sub), { recursive: true });
    if (opts.bundles && !existsSync(opts.bundles)) {
      // Whole or not at all: copy aside, then rename (a racing process's equal copy wins).
      const part = `${opts.bundles}.part-${process.pid}`;
      cpSync(nodeCache, part, { recursive: true });
      try { renameSync(part, opts.bundles); } catch { rmSync(part, { recursive: true, force: true }); }
    }
  }
  return { dir, dist: join(dir, "dist"), buildMs, log, cleanup: () => { if (!opts.keep) rmSync(dir, { recursive: true, force: true }); } };
}
