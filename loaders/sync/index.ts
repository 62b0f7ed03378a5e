// `threadgraph sync` as a library: refresh the store from public-inbox servers (lore).
// git lists are mirrored first (clone/fetch only the epochs the window needs), then every
// list's source goes through ONE ingest() call, which commits cursors per batch: a killed sync
// resumes where it stopped and a second sync fetches only the overlap at the window's end.
import { join, resolve } from "node:path";
import { inboxUrl, type ListConfig, type SyncMode } from "../config.ts";
import type { Source } from "../model/records.ts";
import type { IngestSummary, SourceSummary } from "../store/api.ts";
import { openStore } from "../store/store.ts";
import { discardUnusedStore, storeFootprint } from "../store/new-store.ts";
import { ingest, IngestError } from "../pipeline/ingest.ts";
import { loreHttpSource, normalizeInbox, type HttpSliceProgress } from "../sources/lore/http-source.ts";
import { describeRetry, HttpClient, type HttpOptions } from "../sources/lore/http-client.ts";
import { discoverEpochs, epochSource, epochsForWindow, messageDate, mirrorEpoch } from "./git-mode.ts";
import { messageLists } from "./message-lists.ts";
import { ProgressReporter, type ListProgress, type ListSummary } from "./progress.ts";
import type { Window } from "../model/window.ts";

export interface SyncOptions {
  store: string;
  /** Where git mode keeps mirrors: <archives>/<list>/git/N.git. */
  archives: string;
  lists: ListConfig[];
  window: Window;
  /** Overrides every list's own mode. */
  mode?: SyncMode;
  defaultMode: SyncMode;
  mailmap?: string;
  overrides?: string;
  /** Identity inputs chosen by flags, saved in the store with the people (see IngestOptions). */
  rememberIdentity?: { mailmap?: string | null; overrides?: string | null };
  http?: HttpOptions;
  maxPerSlice?: number;
  initialSliceDays?: number;
  overlapDays?: number;
  batchSize?: number;
  /** git mode: most bytes one epoch's clone or fetch may bring (sync/epoch-cap.ts). */
  maxEpochBytes?: number;
  progress?: ProgressReporter;
}

export interface SyncResult {
  lists: ListSummary[];
  ok: boolean;
  /** The people tables changed (new senders or other identity inputs). */
  peopleChanged?: boolean;
}

export const inboxOf = (l: ListConfig) => normalizeInbox(inboxUrl(l));

export async function sync(o: SyncOptions): Promise<SyncResult> {
  const reporter = o.progress ?? defaultReporter;
  // Retries show up as they happen (request, attempt n/m, wait), unless the caller observes them.
  const http: HttpOptions = { ...o.http, onRetry: o.http?.onRetry ?? ((r) => reporter.note(`retrying ${describeRetry(r)}`)) };
  const client = new HttpClient(http);
  const rows = new Map<string, ListSummary & { prog: ListProgress; sources: string[] }>();
  let peopleChanged = false;
  const sources: Source[] = [];
  const sourceList = new Map<string, string>();
  const clients = new Map<string, HttpClient>();
  try {
    for (const l of o.lists) {
      const mode = o.mode ?? l.mode ?? o.defaultMode;
      const inbox = inboxOf(l);
      const prog: ListProgress = { list: l.name, mode, phase: "starting", unitsDone: 0, unitsPlanned: 0, messages: 0, bytes: 0 };
      const row: ListSummary & { prog: ListProgress; sources: string[] } = {
        list: l.name, mode, inbox, units: "", requests: 0, bytes: 0, retries: 0, seen: 0, new: 0, duplicate: 0,
        conflicting: 0, deleted: 0, errors: 0, outsideWindow: 0, elapsedMs: 0, prog, sources: [] as string[],
      };
      rows.set(l.name, row);
      const lc = new HttpClient(http, client);
      clients.set(l.name, lc);
      try {
        const srcs = mode === "git" ? await gitSources(o, l.name, inbox, lc, row) : [httpSource(o, l, inbox, lc, row)];
        for (const s of srcs) {
          sources.push(timed(s, row));
          sourceList.set(s.id, l.name);
          row.sources.push(s.id);
        }
      } catch (e) {
        row.failure = (e as Error).message;
      }
    }

    const footprint = storeFootprint(resolve(o.store));
    const store = await openStore(resolve(o.store));
    let summary: IngestSummary;
    try {
      summary = await ingest(store, sources, {
        lists: o.lists.map((l) => ({ name: l.name, address: l.address })),
        mailmap: o.mailmap, overrides: o.overrides, rememberIdentity: o.rememberIdentity, batchSize: o.batchSize,
        onProgress: (p) => {
          const r = rows.get(sourceList.get(p.source) ?? "");
          if (!r || r.mode !== "git") return;
          r.prog.phase = "ingesting";
          r.prog.messages = p.messages;
          reporter.update(r.prog);
        },
      });
    } catch (e) {
      if (!(e instanceof IngestError)) throw e;
      summary = e.summary;
      for (const f of e.failures) {
        const r = rows.get(sourceList.get(f.source) ?? "");
        if (r) r.failure = r.failure ? `${r.failure}; ${f.message}` : f.message;
      }
    } finally {
      reporter.done();
      await store.close();
    }
    peopleChanged = !!summary.peopleChanged;
    for (const s of summary.sources) addSummary(rows.get(sourceList.get(s.source) ?? ""), s);
    for (const r of rows.values()) {
      const st = clients.get(r.list)!.stats;
      // git mode: HTTP requests (discovery) plus what git received.
      const gitBytes = r.mode === "git" ? r.prog.bytes : 0;
      Object.assign(r, { requests: st.requests, retries: st.retries, bytes: st.bytes + gitBytes });
    }
    // A list that failed (even before ingest, e.g. epoch discovery) fails the sync: into a
    // directory without a store, a sync that committed nothing leaves none behind.
    if ([...rows.values()].some((r) => r.failure)) discardUnusedStore(footprint);
  } finally {
    client.close();
  }
  const lists = [...rows.values()].map(({ prog: _p, sources: _s, ...r }) => r);
  return { lists, ok: lists.every((r) => !r.failure), peopleChanged };
}

/** Adds the wall time spent reading a source (fetch + parse + store, which run interleaved) to its list. */
function timed(src: Source, row: ListSummary): Source {
  return {
    ...src,
    read: async function* (cursor, ctx) {
      const t0 = Date.now();
      try {
        yield* src.read(cursor, ctx);
      } finally {
        row.elapsedMs += Date.now() - t0;
      }
    },
  };
}

function addSummary(r: ListSummary | undefined, s: SourceSummary): void {
  if (!r) return;
  r.seen += s.seen;
  r.new += s.new;
  r.duplicate += s.duplicate;
  r.conflicting += s.conflicting;
  r.deleted += s.deleted;
  r.errors += s.error;
}

function httpSource(o: SyncOptions, l: ListConfig, inbox: string, client: HttpClient, row: ListSummary & { prog: ListProgress }): Source {
  const reporter = o.progress;
  return loreHttpSource({
    list: l.name, inbox, window: o.window, client, maxPerSlice: o.maxPerSlice, initialSliceDays: o.initialSliceDays, overlapDays: o.overlapDays,
    dateOf: (b) => messageDate(b), // a slice answered with another window's mail is refused
    listsOf: messageLists, address: l.address, aliases: l.aliases, // and one answered with another list's mail
    onProgress: (p: HttpSliceProgress) => {
      Object.assign(row.prog, { phase: `fetching ${p.slice ?? ""}`, unitsDone: p.slicesDone, unitsPlanned: p.slicesPlanned, messages: p.messages, bytes: p.bytes });
      row.units = `${p.slicesDone} slices${p.splits ? ` (${p.splits} split)` : ""}${p.failed ? `, ${p.failed} failed` : ""}`;
      (reporter ?? defaultReporter).update(row.prog);
    },
  });
}
const defaultReporter = new ProgressReporter();

async function gitSources(o: SyncOptions, list: string, inbox: string, client: HttpClient, row: ListSummary & { prog: ListProgress }): Promise<Source[]> {
  const reporter = o.progress ?? defaultReporter;
  row.prog.phase = "discovering epochs";
  reporter.update(row.prog, true);
  const all = await discoverEpochs(client, inbox);
  const needed = epochsForWindow(all, o.window);
  row.prog.unitsPlanned = needed.length;
  const counts = { clone: 0, fetch: 0 };
  const dirs: string[] = [];
  let gitBytes = 0;
  for (const e of needed) {
    const dest = join(resolve(o.archives), list, "git", `${e.n}.git`);
    const t0 = Date.now();
    row.prog.phase = `mirroring epoch ${e.n}`;
    reporter.update(row.prog, true);
    let epochBytes = 0;
    const action = await mirrorEpoch(inbox, e.n, dest, (p) => {
      row.prog.objects = p.objects;
      row.prog.totalObjects = p.totalObjects;
      if (p.bytes !== undefined) row.prog.bytes = gitBytes + (epochBytes = p.bytes);
      reporter.update(row.prog);
    }, client, o.maxEpochBytes);
    gitBytes += epochBytes;
    counts[action]++;
    row.elapsedMs += Date.now() - t0;
    row.prog.unitsDone++;
    row.prog.objects = row.prog.totalObjects = undefined;
    dirs.push(dest);
  }
  row.units = `${counts.clone} cloned, ${counts.fetch} fetched, ${all.length - needed.length} skipped`;
  const outside = { outside: 0 };
  Object.defineProperty(row, "outsideWindow", { get: () => outside.outside, enumerable: true });
  return dirs.map((d) => epochSource(d, list, o.window, outside));
}
