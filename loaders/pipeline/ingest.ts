// Ingest orchestrator: sources -> parse -> dedup -> batched, committed Parquet parts.
// Each batch commits its parts together with the source's cursor, so a killed run
// resumes from the last commit and ends with exactly the store one uninterrupted run gives.
import { adoptRenamed } from "./renamed-source.ts";
import { DEFAULT_LISTS } from "../config.ts";
import { withoutBytes, type ParsedMessage, type ReadContext, type Source, type SourceItem, type StoredCopy, type TrackedList } from "../model/records.ts";
import { sqlString } from "../store/sql.ts";
import type { IngestOptions, IngestSummary, SourceSummary, Store } from "../store/api.ts";
import { invalidatePageCache } from "./page-cache.ts";
import { acquireLock } from "../store/lock.ts";
import { discardUnusedStore, storeFootprint } from "../store/new-store.ts";
import { loadIdentityFiles, rebuildPeople } from "./people.ts";
import { saveIdentityChoice } from "../store/settings.ts";
import { DuckStore } from "../store/store.ts";
import { Batch } from "../store/batch.ts";
import { compactParts } from "../store/compact.ts";
import { Sealer } from "../store/sealer.ts";
import { parseStream } from "../parse/index.ts";

export interface ParseContext {
  trackedLists: TrackedList[];
  archiveList?: string;
  fallbackDate?: number;
}
export type ParseResult =
  | { item: SourceItem; parsed: ParsedMessage; error?: undefined }
  | { item: SourceItem; parsed?: undefined; error: unknown };
export type ParseStreamFn = (items: AsyncIterable<SourceItem>, ctx: ParseContext) => AsyncIterable<ParseResult>;

export interface IngestDeps {
  /** The parser; defaults to loaders/parse. Tests inject hand-made ParsedMessage streams. */
  parseStream?: ParseStreamFn;
}

// Small enough that peak memory stays flat (a batch is held in memory), large enough that
// per-commit costs (one Parquet file per table, a manifest rename) stay negligible.
export const DEFAULT_BATCH_SIZE = 2000;

/** A source failed as a whole (missing file, truncated .gz...): what was committed stays. */
export class IngestError extends Error {
  constructor(readonly summary: IngestSummary, readonly failures: { source: string; message: string }[]) {
    super(failures.map((f) => f.message).join("\n"));
  }
}

export function trackedLists(extra: { name: string; address: string }[] = []): TrackedList[] {
  const byName = new Map<string, TrackedList>(DEFAULT_LISTS.map((l) => [l.name, { name: l.name, address: l.address }]));
  for (const l of extra) byName.set(l.name, { name: l.name, address: l.address.toLowerCase() });
  return [...byName.values()];
}

export async function ingest(store: Store, sources: Source[], opts: IngestOptions = {}, deps: IngestDeps = {}): Promise<IngestSummary> {
  if (!(store instanceof DuckStore)) throw new Error("ingest needs a store opened with openStore()");
  const started = Date.now();
  const parse = deps.parseStream ?? parseStream;
  // Read identity files first: a bad mailmap/override line fails before anything is committed.
  const identity = loadIdentityFiles({ mailmaps: opts.mailmap ? [opts.mailmap] : [], overrides: opts.overrides });
  const footprint = storeFootprint(store.dir); // before the lock: acquiring it creates the directory
  const lock = acquireLock(store.dir);
  const summaries: SourceSummary[] = [];
  const failures: { source: string; message: string }[] = [];
  const before = store.manifest();
  let peopleChanged = false;
  let threw = true;
  try {
    // Never write into a store whose manifest is missing or names files that are gone.
    store.rebuildsPeople = true; // this run rebuilds people: damaged people tables do not stop it
    store.initialize();
    store.checkNamedFiles();
    store.cleanOrphans();
    const startGeneration = store.manifest().generation;
    const lists = trackedLists(opts.lists);
    const seen = new SeenIds(store);
    const sealer = new Sealer(store);
    await sealer.flush(); // parts a killed run staged
    const renamed: Source[] = [];
    for (const given of sources) {
      const { source, renamedFrom } = adoptRenamed(store.manifest(), given);
      const sum: SourceSummary = { source: source.id, path: source.path, list: source.list, seen: 0, new: 0, duplicate: 0, conflicting: 0, deleted: 0, error: 0 };
      if (renamedFrom) sum.renamed = { from: renamedFrom, to: source.path };
      summaries.push(sum);
      try {
        await ingestSource(store, source, lists, seen, sealer, sum, parse, opts);
        if (renamedFrom) renamed.push(source);
      } catch (e) {
        const msg = (e as Error)?.message ?? String(e);
        failures.push({ source: source.id, message: msg.includes(source.path) ? msg : `${source.path}: ${msg}` });
      }
    }
    if (failures.length === 0) for (const r of renamed) recordPath(store, r); // a failed run changes nothing more
    try {
      await sealer.flush();
      // A run that failed without committing anything leaves the store as it was: no people
      // rebuild (e.g. with another mailmap), no saved identity choice, no compaction, no garbage collection.
      if (failures.length === 0 || store.manifest().generation > startGeneration) {
        await compactParts(store);
        await rebuildPeople(store, identity);
        // The saved identity choice describes the people now in the store.
        if (opts.rememberIdentity) saveIdentityChoice(store.dir, opts.rememberIdentity);
        peopleChanged = store.manifest().people?.hash !== before.people?.hash;
        store.collectGarbage();
        invalidatePageCache();
      }
    } catch (e) {
      // Sealing, compaction or the people rebuild failed (a full disk, say): every commit is a
      // manifest rename, so what was committed stands; say so instead of a bare error.
      failures.push({ source: store.dir, message: `${(e as Error)?.message ?? String(e)}. The mail committed so far is intact; ` +
        "fix the cause (e.g. free disk space) and run the command again to finish" });
    }
    threw = false;
  } finally {
    store.rebuildsPeople = false;
    lock.release();
    // A failed run into a directory without a store commits nothing: leave no empty store behind.
    if (threw || failures.length) discardUnusedStore(footprint);
  }
  const summary: IngestSummary = { sources: summaries, elapsedMs: Date.now() - started, peopleChanged };
  if (failures.length) throw new IngestError(summary, failures);
  return summary;
}


const TALLIED = ["new", "duplicate", "conflicting", "deleted", "error"] as const;
type Tally = Record<(typeof TALLIED)[number], number>;
const emptyTally = (): Tally => ({ new: 0, duplicate: 0, conflicting: 0, deleted: 0, error: 0 });

async function ingestSource(
  store: DuckStore, source: Source, lists: TrackedList[], seen: SeenIds, sealer: Sealer, sum: SourceSummary,
  parse: ParseStreamFn, opts: IngestOptions,
): Promise<void> {
  const started = Date.now(); // progress rates are per source
  const batchSize = Math.max(1, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const state = store.manifest().sources[source.id];
  // A new LIST= tag for a stored source: read it again, so every copy carries the new tag (the
  // arrivals view then prefers those copies over the old tag's, see store/schema.ts).
  const retag = state !== undefined && (state.list ?? null) !== (source.list ?? null);
  if (retag) sum.retagged = { from: state.list ?? null, to: source.list ?? null };
  const ctx: ParseContext = { trackedLists: lists, archiveList: source.list };
  let batch = new Batch(source);
  // What the current batch holds; it counts in the summary only once that batch is committed
  // (a failed commit, e.g. a full disk, stored nothing, so the summary says so).
  let tally = emptyTally();
  let bytes = 0;
  let lastReport = 0;
  const report = (force = false) => {
    const now = Date.now();
    if (!opts.onProgress || (!force && now - lastReport < 200)) return;
    lastReport = now;
    // bytes counts decoded message bytes, so a compressed file's size cannot give an ETA.
    const totalBytes = /\.gz$/i.test(source.path) ? undefined : source.sizeHint;
    opts.onProgress({ source: source.id, messages: sum.seen, bytes, totalBytes, elapsedMs: now - started });
  };
  // Batch N is written and committed while the parser works on batch N+1; commits stay in order
  // (each waits for the previous), and the manifest names a part only after it is written.
  let pending: Promise<void> = Promise.resolve();
  const commit = async (wait: boolean) => {
    await pending;
    if (batch.size > 0) {
      const b = batch, t = tally;
      batch = new Batch(source);
      tally = emptyTally();
      pending = (async () => {
        await b.commit(store);
        for (const k of TALLIED) sum[k] += t[k];
        await sealer.step();
        invalidatePageCache();
      })();
      pending.catch(() => undefined); // surfaced by the next await
    }
    if (wait) await pending;
  };
  // Read again from its start (a re-tag, back to a tag it had before; an mbox rewritten in place, so
  // its cursor no longer fits), a source meets copies and errors rows it stored then: they are not
  // stored again (a second copy made each message its own duplicate; errors counted twice). An errors
  // row is known by its position only, so only a re-tag (the same bytes again) skips one: a rewritten
  // mbox may hold another bad entry at the same offset. Loaded
  // at once for a re-tag; otherwise the first item tells (its position already stored: a re-read),
  // so a run that only reads new mail pays one lookup.
  let before = retag ? await storedRows(store, source.id, source.list ?? null) : null;
  let checked = retag || state === undefined;
  const checkReread = async (prov: { source: string; position: string }) => {
    if (checked) return;
    checked = true;
    if (await positionStored(store, source.id, prov)) before = await storedRows(store, source.id, source.list ?? null);
  };
  try {
    const readCtx: ReadContext = { storedPositions: () => storedPositions(store, source.id), storedCopies: (src) => storedCopies(store, src) };
    for await (const r of parse(source.read(retag ? undefined : state?.cursor ?? undefined, readCtx), ctx)) {
      const item = r.item;
      if (!withoutBytes(item)) bytes += item.bytes.length;
      if (item.kind === "advance") {
        batch.skip(item.cursor); // no message at this position: not seen, not counted
      } else if (item.kind === "stored") {
        sum.seen++; tally.duplicate++; // the same copy read again (a re-read from the start): no second row
        batch.skip(item.cursor);
      } else if (item.kind === "delete" && item.copyOf !== undefined) {
        tally.deleted++; // a copy gone from a rewritten history: named by the source, nothing to parse
        batch.tombstone(item.copyOf, item.provenance, item.cursor, true);
      } else if (item.kind === "error") {
        sum.seen++; tally.error++;
        await checkReread(item.provenance);
        if (retag && before?.errors.has(errorKey(item.provenance.position, item.reason))) batch.skip(item.cursor);
        else batch.error(item.provenance.position, item.reason, item.cursor);
      } else if (r.parsed === undefined) {
        if (item.kind === "message") sum.seen++;
        tally.error++;
        await checkReread(item.provenance);
        if (retag && before?.errors.has(errorKey(item.provenance.position, reasonOf(r.error)))) batch.skip(item.cursor);
        else batch.error(item.provenance.position, reasonOf(r.error), item.cursor);
      } else if (item.kind === "delete") {
        tally.deleted++;
        batch.tombstone(r.parsed.messageId, item.provenance, item.cursor);
      } else {
        sum.seen++;
        const p = r.parsed;
        if (!seen.loaded) await seen.load();
        await checkReread(item.provenance);
        const prev = seen.get(p.messageId);
        if (prev === undefined) {
          tally.new++;
          seen.set(p.messageId, p.contentHash);
          batch.message(p, item.provenance);
        } else if (prev === p.contentHash) tally.duplicate++;
        else tally.conflicting++;
        if (before?.arrivals.has(arrivalKey(p.messageId, p.contentHash, item.provenance.source, item.provenance.position, item.provenance.list ?? source.list ?? null))) {
          batch.skip(item.cursor);
        } else batch.arrival(p, item.provenance, item.cursor);
      }
      if (batch.size >= batchSize) await commit(false);
      if ((sum.seen & 255) === 0) report();
    }
  } finally {
    // Keep everything read before a failure (truncated .gz, vanished file): a re-run resumes here.
    await commit(true);
    report(true);
  }
}

/** Message-ID -> content hash of everything stored, loaded on the first message (not on no-op runs). */
class SeenIds {
  private map = new Map<string, string>();
  loaded = false;
  constructor(private store: DuckStore) {}
  async load(): Promise<void> {
    if (this.store.manifest().parts.messages.length === 0) {
      this.loaded = true;
      // A new store: nothing to look up. Start DuckDB now without waiting (the sealer needs it
      // later), so its start-up overlaps parsing instead of stalling the first message.
      this.store.con().catch(() => undefined); // a real failure surfaces at the sealer's first use
      return;
    }
    for (const r of await this.store.query<{ id: string; h: string }>("SELECT message_id AS id, content_hash AS h FROM raw_messages")) {
      this.map.set(r.id, r.h);
    }
    this.loaded = true;
  }
  get(id: string): string | undefined {
    return this.map.get(id);
  }
  set(id: string, hash: string): void {
    // The parser's ids are often slices of the whole message text; V8 keeps the parent string
    // alive through a slice, so copy before keeping it for the whole run (flat memory).
    this.map.set((" " + id).slice(1), (" " + hash).slice(1));
  }
}

/**
 * A renamed archive's new path, recorded even when nothing new was read: later runs then know it
 * by its path, also once its content no longer proves it (e.g. a history rewritten by a purge).
 * Not a data change: the generation stays.
 */
function recordPath(store: DuckStore, source: Source): void {
  const m = store.manifest();
  const s = m.sources[source.id];
  if (s && s.path !== source.path) store.commit({ ...m, sources: { ...m.sources, [source.id]: { ...s, path: source.path } } });
}

/** Positions of a source's stored items: its arrivals (every copy read) and its errors rows. */
async function storedPositions(store: DuckStore, source: string): Promise<Set<string>> {
  const id = sqlString(source);
  const rows = await store.query<{ p: string }>(`SELECT position AS p FROM raw_arrivals WHERE source = ${id}
    UNION SELECT position AS p FROM raw_errors WHERE source = ${id}`);
  return new Set(rows.map((r) => r.p));
}

const arrivalKey = (id: string, hash: string, source: string, position: string, list: string | null) => JSON.stringify([id, hash, source, position, list]);
const errorKey = (position: string, reason: string) => JSON.stringify([position, reason]);

/** The arrivals (its epochs' "<id>#N" and slices' "<id>?..." too) and errors rows stored for a source. */
async function storedRows(store: DuckStore, source: string, list: string | null): Promise<{ arrivals: Set<string>; errors: Set<string> }> {
  const m = store.manifest().parts;
  const id = sqlString(source);
  const arrivals = m.arrivals.length === 0 ? [] : await store.query<{ id: string; h: string; s: string; p: string; l: string | null }>(
    `SELECT DISTINCT message_id AS id, content_hash AS h, source AS s, position AS p, list AS l FROM raw_arrivals
      WHERE (source = ${id} OR starts_with(source, ${id} || '#') OR starts_with(source, ${id} || '?'))
        -- only copies stored under this tag can match (arrivalKey holds the list): a re-tag to a new tag loads none
        AND list IS NOT DISTINCT FROM ${list === null ? "NULL" : sqlString(list)}`);
  const errors = m.errors.length === 0 ? [] : await store.query<{ p: string; r: string }>(
    `SELECT DISTINCT position AS p, reason AS r FROM raw_errors WHERE source = ${id}`);
  return { arrivals: new Set(arrivals.map((a) => arrivalKey(a.id, a.h, a.s, a.p, a.l))), errors: new Set(errors.map((e) => errorKey(e.p, e.r))) };
}

/** Whether a copy or errors row of this source is stored at this position (a read starting again). */
async function positionStored(store: DuckStore, source: string, prov: { source: string; position: string }): Promise<boolean> {
  const m = store.manifest().parts;
  if (m.arrivals.length === 0 && m.errors.length === 0) return false;
  const rows = await store.query(`SELECT 1 FROM raw_arrivals WHERE source = ${sqlString(prov.source)} AND position = ${sqlString(prov.position)}
    UNION ALL SELECT 1 FROM raw_errors WHERE source = ${sqlString(source)} AND position = ${sqlString(prov.position)} LIMIT 1`);
  return rows.length > 0;
}

/** The stored copies of one source (exactly that id, e.g. an epoch's "<id>#N"). */
async function storedCopies(store: DuckStore, source: string): Promise<StoredCopy[]> {
  if (store.manifest().parts.arrivals.length === 0) return [];
  return store.query<StoredCopy>(
    `SELECT DISTINCT message_id AS "messageId", position, list FROM raw_arrivals WHERE source = ${sqlString(source)}`);
}

function reasonOf(e: unknown): string {
  if (typeof e === "string") return e;
  return (e as Error)?.message ?? String(e);
}
