// All page artifacts of an analysis as file name -> contents (see artifacts.ts for each shape).
import type { Analysis } from "./analyze.ts";
import { ARTIFACT_SCHEMA, FILES, THREAD_PARTS, THREADS_CROSS, THREADS_TOP, type MetaArtifact, type PeopleArtifact } from "./artifacts.ts";
import { buildGraph } from "./build-graph.ts";
import { graphExportsHere, startGraphExports } from "./graph-exports-job.ts";
import { headlineCounts } from "./headline.ts";
import { buildPeopleArtifacts, buildReviews, buildThreadsArtifacts } from "./build-people.ts";
import { buildSeries, personSeriesIndex, threadSeriesIndex } from "./build-series.ts";
import { artifactJson, publicSources } from "./bounded.ts";
import { personShardFiles, searchFiles } from "./shards.ts";
import { threadRowJson } from "./thread-detail-json.ts";
import { startThreadShards, threadShardsHere } from "./thread-shards-job.ts";
import type { SiteWorkerRun } from "./site-worker.ts";
import type { JobWorker } from "./job-worker.ts";
import { peopleJson, peopleRowJson, personDetailJson } from "./person-detail-json.ts";
import type { ThreadsArtifact } from "./artifacts.ts";
import { buildFacts, buildFactsPeople } from "./facts.ts";
import { factPersonIndex } from "./fact-index.ts";
import { buildPeopleColsFacts, personFactsOf } from "./person-facts.ts";
import { buildGraphBuckets, startQuarterMetrics, type QuarterMetrics } from "./graph-buckets.ts";
import { splitGraphBuckets } from "./graph-bucket-parts.ts";
import type { SiteSink } from "./site-sink.ts";
import { nextTurn } from "./next-turn.ts";

export const EMPTY_HINT = "The store is empty. Ingest local archives with `npm run ingest -- LIST=PATH ...` " +
  "(e.g. `npm run ingest -- netdev=../shared/corpus/2024-h2/netdev.mbox.gz`) or fetch from lore with `npm run sync`, " +
  "then run `npm run analyze`.";

/** What the builders hand on to meta.json. */
interface Built { people?: PeopleArtifact; threads?: ThreadsArtifact }

/** Adds the ms `f` takes to `timings[name]` (the bench prints each builder's share). */
export function timed<T>(timings: Record<string, number> | undefined, name: string, f: () => T): T {
  if (!timings) return f();
  const t = performance.now();
  try { return f(); } finally { timings[name] = Math.round((timings[name] ?? 0) + performance.now() - t); }
}

/** `g` run with each part's ms added to `timings[name]`, yielding where it yields. */
function* timedSteps(timings: Record<string, number> | undefined, name: string, g: Generator<void, void, void>): Generator<void, void, void> {
  while (!timed(timings, name, () => g.next()).done) yield;
}

/**
 * Every builder except the graph's (the only one that needs the layout), as steps that add their
 * files. A step is a generator: where it yields, siteFilesBeside turns the event loop, so the
 * derived tables (whose JavaScript part runs on this thread) go on during the long builders.
 */
function steps(a: Analysis, files: SiteSink, b: Built, offloaded: SiteWorkerRun[], timings?: Record<string, number>, host?: JobWorker): [string, () => Generator<void, void, void>][] {
  const json = (name: string, v: unknown) => files.set(name, artifactJson(v));
  return [
    ["threads", function* () {
      const { threads, reviewsOf } = buildThreadsArtifacts(a);
      // Each row's text once: threads.json, its parts, the top rows and each detail hold it.
      const text = threadRowJson(threads.rows), total = threads.rows.length;
      const rowsJson = (ks: Iterable<number>, row = false) => [...ks].map((k) => (row ? `${text[k].slice(0, -1)},"row":${k}}` : text[k])).join(",");
      files.set(FILES.threads, `{"rows":[${text.join(",")}]}`);
      yield;
      const ids = threads.rows.map((r) => r.id);
      const extras = { reviewsOf, seriesOf: threadSeriesIndex(a) };
      // On a worker thread at full scale (it writes into the site directory); awaited before meta.json.
      const off = timed(timings, "a:thread shards", () => startThreadShards(a, ids, text, extras, files, undefined, host));
      if (off) offloaded.push(off);
      else yield* timedSteps(timings, "a:thread shards", threadShardsHere(a, ids, text, extras, files));
      const biggest = threads.rows.map((_, k) => k).sort((x, y) => threads.rows[y].messages - threads.rows[x].messages || x - y).slice(0, THREADS_TOP);
      // ThreadsTopArtifact, ThreadsPartArtifact (artifacts.ts)
      files.set(FILES.threadsTop, `{"total":${total},"rows":[${rowsJson(biggest, true)}]}`);
      // ThreadsTopArtifact too: the biggest cross-posted threads beyond the top ones (one part would
      // hold only a few of them, and a window's cross-posted table wants them from every part).
      const inTop = new Set(biggest), multi = (k: number) => threads.rows[k].lists.length > 1 && !inTop.has(k);
      const cross = threads.rows.map((_, k) => k).filter(multi).sort((x, y) => threads.rows[y].messages - threads.rows[x].messages || x - y).slice(0, THREADS_CROSS);
      files.set(FILES.threadsCross, `{"total":${total},"rows":[${rowsJson(cross, true)}]}`);
      const per = Math.max(1, Math.ceil(total / THREAD_PARTS));
      for (let k = 0; k < THREAD_PARTS; k++) {
        const first = k * per, end = Math.min(total, (k + 1) * per);
        files.set(FILES.threadPart(k), `{"first":${first},"total":${total},"rows":[${rowsJson(range(first, end))}]}`);
      }
      b.threads = threads;
    }],
    ["people", function* () {
      const { people, ids, emails, detailParts, messageIndex } = buildPeopleArtifacts(a);
      const rowJson = peopleRowJson(people);
      files.set(FILES.people, peopleJson(rowJson));
      yield;
      const seriesOf = personSeriesIndex(a), factsOf = personFactsOf(a);
      const detail = personDetailJson(a, detailParts, messageIndex, rowJson);
      yield* timedSteps(timings, "a:person shards", personShardFiles(people, ids, (id) => detail(id, seriesOf(id), factsOf(id)), emails, files));
      timed(timings, "a:search", () => searchFiles(a, b.threads!, people, emails, files));
      b.people = people;
    }],
    ["reviews", function* () { json(FILES.reviews, buildReviews(a)); }],
    ["series", function* () { json(FILES.series, buildSeries(a)); }],
    // Integers only: plain JSON.stringify (artifactJson's text clipping has nothing to do).
    ["facts", function* () {
      // Reply edges, observations and carried tags in files of their own: only the pages that show them load them.
      const { replies, obs, carried, ...facts } = buildFacts(a, b.people?.rows.map((r) => r.id));
      files.set(FILES.facts, JSON.stringify(facts));
      files.set(FILES.factsCarried, JSON.stringify({ carried }));
      files.set(FILES.factsReplies, JSON.stringify({ replies }));
      files.set(FILES.factsObs, JSON.stringify({ obs }));
      files.set(FILES.factsPeople, JSON.stringify(buildFactsPeople(a)));
      const { cols, times } = buildPeopleColsFacts(a);
      files.set(FILES.factsPeopleCols, JSON.stringify(cols));
      files.set(FILES.factsReplyTimes, JSON.stringify(times));
    }],
  ];
}

function bucketFiles(a: Analysis, files: SiteSink, quarters?: QuarterMetrics[]): void {
  const { index, parts } = splitGraphBuckets(buildGraphBuckets(a, factPersonIndex(a), quarters));
  files.set(FILES.graphBuckets, JSON.stringify(index));
  parts.forEach((p, k) => files.set(FILES.graphBucketPart(k), JSON.stringify(p)));
}

function* range(from: number, to: number): Iterable<number> { for (let i = from; i < to; i++) yield i; }


/** graph.json, and the full downloads: on a worker thread when `offloaded` is given and the graph is big (awaited there). */
function graphFiles(a: Analysis, files: SiteSink, offloaded?: SiteWorkerRun[], host?: JobWorker): void {
  const { graph, exports } = buildGraph(a);
  files.set(FILES.graph, artifactJson(graph));
  const off = offloaded ? startGraphExports(exports, files, undefined, host) : null;
  if (off) offloaded!.push(off);
  else graphExportsHere(exports, files);
}

function metaFile(a: Analysis, files: SiteSink, b: Built, storeVersion: string, startedAt: number): void {
  const c = a.corpus, people = b.people!;
  const meta: MetaArtifact = {
    schema: ARTIFACT_SCHEMA, empty: c.messages.length === 0, hint: c.messages.length === 0 ? EMPTY_HINT : null,
    refreshed_at: Date.now(), store_version: storeVersion, window: { start: a.windowStart, end: a.windowEnd, ...a.reportWindow },
    lists: c.lists, sources: publicSources(c.sources),
    // One definition (headline.ts); people_listed: every row of people.json.
    counts: { ...headlineCounts(a), people_listed: people.rows.length },
    elapsed_s: Math.round((Date.now() - startedAt) / 100) / 10,
  };
  files.set(FILES.meta, artifactJson(meta));
}

export function siteFiles(a: Analysis, storeVersion: string, startedAt: number): Map<string, string> {
  const files = new Map<string, string>();
  const b: Built = {};
  graphFiles(a, files);
  for (const [, step] of steps(a, files, b, [])) for (const _ of step()) { /* run to the end */ }
  bucketFiles(a, files);
  metaFile(a, files, b, storeVersion, startedAt);
  return files;
}

/**
 * The same files as siteFiles, built beside work that is still running (runAnalysis: the layout
 * on a worker thread, the derived tables in DuckDB's threads): it yields to the event loop between
 * builders so that work goes on, builds the graph files once `layout` has resolved, and meta.json
 * with the store version `version` gives. `waits` gets the ms spent waiting for each. Each file goes
 * into `files` as soon as it is made (a SiteDirSink writes it and lets its text go). The graph
 * downloads' worker run (if any) is left in `later` for the caller to await, or cancel, after its own files.
 * `host`: the job worker the offloaded builders use (runAnalysis started it early), else one each.
 * `last`: the caller's own files, built before the waits for the thread shards and `version` (not idle meanwhile).
 */
export async function siteFilesBeside(a: Analysis, startedAt: number, layout: Promise<void>, version: () => Promise<string>,
  waits: Record<string, number>, files: SiteSink, later: SiteWorkerRun[], host?: JobWorker, last?: () => void): Promise<void> {
  const b: Built = {};
  // Each quarter's graph metrics on a worker thread (big corpora) beside the builders.
  const quarters = startQuarterMetrics(a, undefined, host);
  const offloaded: SiteWorkerRun[] = [];
  try {
    for (const [name, step] of steps(a, files, b, offloaded, waits, host)) {
      const g = step();
      while (!timed(waits, `a:${name}`, () => g.next()).done) await nextTurn();
      await nextTurn();
    }
    let t = Date.now();
    await layout;
    waits["layout wait"] = Date.now() - t;
    const exports: SiteWorkerRun[] = [];
    timed(waits, "a:graph", () => graphFiles(a, files, exports, host));
    offloaded.push(...exports);
    t = Date.now();
    const q = await quarters;
    waits["quarters wait"] = Date.now() - t;
    // After the layout: the all-time bucket has the betweenness its worker computed.
    timed(waits, "a:buckets", () => bucketFiles(a, files, q));
    last?.();
    t = Date.now();
    for (const o of offloaded) if (!exports.includes(o)) await o.done;
    waits["thread shards wait"] = Date.now() - t;
    // The graph downloads' worker started last: the caller awaits it after its own last files
    // (`later`), so this thread does not idle meanwhile.
    later.push(...exports);
  } catch (e) {
    // Nothing may write into the directory once the caller removes it.
    await Promise.all(offloaded.map((o) => o.cancel()));
    throw e;
  }
  const t = Date.now();
  const v = await version();
  waits["derived wait"] = Date.now() - t;
  metaFile(a, files, b, v, startedAt);
}
