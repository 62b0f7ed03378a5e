// A built site showing ANOTHER store's data without a second `observable build` (~20 CPU-s and a
// minute of a test run): a copy of a built dist whose data files (_file/data/site/...) hold what the
// data loaders give for that store. A build's pages and modules do not depend on the store, only
// the data files' hashed names and sizes do (an empty-store build and the synthetic one, diffed with
// hashes and sizes masked, were equal on 2026-11-30). A data file the pages use that the loaders do
// not give for the store is an error here, as it is for `observable build`.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { siteArtifacts } from "../../loaders/analysis/archive.ts";
import { serveDir, type StaticServer } from "./static-server.ts";
import { serveCorpusSite, SHOTS, type ServedSite } from "./served-site.ts";
import { ingestAndAnalyze } from "./pipeline.ts";
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
 * serveCorpusSite for another corpus without a build of its own: the corpus in `tmp`/corpus goes through
 * the real CLI (ingest, analyze) into `tmp`/store, and is served on the synthetic suites' shared build
 * (its data swapped in, `tmp`/dist) in that build's Chromium. Same arguments as serveCorpusSite.
 */
export async function serveCorpusData(prefix: string, writeCorpus: (dir: string) => string[], analyzeFlags?: (dir: string) => string[]): Promise<ServedSite> {
  const base = await serveCorpusSite(prefix, writeSyntheticCorpus, syntheticMaintainersFlags);
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  let server: StaticServer | undefined;
  const close = async () => {
    await server?.close();
    await base.close();
    if (!process.env.TG_KEEP_SITE) rmSync(tmp, { recursive: true, force: true });
  };
  try {
    mkdirSync(SHOTS, { recursive: true });
    const t0 = performance.now();
    console.log(`# ${prefix}: ingest + analyze, served on the shared synthetic build with its data`);
    const corpus = join(tmp, "corpus");
    const sources = writeCorpus(corpus);
    ingestAndAnalyze(join(tmp, "store"), sources, analyzeFlags?.(corpus) ?? []);
    const dist = await distWithStoreData(base.site.dist, join(tmp, "store"), join(tmp, "dist"));
    server = await serveDir(dist);
    console.log(`# ${prefix}: ready (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    // site.dir: the project copy that built every file but the data (a path the dist must not name either)
    return { tmp, store: join(tmp, "store"), site: { dir: base.site.dir, dist, buildMs: 0, log: "", cleanup: () => {} }, server, browser: base.browser, close };
  } catch (e) {
    await close();
    throw e;
  }
}
