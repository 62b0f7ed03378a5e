// A site built from a synthetic corpus (ingest + analyze + build), served from a plain static
// server and opened in Chromium: the setup every browser suite shares.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch, type Browser } from "./browser.ts";
import { serveDir, type StaticServer } from "./static-server.ts";
import { buildSite, REPO, type SiteBuild } from "./site-build.ts";
import { ingestAndAnalyze } from "./pipeline.ts";

/** Where the suites put their screenshots. */
export const SHOTS = join(REPO, "test-output/site");

export interface ServedSite { tmp: string; store: string; site: SiteBuild; server: StaticServer; browser: Browser; close(): Promise<void> }

/**
 * writeCorpus(dir) writes the archives into dir and returns their LIST=PATH sources;
 * analyzeFlags(dir), given the same dir, the extra `threadgraph analyze` flags.
 */
export async function serveCorpusSite(prefix: string, writeCorpus: (dir: string) => string[], analyzeFlags?: (dir: string) => string[]): Promise<ServedSite> {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(SHOTS, { recursive: true });
  const store = join(tmp, "store");
  let site: SiteBuild | undefined, server: StaticServer | undefined, browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    await server?.close();
    site?.cleanup();
    rmSync(tmp, { recursive: true, force: true });
  };
  try {
    const corpus = join(tmp, "corpus");
    ingestAndAnalyze(store, writeCorpus(corpus), analyzeFlags?.(corpus) ?? []);
    site = buildSite({ store, keep: !!process.env.TG_KEEP_SITE });
    server = await serveDir(site.dist);
    browser = await launch();
    return { tmp, store, site, server, browser, close };
  } catch (e) {
    await close();
    throw e;
  }
}
