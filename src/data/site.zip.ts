// The ONE Framework data loader: every page artifact (see loaders/analysis/artifacts.ts) in one
// archive, served as src/data/site/<file> (meta.json, graph.json, person/<key>.json, ...).
// Store: $THREADGRAPH_STORE (default data/store). Fast path: the artifacts `threadgraph analyze`
// wrote for the store's current version; otherwise they are computed here (read-only).
// An empty or missing store yields valid empty artifacts with meta.empty = true.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import { runAnalysis, siteDirVersion, zipFiles } from "../../loaders/analysis/run.ts";

const storeDir = resolve(process.env.THREADGRAPH_STORE ?? "data/store");
const siteDir = join(storeDir, "site");

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p); else out.set(relative(dir, p).split("\\").join("/"), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

async function currentVersion(): Promise<string | null> {
  if (!existsSync(storeDir)) return null;
  const s = await openStore(storeDir);
  try { return await s.version(); } finally { await s.close(); }
}

const have = siteDirVersion(siteDir);
const files = have !== null && have === (await currentVersion())
  ? readTree(siteDir)
  : (await runAnalysis({ storeDir })).files;
process.stdout.write(zipFiles(files));
