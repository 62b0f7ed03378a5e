// A command that fails before committing anything must leave the disk as it found it: a new store
// it had to create (the directory, manifest.json, empty table folders) is taken away again, so the
// next command still says "no store here" instead of reading an empty store. Only what such a
// command creates is removed, never a file it cannot account for.
import { existsSync, readdirSync, rmdirSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { DATA_DIRS, MANIFEST, namedFiles, readManifest } from "./manifest.ts";

/** What was on disk before a writer started: enough to undo the creation of a new store. */
export interface StoreFootprint {
  dir: string;
  dirExisted: boolean;
  manifestExisted: boolean;
}

export function storeFootprint(dir: string): StoreFootprint {
  return { dir, dirExisted: existsSync(dir), manifestExisted: existsSync(join(dir, MANIFEST)) };
}

/** A store with a manifest: something was committed, or an earlier command created it. */
export function storeExists(dir: string): boolean {
  return existsSync(join(dir, MANIFEST));
}

/**
 * Undo the creation of a store that holds no mail: no part and no source committed (its people
 * tables, computed from nothing, are its own files). Returns whether it was removed. A store that
 * existed before, or a directory holding any file the manifest does not name, stays as it is.
 */
export function discardUnusedStore(f: StoreFootprint): boolean {
  if (f.manifestExisted || !storeExists(f.dir)) return false;
  let m;
  try {
    m = readManifest(f.dir);
  } catch {
    return false;
  }
  if (Object.values(m.parts).some((p) => p.length) || Object.keys(m.sources).length) return false;
  const own = new Set([...namedFiles(m), ...(m.retired ?? []).map((r) => r.file)]);
  const dirs = new Set<string>([...DATA_DIRS, "derived"]);
  const files: string[] = [];
  for (const e of readdirSync(f.dir)) {
    if (e === MANIFEST) continue;
    if (!dirs.has(e)) return false; // something else is there: leave it all
    for (const x of readdirSync(join(f.dir, e))) {
      if (!own.has(`${e}/${x}`)) return false; // a file it cannot account for: not ours to delete
      files.push(`${e}/${x}`);
    }
  }
  for (const x of files) unlinkSync(join(f.dir, x));
  for (const e of readdirSync(f.dir)) if (e !== MANIFEST) rmdirSync(join(f.dir, e));
  unlinkSync(join(f.dir, MANIFEST));
  if (!f.dirExisted) rmdirSync(f.dir);
  return true;
}
