// A built site showing ANOTHER store's data without a second `observable build` (~20 CPU-s and a
// minute of a test run): a copy of a built dist whose data files (_file/data/site/...) hold what the
// data loaders give for that store. A build's pages and modules do not depend on the store, only
// the data files' hashed names and sizes do (an empty-store build and the synthetic one, diffed with
// hashes and sizes masked, were equal on 2026-11-30). A data file the pages use that the loaders do
// not give for the store is an error here, as it is for `observable build`.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { siteArtifacts } from "../../loaders/analysis/archive.ts";
import { serveDir, type StaticServer } from "./static-server.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
import { ingestAndAnalyze } from "./pipeline.ts";
import { cachedEntry, siteCacheEnabled, siteKey } from "./site-cache.ts";
import { syntheticMaintainersFlags, writeSyntheticCorpus } from "./synthetic-corpus.ts";

/** Where Framework puts the data loaders' files, and its content hash in their names ("t-00.1a2b3c4d.json"). */
const DATA = "_file/data/site";
const HASHED = /^(.+)\.[0-9a-f]{8}(\.[^./]+)$/;

const files = (d: string): string[] => readdirSync(d, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));

/** Copy `dist` into `into` (default: a new temp dir) with every data file replaced by the loaders' output for `store`. */
export async function distWithStoreData(dist: string, store: string, into?: string): Promise<string> {
  const dir = into ?? mkdtempSync(join(tmpdir(), "tg-store-data-dist-"));
  try {
    cpSync(dist, dir, { recursive: true });
    const artifacts = await siteArtifacts(store); // what src/data/*.zip.ts emit for this store
    const missing: string[] = [];
    for (const file of files(join(dir, DATA))) {
      const rel = relative(join(dir, DATA), file);
      const m = HASHED.exec(rel);
      const content = m ? artifacts.get(`${m[1]}${m[2]}`) : undefined;
      if (content === undefined) missing.push(rel);
      else writeFileSync(file, content);
    }
    if (missing.length) throw new Error(`the data loaders give no ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` (+${missing.length - 5})` : ""} for ${store}, which the pages load`);
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * serveCorpusSite for another corpus without a build of its own: the corpus goes through the real CLI
 * (ingest, analyze) into `tmp`/store, and is served on the synthetic suites' shared build (its data
 * swapped in, `tmp`/dist) in that build's Chromium. Same arguments as serveCorpusSite. Like a build,
 * the store and dist are cached (site-cache.ts, keyed by the corpus, the flags and the base build) and
 * shared between suites: read-only.
 */
export async function serveCorpusData(prefix: string, writeCorpus: (dir: string) => string[], analyzeFlags?: (dir: string) => string[]): Promise<ServedSite> {
  const base = await serveCorpusSite(prefix, writeSyntheticCorpus, syntheticMaintainersFlags);
  const scratch = mkdtempSync(join(tmpdir(), prefix));
  let server: StaticServer | undefined;
  const close = async () => {
    await server?.close();
    await base.close();
    if (!process.env.TG_KEEP_SITE) rmSync(scratch, { recursive: true, force: true });
  };
  try {
    mkdirSync(SHOTS, { recursive: true });
    const say = (msg: string) => console.log(`# ${msg}`);
    const make = async (dir: string, sources: string[], flags: string[]) => {
      const t0 = performance.now();
      say(`${prefix}: ingest + analyze, for the shared synthetic build with this store's data`);
      ingestAndAnalyze(join(dir, "store"), sources, flags);
      await distWithStoreData(base.site.dist, join(dir, "store"), join(dir, "dist"));
      say(`${prefix}: ready (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    };
    const corpus = join(scratch, "corpus");
    const sources = writeCorpus(corpus);
    const flags = analyzeFlags?.(corpus) ?? [];
    let tmp = scratch;
    if (siteCacheEnabled()) {
      // base.site.dir names the base build's cache entry: a new base build gives a new key
      tmp = await cachedEntry(siteKey(corpus, { sources, flags, dataOn: base.site.dir }), async (work) => {
        renameSync(corpus, join(work, "corpus"));
        const moved = (a: string) => a.split(corpus).join(join(work, "corpus"));
        await make(work, sources.map(moved), flags.map(moved));
      }, say);
    } else await make(scratch, sources, flags);
    const dist = join(tmp, "dist");
    server = await serveDir(dist);
    // site.dir: the project copy that built every file but the data (a path the dist must not name either)
    return { tmp, store: join(tmp, "store"), site: { dir: base.site.dir, dist, buildMs: 0, log: "", cleanup: () => {} }, server, browser: base.browser, close };
  } catch (e) {
    await close();
    throw e;
  }
}
