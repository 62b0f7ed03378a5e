// Commands that read a store (stats, query, analyze) open a store that must already exist: they never create one.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { resolveStoreDir, type ThreadgraphConfig } from "../config.ts";
import { openStore } from "../store/store.ts";
import { readManifest } from "../store/manifest.ts";

/** The directory of the store at --store/$THREADGRAPH_STORE/config, or null after telling the user how to make one. */
export async function existingStoreDir(command: string, flag: string | undefined, config: ThreadgraphConfig): Promise<string | null> {
  const dir = await resolveStoreDir(flag, config);
  if (!existsSync(join(dir, "manifest.json"))) {
    try {
      readManifest(dir); // data files without a manifest: say so, not "no store"
    } catch (e) {
      console.error(`threadgraph ${command}: ${(e as Error).message}`);
      return null;
    }
    console.error(`threadgraph ${command}: ${dir}: no store here (run 'threadgraph ingest' first)`);
    return null;
  }
  return dir;
}

/** The store at --store/$THREADGRAPH_STORE/config, or null after telling the user how to make one. */
export async function openExistingStore(command: string, flag: string | undefined, config: ThreadgraphConfig) {
  const dir = await existingStoreDir(command, flag, config);
  return dir === null ? null : openStore(dir);
}
