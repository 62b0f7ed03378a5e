// A site built from a synthetic corpus (ingest + analyze + build), served from a plain static
// server and opened in Chromium: the setup every browser suite shares. Suites with the same corpus
// and flags share one build (site-cache.ts): the store and dist they get are read-only. A suite on
// another corpus uses serveCorpusData (store-data-site.ts): that build with its store's data, no build of its own.
import { mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, type Browser } from "./browser.ts";
import { serveDir, type StaticServer } from "./static-server.ts";
import { buildSite, REPO, type SiteBuild } from "./site-build.ts";
import { ingestAndAnalyze } from "./pipeline.ts";
import { bundlesDir, cachedEntry, siteCacheEnabled, siteKey } from "./site-cache.ts";

/** Where the suites put their screenshots. */
export const SHOTS = join(REPO, "test-output/site");

/** tmp: the directory holding store/ and the site's project copy (paths the dist must never name). */
export interface ServedSite { tmp: string; store: string; site: SiteBuild; server: StaticServer; browser: Browser; close(): Promise<void> }

const say = (msg: string) => console.log(`# ${msg}`);
const secs = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(0)} s`;

/** Ingest + analyze the corpus in `dir`/corpus into `dir`/store, then build the site into `dir`/project. */
function buildInto(dir: string, sources: string[], flags: string[], prefix: string, keep: boolean): SiteBuild {
  const t0 = performance.now();
  say(`${prefix}: ingest + analyze`);
  ingestAndAnalyze(join(dir, "store"), sources, flags);
  say(`${prefix}: observable build (${secs(t0)})`);
  const site = buildSite({ store: join(dir, "store"), into: join(dir, "project"), keep, bundles: siteCacheEnabled() ? bundlesDir() : undefined });
  say(`${prefix}: built (${secs(t0)})`);
  return site;
}

/**
 * writeCorpus(dir) writes the archives into dir and returns their LIST=PATH sources;
 * analyzeFlags(dir), given the same dir, the extra `threadgraph analyze` flags.
 */
export async function serveCorpusSite(prefix: string, writeCorpus: (dir: string) => string[], analyzeFlags?: (dir: string) => string[]): Promise<ServedSite> {
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(SHOTS, { recursive: true });
  let site: SiteBuild | undefined, server: StaticServer | undefined, browser: Browser | undefined;
  let tmp = scratch;
  const close = async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
    if (!process.env.TG_KEEP_SITE) rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const corpus = join(scratch, "corpus");
    const sources = writeCorpus(corpus);
    const flags = analyzeFlags?.(corpus) ?? [];
    if (siteCacheEnabled()) {
      const key = siteKey(corpus, { sources, flags });
      tmp = await cachedEntry(key, async (work) => {
        renameSync(corpus, join(work, "corpus"));
        const moved = (a: string) => a.split(corpus).join(join(work, "corpus"));
        buildInto(work, sources.map(moved), flags.map(moved), `${prefix} site ${key}`, true);
      }, say);
      const dir = join(tmp, "project");
      site = { dir, dist: join(dir, "dist"), buildMs: 0, log: "", cleanup: () => {} }; // shared: never deleted here
    } else {
      site = buildInto(scratch, sources, flags, prefix, !!process.env.TG_KEEP_SITE); // TG_KEEP_SITE=1 keeps it all in `scratch`
    }
    server = await serveDir(site.dist);
    browser = await launch();
    return { tmp, store: join(tmp, "store"), site, server, browser, close };
  } catch (e) {
    await close();
    throw e;
  }
}
