// manifest.json: the single commit point of the store. Parts not named here do not exist
// (a killed run leaves at most orphan files, removed by the next writer).
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceCursor } from "../model/records.ts";
import type { PartTable } from "./schema.ts";

export interface SourceState {
  kind: string;
  path: string;
  list?: string;
  cursor: SourceCursor | null;
  /** Its LIST= tag changed once: the arrivals view prefers copies carrying the current tag. */
  retagged?: boolean;
}

export interface Manifest {
  format: 1;
  /** Incremented by every commit; part files are named after the generation that wrote them. */
  generation: number;
  parts: Record<PartTable, string[]>;
  /** Relative paths of the current people tables, rewritten after each ingest. */
  people: {
    people: string; emails: string;
    /** people_suspects table (absent in stores written before it existed). */
    suspects?: string;
    /** Content hash of the tables, identity-inputs hash, and the generation that wrote them. */
    hash: string; inputs: string; generation: number;
  } | null;
  sources: Record<string, SourceState>;
}

export const MANIFEST = "manifest.json";

export function emptyManifest(): Manifest {
  return {
    format: 1,
    generation: 0,
    parts: { messages: [], arrivals: [], trailers: [], errors: [], tombstones: [] },
    people: null,
    sources: {},
  };
}

export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) return emptyManifest();
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: unreadable store manifest (${(e as Error).message})`);
  }
  if (m.format !== 1) throw new Error(`${file}: unsupported store format ${String(m.format)}`);
  return { ...emptyManifest(), ...m, parts: { ...emptyManifest().parts, ...m.parts } };
}

/**
 * Atomic replace: write a temp file, then rename it over the manifest. Readers and a re-run after
 * a kill see the old or the new manifest, never a mix. (No fsync: a killed process's writes are
 * in the page cache already, and fsync per batch costs more than the batch on some filesystems.)
 */
export function writeManifest(dir: string, m: Manifest): void {
  const file = join(dir, MANIFEST);
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, JSON.stringify(m, null, 1));
  renameSync(tmp, file);
}

export function partName(table: string, generation: number, ext: "parquet" | "jsonl" = "parquet"): string {
  return `${table}/part-${String(generation).padStart(6, "0")}.${ext}`;
}
