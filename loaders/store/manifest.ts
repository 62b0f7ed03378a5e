// manifest.json: the single commit point of the store. Parts not named here are not part of the
// store. A manifest that is missing or damaged while data files exist is an error, never an empty
// store: a writer would otherwise take every part for an orphan and delete it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SourceCursor } from "../model/records.ts";
import type { PartTable } from "./schema.ts";
import { uncommitted } from "./garbage.ts";
import { StoreDamagedError } from "./damage.ts";
import { renameNamed, writeFileNamed } from "./write-file.ts";

export interface SourceState {
  kind: string;
  path: string;
  list?: string;
  cursor: SourceCursor | null;
  /** Its LIST= tag changed once: the arrivals view prefers copies carrying the current tag. */
  retagged?: boolean;
}

/** A file a commit replaced: deleted by a later writer once no reader can still use it. */
export interface RetiredFile { file: string; at: number }

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
  /** Files replaced by a commit, kept for readers of older manifests (absent in older stores). */
  retired?: RetiredFile[];
}

export const MANIFEST = "manifest.json";
/** Directories holding the store's data files (the part tables and people). */
export const DATA_DIRS = ["messages", "arrivals", "trailers", "errors", "tombstones", "verdicts", "message_files", "people"] as const;
const PART_FILE = /^(messages|arrivals|trailers|errors|tombstones|verdicts|message_files)\/part-\d{6,}\.(parquet|jsonl)$/;
const PEOPLE_FILE = /^people\/(people|emails|suspects)-\d{6,}\.parquet$/;

export function emptyManifest(): Manifest {
  return {
    format: 1,
    generation: 0,
    parts: { messages: [], arrivals: [], trailers: [], errors: [], tombstones: [], verdicts: [], message_files: [] },
    people: null,
    sources: {},
  };
}

/** Relative paths of the data files in the store's directories (whatever the manifest says). */
export function dataFiles(dir: string, subs: readonly string[] = DATA_DIRS): string[] {
  const out: string[] = [];
  for (const sub of subs) {
    let names: string[];
    try { names = readdirSync(join(dir, sub)); } catch { continue; }
    for (const f of names) out.push(`${sub}/${f}`);
  }
  return out;
}

const RECOVER = "To recover: restore manifest.json from a backup; or move this directory away and ingest the archives " +
  "again into a new store (threadgraph ingest --store NEW_DIR ...); or, if a file named here is not store data, move that file out of the store.";

export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) {
    const files = dataFiles(dir);
    if (files.length === 0) return emptyManifest();
    throw new StoreDamagedError(`${dir}: holds ${files.length} store data files (e.g. ${files[0]}) but no ${MANIFEST}, so nothing ` +
      `says which of them are committed. threadgraph will neither read nor write this store, so that nothing is lost. ${RECOVER}`, file);
  }
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(file, "utf8").replace(/^\uFEFF/, "")); // an editor's byte-order mark is no damage
  } catch (e) {
    throw new StoreDamagedError(`${file}: unreadable store manifest (${(e as Error).message}). ${RECOVER}`, file);
  }
  if (m && typeof m === "object" && typeof m.format === "number" && m.format > 1) {
    throw new StoreDamagedError(`${file}: this store was written by a newer threadgraph (store format ${m.format}; this version reads ` +
      "format 1). Nothing was read or changed: use the newer version, or ingest the archives into a new store (--store NEW_DIR) with this one.", file);
  }
  if (!m || typeof m !== "object" || m.format !== 1) {
    throw new StoreDamagedError(`${file}: unsupported store format ${String(m?.format)} (expected 1). ${RECOVER}`, file);
  }
  const problem = manifestProblem(m, dir);
  if (problem) throw new StoreDamagedError(`${file}: damaged store manifest: ${problem}. ${RECOVER}`, file);
  return { ...emptyManifest(), ...m, parts: { ...emptyManifest().parts, ...m.parts } };
}

/** What is wrong with a parsed manifest, or null. */
function manifestProblem(m: Manifest, dir: string): string | null {
  if (!Number.isInteger(m.generation) || m.generation < 0) return `generation is ${JSON.stringify(m.generation)}, not a count`;
  if (!m.parts || typeof m.parts !== "object" || Array.isArray(m.parts)) return "it has no parts list";
  for (const table of Object.keys(emptyManifest().parts) as PartTable[]) {
    const list = m.parts[table];
    if (list === undefined) {
      // A table added to the store later may be absent, but only if nothing was ever written for it.
      const files = dataFiles(dir, [table]);
      if (files.length) return `it names no ${table} parts but ${files[0]} exists`;
      continue;
    }
    if (!Array.isArray(list)) return `parts.${table} is not a list`;
    for (const p of list) {
      if (typeof p !== "string" || !PART_FILE.test(p) || !p.startsWith(`${table}/`)) return `parts.${table} names ${JSON.stringify(p)}, not a part file`;
    }
    const twice = list.find((p, i) => list.indexOf(p) !== i); // read twice, its rows would count twice
    if (twice !== undefined) return `parts.${table} names ${JSON.stringify(twice)} twice`;
  }
  if (m.people !== null && m.people !== undefined) {
    const p = m.people;
    const kinds = { people: p.people, emails: p.emails, ...(p.suspects === undefined ? {} : { suspects: p.suspects }) };
    for (const [kind, f] of Object.entries(kinds)) {
      // each table in its own kind of file (people/emails-N.parquet for emails, ...)
      if (typeof f !== "string" || !PEOPLE_FILE.test(f) || !f.startsWith(`people/${kind}-`)) return `people.${kind} names ${JSON.stringify(f)}, not a people/${kind}-NNNNNN.parquet table`;
    }
  }
  if (m.sources !== undefined && (typeof m.sources !== "object" || m.sources === null || Array.isArray(m.sources))) return "sources is not an object";
  for (const [id, s] of Object.entries(m.sources ?? {})) {
    const bad = sourceProblem(s);
    // (an entry only holds a source's cursor and tag: without it, the next ingest reads that archive again)
    if (bad) return `sources[${JSON.stringify(id).slice(0, 200)}] ${bad}; remove that entry from ${MANIFEST} to read the archive again`;
  }
  if (m.retired !== undefined && (!Array.isArray(m.retired) || m.retired.some((r) => typeof r?.file !== "string" || typeof r.at !== "number" || !(PART_FILE.test(r.file) || PEOPLE_FILE.test(r.file))))) {
    return "retired is not a list of files";
  }
  // Committed data the manifest does not account for (a manifest edited, restored from an older
  // copy or damaged so that it lost parts): reading would silently hide that mail.
  const accounted = new Set([...Object.values(m.parts).flat(), ...(m.retired ?? []).map((r) => r.file)]);
  const full = { ...emptyManifest(), ...m, parts: { ...emptyManifest().parts, ...m.parts } };
  for (const rel of dataFiles(dir, Object.keys(emptyManifest().parts))) {
    if (PART_FILE.test(rel) && !accounted.has(rel) && !uncommitted(rel, full)) return `it does not name ${rel}, which holds committed data`;
  }
  return null;
}

/** What is wrong with one sources entry, or null. */
function sourceProblem(s: unknown): string | null {
  if (!s || typeof s !== "object" || Array.isArray(s)) return `is ${JSON.stringify(s)?.slice(0, 80)}, not a source entry`;
  const e = s as Record<string, unknown>;
  if (typeof e.kind !== "string") return "has no kind";
  if (typeof e.path !== "string") return "has no path";
  if (e.list !== undefined && e.list !== null && typeof e.list !== "string") return `has list ${JSON.stringify(e.list)?.slice(0, 80)}`;
  if (e.cursor !== undefined && e.cursor !== null && (typeof e.cursor !== "object" || Array.isArray(e.cursor))) return `has cursor ${JSON.stringify(e.cursor)?.slice(0, 80)}`;
  if (e.retagged !== undefined && typeof e.retagged !== "boolean") return `has retagged ${JSON.stringify(e.retagged)?.slice(0, 80)}`;
  return null;
}

/** Every data file the manifest names (parts and people tables). */
export function namedFiles(m: Manifest): string[] {
  const out = Object.values(m.parts).flat();
  if (m.people) out.push(m.people.people, m.people.emails, ...(m.people.suspects ? [m.people.suspects] : []));
  return out;
}

/**
 * Atomic replace: write a temp file, then rename it over the manifest. Readers and a re-run after
 * a kill see the old or the new manifest, never a mix. (No fsync: a killed process's writes are
 * in the page cache already, and fsync per batch costs more than the batch on some filesystems.)
 */
export function writeManifest(dir: string, m: Manifest): void {
  const file = join(dir, MANIFEST);
  const tmp = `${file}.tmp`;
  writeFileNamed(tmp, JSON.stringify(m, null, 1));
  renameNamed(tmp, file);
}

export function partName(table: string, generation: number, ext: "parquet" | "jsonl" = "parquet"): string {
  return `${table}/part-${String(generation).padStart(6, "0")}.${ext}`;
}
