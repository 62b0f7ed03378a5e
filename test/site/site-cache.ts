// Built sites shared between the browser suites (and between runs): a site build (ingest + analyze +
// vendor bundles + observable build) costs 20-60 s, and several suites open the same synthetic corpus.
// An entry is keyed by everything the build reads: the corpus bytes, the analyze flags, the project's
// code (src/, loaders/, configs, lock files), the test helpers that drive the build, Node's version and
// the THREADGRAPH_* environment. Any change gives a new key, so a hit is the site this code would build.
// Test processes run in parallel: one builds under a lock while the others wait for it.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { REPO } from "./site-build.ts";
import { cachedEntry as sharedEntry } from "../helpers/cache-entry.ts";

/** `TG_SITE_CACHE=0` builds every suite's site afresh (and deletes it afterwards), as before the cache. */
export const siteCacheEnabled = () => process.env.TG_SITE_CACHE !== "0";
export const SITE_CACHE_ROOT = join(tmpdir(), "threadgraph-site-cache");
const MAX_AGE_MS = 2 * 86_400_000;

/** Files under dir (recursively, sorted), skipping paths `skip` rejects. */
function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (skip(relative(REPO, p))) continue;
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out;
}

function hashFiles(h: ReturnType<typeof createHash>, files: string[], base: string): void {
  for (const f of files) h.update(`\0${relative(base, f)}\0`).update(readFileSync(f));
}

// Build outputs and caches inside src/ are not inputs (the build regenerates them).
const notInput = (rel: string) => rel.startsWith("src/.observablehq") || /^src\/components\/vendor(-graph)?\.js$/.test(rel) || rel.startsWith("dist");

let code: string | undefined;
/** A digest of the code a site build runs (computed once per process). */
export function codeVersion(): string {
  if (code) return code;
  const h = createHash("sha256").update(process.version);
  const inputs = ["src", "loaders", "observablehq.config.ts", "threadgraph.config.ts", "package.json", "package-lock.json", "tsconfig.json",
    "node_modules/.package-lock.json", "test/site/site-build.ts", "test/site/pipeline.ts", "test/site/served-site.ts", "test/site/site-cache.ts"];
  for (const p of inputs) hashFiles(h, listFiles(join(REPO, p), notInput), REPO);
  for (const [k, v] of Object.entries(process.env).filter(([k]) => k.startsWith("THREADGRAPH_")).sort()) h.update(`\0${k}=${v}`);
  return (code = h.digest("hex"));
}

/** The shared bundled-npm-modules directory for buildSite({ bundles }), keyed by the installed packages and Node. */
export function bundlesDir(): string {
  const h = createHash("sha256").update(process.version);
  hashFiles(h, ["package.json", "package-lock.json", "node_modules/.package-lock.json", "observablehq.config.ts"].flatMap((p) => listFiles(join(REPO, p))), REPO);
  const dir = join(SITE_CACHE_ROOT, `bundles-${h.digest("hex").slice(0, 20)}`);
  if (existsSync(dir)) utimesSync(dir, new Date(), new Date()); // in use: not pruned
  return dir;
}

/** The key of a build from the corpus in `corpusDir` with these args (the corpus path replaced, so any temp dir gives the same key). */
export function siteKey(corpusDir: string, args: unknown): string {
  const h = createHash("sha256").update(codeVersion());
  hashFiles(h, listFiles(corpusDir), corpusDir);
  h.update(JSON.stringify(args).split(corpusDir).join("<corpus>"));
  return h.digest("hex").slice(0, 20);
}

/**
 * The cache entry `key`, built by `build(dir)` into the entry's own directory if no process has built it
 * yet (in place, so the paths a build saw are the paths its users check). Entries are shared and
 * read-only: callers must not write to them.
 */
export async function cachedEntry(key: string, build: (dir: string) => Promise<void>, say: (msg: string) => void): Promise<string> {
  return (await sharedEntry(SITE_CACHE_ROOT, key, build, { label: `site ${key}`, say, maxAgeMs: MAX_AGE_MS })).dir;
}
