// Ids for the dynamic routes (/people/<key>, /threads/<key>), read from the meta.json that
// `threadgraph analyze` wrote, so the config lists every detail page without running a loader per page.
// Used only by observablehq.config.ts (Node side), never by the browser.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadConfig } from "../../loaders/config.ts";
import type { MetaArtifact } from "../../loaders/analysis/artifacts.ts";

/** Keys are file-name safe by contract; anything else is dropped rather than turned into a bad URL. */
const SAFE = /^[A-Za-z0-9_-]+$/;

export async function routeIds(root = process.cwd()): Promise<{ people: string[]; threads: string[] }> {
  const meta = await readMeta(root);
  if (!meta) return { people: [], threads: [] };
  return {
    people: (meta.person_keys ?? []).filter((k) => SAFE.test(k)),
    threads: (meta.thread_keys ?? []).filter((k) => SAFE.test(k)),
  };
}

async function readMeta(root: string): Promise<MetaArtifact | null> {
  const store = process.env.THREADGRAPH_STORE ?? (await loadConfig(root)).store;
  const candidates = [
    join(root, "src/data/site/meta.json"), // static artifacts (benchmarks, hand-made sites)
    join(resolve(root, store), "site/meta.json"), // what `threadgraph analyze` writes by default
  ];
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    try {
      return JSON.parse(readFileSync(file, "utf8")) as MetaArtifact;
    } catch {
      return null; // a half-written file: build without detail pages rather than crash
    }
  }
  return null;
}
