// Merge a table's parts when there are many: each incremental ingest (e.g. a daily sync) adds a
// part per table, and thousands of tiny Parquet files make every query slow. Same kill safety
// as ingest: the merged part is committed by the manifest, then the old parts are removed.
import { join } from "node:path";
import { partName } from "./manifest.ts";
import { copyToParquet } from "./parquet-writer.ts";
import { PART_TABLES, relationSql, type PartTable } from "./schema.ts";
import type { DuckStore } from "./store.ts";

export const MAX_PARTS = 24;

/** Returns the tables that were compacted. */
export async function compactParts(store: DuckStore, maxParts = MAX_PARTS): Promise<PartTable[]> {
  const m = store.manifest();
  const tables = (Object.keys(PART_TABLES) as PartTable[]).filter((t) => m.parts[t].length > maxParts && m.parts[t].every((p) => p.endsWith(".parquet")));
  if (tables.length === 0) return [];
  const gen = m.generation + 1;
  const con = await store.con();
  const parts = { ...m.parts };
  for (const t of tables) {
    const rel = partName(t, gen);
    // Through relationSql: parts from before a column was added get it (NULL) in the merged part.
    await copyToParquet(con, relationSql(m.parts[t].map((p) => join(store.dir, p)), PART_TABLES[t]), join(store.dir, rel));
    parts[t] = [rel];
  }
  store.commit({ ...m, generation: gen, parts });
  store.cleanOrphans();
  return tables;
}
