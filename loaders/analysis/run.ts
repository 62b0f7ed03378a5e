// One entry point for `threadgraph analyze`, the Framework loader and the benchmark:
// store -> corpus -> analysis -> (derived tables) -> page artifacts.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { openStore, type DuckStore } from "../store/store.ts";
import { loadConfig } from "../config.ts";
import type { Corpus } from "../model/corpus.ts";
import { analyzeCorpus, type Analysis, type AnalyzeOptions } from "./analyze.ts";
import { readAnalysisInput, writeDerivedTables } from "./store-io.ts";
import { ARTIFACT_SCHEMA, FILES } from "./artifacts.ts";
import { siteFilesBeside } from "./site.ts";
import type { SiteFiles } from "./site-sink.ts";
import type { SiteWorkerRun } from "./site-worker.ts";
import { zipFiles } from "./zip.ts";
import { startLayout, type LayoutResult } from "./layout-job.ts";
import { JobWorker } from "./job-worker.ts";
import { byPerson, personOfKey } from "../graph/build.ts";
import { setBetweenness } from "../graph/metrics.ts";
import { affiliationSetup } from "./affiliation-setup.ts";
import { describeAffiliations, planAffiliations, readAffiliations, runAffiliations, writeAffiliationTables, type AffiliationOptions, type AffiliationRead } from "./affiliation-tables.ts";
import type { Affiliations } from "./affiliations.ts";
import { affiliationFiles, emptyAffiliationFiles, threadAffiliationFiles, MAINTAINERS_HINT } from "./affiliation-artifacts.ts";
import { buildFactsAffiliations } from "./facts-affiliations.ts";
import { seriesFactFiles } from "./facts-series.ts";
import { allWritten } from "./all-written.ts";

export interface RunOptions extends AnalyzeOptions {
  storeDir: string;
  /** Write derived tables into the store (the CLI does; the page loader only reads). */
  writeDerived?: boolean;
  lists?: string[];
  /** MAINTAINERS chosen by a flag (path/URL; null: none); undefined: the store's or config's choice. */
  maintainers?: string | null;
  /** Fetch a MAINTAINERS URL that is not cached (commands do; page loaders only read the cache). */
  fetchMaintainers?: boolean;
  /** The subsystem/organisation inputs, already loaded (a command loads them before writing anything). */
  affiliationInputs?: AffiliationOptions;
  warn?: (m: string) => void;
}

/** Parse a report window; a bad date is a clear error. */
export function parseWindow(w: { since?: string; until?: string } | undefined): { start?: number; end?: number } {
  const date = (s: string | undefined, name: string): number | undefined => {
    if (s === undefined || s === "") return undefined;
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new Error(`window ${name}: not a date: ${s}`);
    return t;
  };
  const start = date(w?.since, "since"), end = date(w?.until, "until");
  if (start !== undefined && end !== undefined && end <= start) throw new Error(`window: until (${w!.until}) is not after since (${w!.since})`);
  return { start, end };
}

/**
 * Restrict a corpus to messages dated in [start, end) (undated messages are dropped when a
 * window is set). Threading still works across the edge: a reply whose root is before the
 * window gets a phantom parent whose id is the root's Message-ID, so its thread id is the same
 * as in a whole-store analysis; the reply edge to that earlier message is not counted.
 */
export function windowCorpus(c: Corpus, start?: number, end?: number): Corpus {
  if (start === undefined && end === undefined) return { ...c, history: storeHistory(c) };
  const inWin = (d: number | null) => d !== null && (start === undefined || d >= start) && (end === undefined || d < end);
  const messages = c.messages.filter((m) => inWin(m.date));
  const ids = new Set(messages.map((m) => m.id));
  return { ...c, messages, trailers: c.trailers.filter((t) => ids.has(t.messageId)), history: storeHistory(c, start) };
}

/** Senders before `start` and each list's first date, over the whole (unwindowed) corpus. */
export function storeHistory(c: Corpus, start?: number): NonNullable<Corpus["history"]> {
  const priorSenders = new Set<string>();
  const firstDate: Record<string, number> = Object.create(null);
  // "*" (any list) apart, not as a new array per message ahead of its lists: that was 56 MB of garbage at 200k messages.
  for (const m of c.messages) {
    const d = m.date;
    if (d === null) continue;
    if (start !== undefined && d < start) priorSenders.add(m.from);
    if (!(firstDate["*"] <= d)) firstDate["*"] = d;
    for (const l of m.lists) if (!(firstDate[l] <= d)) firstDate[l] = d;
  }
  return { priorSenders, firstDate };
}

export interface RunResult<F extends SiteFiles = Map<string, string>> { files: F; analysis: Analysis; storeVersion: string; timings: Record<string, number>; affiliations: Affiliations | null }

const emptyCorpus = (lists: string[]): Corpus => ({ messages: [], trailers: [], people: [], lists, sources: [] });

/** `o.sink`: where the files go (default a Map in memory; a SiteDirSink writes each one as it is made). */
export async function runAnalysis<F extends SiteFiles = Map<string, string>>(o: RunOptions & { sink?: F }): Promise<RunResult<F>> {
  const started = Date.now();
  const cfg = o.lists && o.window ? null : await loadConfig();
  const lists = o.lists ?? cfg!.lists.map((l) => l.name);
  const win = parseWindow(o.window ?? cfg?.window);
  const opts: AnalyzeOptions = { ...o, window: o.window ?? cfg?.window,
    windowStart: win.start ?? o.windowStart, windowEnd: win.end ?? o.windowEnd };
  const timings: Record<string, number> = {};
  let corpus = emptyCorpus(lists);
  let storeVersion = "none";
  // A missing store is not an error: the site says how to get data.
  const store = existsSync(resolve(o.storeDir)) ? await openStore(o.storeDir) : null;
  // One worker thread for the layout, the quarters, the thread shards and the graph downloads: on a big
  // store started now, with the jobs' modules, so that startup overlaps the store read (this thread mostly
  // waits for DuckDB there).
  const host = new JobWorker();
  if (store && storeMessageBytes(store) >= jobWorkerPrestart.fromMessageBytes) host.start(true);
  try {
    // Subsystem/organisation inputs: MAINTAINERS loaded (beside opening the store) and parsed, then read with the
    // corpus (one scan of the messages view for both; the read needs MAINTAINERS' list addresses). When they
    // fail, the corpus is read alone and the error is handled where the affiliations are computed.
    const setup = !store ? null : o.affiliationInputs ? Promise.resolve(o.affiliationInputs)
      : affiliationSetup(o.storeDir, { maintainers: o.maintainers, fetch: o.fetchMaintainers, writeDerived: !!o.writeDerived, warn: o.warn });
    const plan = setup?.then(planAffiliations) ?? null;
    plan?.catch(() => {}); // awaited (or its error handled) in the chain below
    let t = Date.now();
    let early: Promise<{ inputs: AffiliationOptions; read: Promise<AffiliationRead> }> | null = null;
    if (store) {
      const planned = await plan?.catch(() => null);
      const input = await readAnalysisInput(store, lists, planned?.lists ?? null);
      corpus = windowCorpus(input.corpus!, win.start, win.end);
      const read = input.affiliation;
      early = plan && plan.then((p) => ({ inputs: p.inputs, read: read!.then((x) => ({ maintainers: p.maintainers, input: x })) }));
      early?.then((x) => x.read).catch(() => {}); // awaited (or its plan's error handled) in the chain below
    }
    timings.read = Date.now() - t;
    // The layout (then betweenness) runs on a worker thread (big graphs) and the derived tables are written by
    // DuckDB's threads while this thread goes on with the rest and builds the page artifacts.
    let layout: Promise<LayoutResult> | null = null;
    const analysis = analyzeCorpus(corpus, { ...opts, deferLayout: (g, seed, job) => { layout = startLayout(g, seed, undefined, job, host); } });
    Object.assign(timings, analysis.timings);
    // Only graph.json and its exports use the layout and betweenness: they are built last (site.ts).
    const laidOut = layout ? (layout as Promise<LayoutResult>).then((r) => {
      analysis.layout = byPerson(r.layout);
      if (r.betweenness) setBetweenness(analysis.metrics, analysis.graph, r.betweenness, personOfKey);
    }) : Promise.resolve();
    laidOut.catch(() => {}); // awaited in siteFilesBeside; a run that failed before (its worker cancelled) never awaits it
    // Subsystems and organisations now: their inputs were read with the corpus (DuckDB read them during
    // analyzeCorpus), so this thread computes them at once instead of idling later for the derived writes
    // queued ahead of them; and every builder and table sees the series that know their sections.
    t = Date.now();
    const affiliations = store && setup && early ? await affiliationsOf(store, early, analysis, o, timings) : null;
    if (affiliations) timings.affiliations = Date.now() - t;
    t = Date.now();
    // Every table encoded at this thread's next turn and its COPY queued on the store's connection, so DuckDB
    // writes them while this thread builds the page artifacts (all-written.ts); the series tables are written
    // once, with the sections the series learnt above.
    const derived = store && o.writeDerived ? (async () => {
      await allWritten([writeDerivedTables(store, analysis), ...(affiliations ? [writeAffiliationTables(store, analysis, affiliations)] : [])]);
      timings.derived = Date.now() - t;
    })() : Promise.resolve();
    derived.catch(() => {}); // awaited through version() below: no unhandled rejection meanwhile
    const version = async () => {
      await derived;
      if (store) storeVersion = await store.version();
      return storeVersion;
    };
    const files = o.sink ?? (new Map<string, string>() as SiteFiles as F);
    const later: SiteWorkerRun[] = [];
    try {
      // The affiliation files are built before the derived wait, while DuckDB and the job worker finish.
      const last = () => {
        const t2 = Date.now();
        affiliationSiteFiles(analysis, affiliations, files, o.warn);
        timings["affiliation files"] = Date.now() - t2;
      };
      await siteFilesBeside(analysis, started, laidOut, version, timings, files, later, host, last);
      timings.artifacts = Date.now() - t - timings["layout wait"] - timings["derived wait"];
      t = Date.now();
      for (const r of later) await r.done;
      timings["graph exports wait"] = Date.now() - t;
    } catch (e) {
      // Nothing may write into the directory once the caller removes it, and the derived writes
      // finish before the store closes.
      await Promise.all(later.map((r) => r.cancel()));
      await derived.catch(() => {});
      throw e;
    }
    return { files, analysis, storeVersion, timings, affiliations };
  } finally {
    // Every job is answered on success; on a failure this stops the ones still running.
    await host.terminate();
    await store?.close();
  }
}

/** The affiliations of the analysis (runAffiliations); a page loader whose MAINTAINERS failed goes on without them (a command stops). */
async function affiliationsOf(store: DuckStore, early: Promise<{ inputs: AffiliationOptions; read: Promise<AffiliationRead> }>,
  analysis: Analysis, o: RunOptions, timings: Record<string, number>): Promise<Affiliations> {
  let inputs, read;
  try {
    ({ inputs, read } = await early);
  } catch (e) {
    // A command names the problem (a missing file, an unreachable URL never cached); a page
    // loader builds the site without subsystems rather than failing.
    if (o.fetchMaintainers) throw e;
    (o.warn ?? console.error)(`subsystems left out: ${(e as Error).message}`);
    inputs = await affiliationSetup(o.storeDir, { maintainers: null, writeDerived: !!o.writeDerived, warn: o.warn });
  }
  const t = Date.now();
  const r = await (read ?? readAffiliations(store, inputs));
  timings["affiliations read wait"] = Date.now() - t;
  return runAffiliations(store, analysis, inputs, Promise.resolve(r));
}

/** The subsystem/organisation files, and the series files that use the sections (series.json is built with the other builders). */
function affiliationSiteFiles(analysis: Analysis, aff: Affiliations | null, files: SiteFiles, warn?: (m: string) => void): void {
  if (aff) {
    warn?.(describeAffiliations(aff));
    files.set("affiliations-status.json", JSON.stringify({ status: aff.status, summary: describeAffiliations(aff) }));
    for (const [k, v] of affiliationFiles(analysis, aff)) files.set(k, v);
  } else for (const [k, v] of emptyAffiliationFiles()) files.set(k, v);
  for (const [k, v] of seriesFactFiles(analysis)) files.set(k, v);
  const threadAff = new Map<string, string>();
  threadAffiliationFiles(analysis, aff, threadAff);
  for (const [k, v] of threadAff) files.set(k, v);
  files.set(FILES.factsAffiliations, JSON.stringify(buildFactsAffiliations(analysis, aff, MAINTAINERS_HINT)));
}

/**
 * Bytes of the store's message parts from which runAnalysis starts the job worker before the read:
 * ~150-200 bytes a message, so ~25k messages, below the smallest corpus whose jobs go to the worker
 * (each job still decides by its own threshold; the worker starts on the first job otherwise). A
 * wrong guess costs one worker startup (~0.2 CPU-s) early, or later, not a result.
 */
export const jobWorkerPrestart = { fromMessageBytes: 4_500_000 };

function storeMessageBytes(store: DuckStore): number {
  let n = 0;
  for (const f of store.manifest().parts.messages) try { n += statSync(join(store.dir, f)).size; } catch { /* counted as empty */ }
  return n;
}

/** Replace the artifacts directory with these files. */
export function writeSiteDir(outDir: string, files: Map<string, string>): void {
  rmSync(outDir, { recursive: true, force: true });
  for (const [name, content] of files) {
    const p = join(outDir, name);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, content);
  }
}

/** The store version the artifacts in outDir were made from, or null (none, or another artifact schema). */
export function siteDirVersion(outDir: string): string | null {
  try {
    const meta = JSON.parse(readFileSync(join(outDir, "meta.json"), "utf8"));
    return meta.schema === ARTIFACT_SCHEMA ? meta.store_version ?? null : null;
  } catch { return null; }
}

export { zipFiles };
