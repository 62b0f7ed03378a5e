// What the Framework archive loaders emit. One archive per kind of file keeps each extraction
// cheap (Framework re-reads a whole zip for every file it extracts, so the cost of an archive
// grows with members x size):
//   src/data/site.zip.ts          -> data/site/<file>              (meta, graph, tables, CSV, GEXF...)
//   src/data/site/<part>.zip.ts   -> data/site/<part>/<file>       (the shards of analysis/shards.ts:
//     thread/t-XX.json, message/m-XX.json, person/p-XX.json, address/e-XX.json; search/*.json)
// Fast path: the artifacts `threadgraph analyze` wrote for the store's current version;
// otherwise computed in memory (read-only). A missing store gives empty artifacts (meta.empty).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { loadConfig, resolveStoreDir } from "../config.ts";
import { absoluteWindow, resolveReportWindow } from "../store/report-window.ts";
import { openStore } from "../store/store.ts";
import { runAnalysis, siteDirVersion, zipFiles } from "./run.ts";
import { FILES } from "./artifacts.ts";

export type ArchivePart = "site" | "person" | "thread" | "message" | "address" | "search";

/** The artifact files under dir; with `part`, only that part's (each loader reads its own files, not every shard). */
function readTree(dir: string, part?: ArchivePart): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string, top: boolean) => {
    if (!existsSync(d)) return;
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { if (!top || part !== "site") walk(p, false); } else out.set(relative(dir, p).split("\\").join("/"), readFileSync(p, "utf8"));
    }
  };
  walk(part && part !== "site" ? join(dir, part) : dir, true);
  return out;
}

async function currentVersion(storeDir: string): Promise<string | null> {
  if (!existsSync(storeDir)) return null;
  const s = await openStore(storeDir);
  try { return await s.version(); } finally { await s.close(); }
}

/** All artifact files for the store (or those of one part), fresh. */
export async function siteArtifacts(storeDir?: string, part?: ArchivePart): Promise<Map<string, string>> {
  storeDir ??= await resolveStoreDir();
  const siteDir = join(storeDir, "site");
  const have = siteDirVersion(siteDir);
  if (have !== null && have === (await currentVersion(storeDir)) && missingFiles(siteDir).length === 0) return readTree(siteDir, part);
  // Same report window as every refresh (saved in the store, else the config's), so a stale
  // cache never silently widens the report.
  const window = absoluteWindow(resolveReportWindow(storeDir, (await loadConfig()).window));
  return (await runAnalysis({ storeDir, window })).files;
}

/**
 * The named artifact files (FILES' fixed names) a site dir lacks: one written by an older
 * `analyze` for the same store version lacks the files added since, and pages would fail to load them.
 */
export function missingFiles(siteDir: string): string[] {
  return (Object.values(FILES) as unknown[]).filter((f): f is string => typeof f === "string" && !existsSync(join(siteDir, f)));
}

/** The zip bytes of one archive part. */
export function archivePart(files: Map<string, string>, part: ArchivePart): Buffer {
  const out = new Map<string, string>();
  for (const [name, content] of files) {
    const slash = name.indexOf("/");
    if (part === "site" ? slash < 0 : name.startsWith(`${part}/`)) out.set(part === "site" ? name : name.slice(slash + 1), content);
  }
  return zipFiles(out);
}

export async function emitArchive(part: ArchivePart): Promise<void> {
  process.stdout.write(archivePart(await siteArtifacts(undefined, part), part));
}
