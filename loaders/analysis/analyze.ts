// The whole analysis of a corpus, in memory: threads, replies, graph + metrics + layout,
// first-reply observations, reviews, and per-person list activity and home list.
import type { AnalysisPerson, Corpus } from "../model/corpus.ts";
import { buildThreads, type ThreadResult } from "../thread/index.ts";
import { replyEdges, type ReplyEdge, type ReplyStats } from "../graph/replies.ts";
import { buildReplyGraph, byPerson, type ReplyGraph } from "../graph/build.ts";
import { betweennessJob, computeMetrics, type BetweennessJob, type GraphMetrics } from "../graph/metrics.ts";
import { layoutGraph } from "../graph/layout.ts";
import { censorAtListEnds, listObservationEnds, observeFirstReplies, type Observation } from "./survival.ts";
import { pwNakVerdicts, reviewRows, type ReviewRow } from "./reviews.ts";
import { CROSS_LIST_HOME } from "./artifacts.ts";
import { analyzeSeries, type SeriesAnalysis } from "./series.ts";

export interface AnalyzeOptions {
  /** Include bots in the graph metrics (they are always in the data). */
  includeBots?: boolean;
  seed?: number;
  /** Window end: caps each list's end of observation (unanswered threads are censored at their lists' earliest end). */
  windowEnd?: number;
  /** Report window (ISO dates, until exclusive; run.ts restricts the corpus to it). Recorded in meta. */
  window?: { since?: string; until?: string };
  /** Window start (reported in meta; the corpus is already restricted by run.ts). */
  windowStart?: number;
  /**
   * Lay the graph out elsewhere (runAnalysis: on a worker thread, see layout-job.ts): called with
   * the graph with bots, the seed and the default graph's betweenness job; `layout` stays empty
   * and the metrics' betweenness 0 until the caller fills them in (setBetweenness).
   */
  deferLayout?: (graphAll: ReplyGraph, seed: number, betweenness: BetweennessJob) => void;
}

export interface Analysis {
  corpus: Corpus;
  tr: ThreadResult;
  replies: ReplyEdge[];
  replyStats: ReplyStats;
  /** Default graph (bots excluded unless includeBots). Node keys are graphKey(person id). */
  graph: ReplyGraph;
  /** Node metrics by person id. */
  metrics: GraphMetrics;
  /** Graph with bots, for layout and the explorer's bot toggle. */
  graphAll: ReplyGraph;
  /** Positions by person id. */
  layout: Map<string, { x: number; y: number }>;
  observations: Observation[];
  reviews: ReviewRow[];
  reviewsUnresolved: number;
  /** Patch series lifecycle: revisions, groups, outcomes, time to acceptance (analysis/series.ts). */
  series: SeriesAnalysis;
  bots: Set<string>;
  people: Map<string, AnalysisPerson>;
  messagesBy: Map<string, number>;
  /** person -> list -> messages */
  personLists: Map<string, Record<string, number>>;
  home: Map<string, string | null>;
  windowStart: number | null;
  windowEnd: number | null;
  /** The report window asked for (null: all data). */
  reportWindow: { since: string | null; until: string | null };
  timings: Record<string, number>;
}

export function analyzeCorpus(corpus: Corpus, o: AnalyzeOptions = {}): Analysis {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => { const now = performance.now(); timings[name] = Math.round(now - t); t = now; };
  const { messages } = corpus;
  const bots = new Set(corpus.people.filter((p) => p.isBot).map((p) => p.id));
  for (const m of messages) if (m.isBot) bots.add(m.from);
  const tr = buildThreads(messages);
  lap("threads");
  const { edges: replies, stats: replyStats } = replyEdges(messages, tr, bots);
  const names = new Map(corpus.people.map((p) => [p.id, p.name || p.email || p.id]));
  const label = (id: string) => names.get(id) ?? id;
  const graph = buildReplyGraph(replies, { includeBots: o.includeBots }, label);
  const graphAll = o.includeBots ? graph : buildReplyGraph(replies, { includeBots: true }, label);
  lap("graph");
  // A deferred layout starts before the metrics, so its worker has the other core during them too.
  let layout = new Map<string, { x: number; y: number }>();
  if (o.deferLayout) o.deferLayout(graphAll, o.seed ?? 7, betweennessJob(graph, o.seed ?? 42));
  else layout = byPerson(layoutGraph(graphAll, o.seed ?? 7));
  lap("layout");
  const m = computeMetrics(graph, o.seed ?? 42, { deferBetweenness: !!o.deferLayout });
  const metrics = { ...m, nodes: byPerson(m.nodes) };
  lap("metrics");
  let windowStart: number | null = null, windowEnd: number | null = null;
  for (const m of messages) if (m.date !== null) {
    if (windowStart === null || m.date < windowStart) windowStart = m.date;
    if (windowEnd === null || m.date > windowEnd) windowEnd = m.date;
  }
  if (o.windowEnd !== undefined) windowEnd = o.windowEnd;
  if (o.windowStart !== undefined) windowStart = o.windowStart;
  // Censor unanswered threads at the end of observation of their lists, not the store's last date.
  const ownLists = sourceListsOf(corpus);
  const listEnds = listObservationEnds(messages, ownLists, o.windowEnd);
  const observations = observeFirstReplies(messages, tr, (id) => bots.has(id), censorAtListEnds(listEnds, windowEnd ?? 0));
  const tracked = new Set(corpus.lists);
  const { rows: reviews, unresolved: reviewsUnresolved } = reviewRows(messages, corpus.trailers, tr, tracked, pwNakVerdicts(corpus.verdicts));
  lap("responsiveness+reviews");
  const series = analyzeSeries(corpus, tr, reviews, (id) => bots.has(id), censorAtListEnds(listEnds, windowEnd ?? 0));
  lap("series");
  // Per sender, in one pass (one lookup per message): messages per list and in all.
  const personLists = new Map<string, Record<string, number>>();
  const messagesBy = new Map<string, number>();
  for (const m of messages) {
    let r = personLists.get(m.from);
    if (!r) { personLists.set(m.from, (r = Object.create(null) as Record<string, number>)); messagesBy.set(m.from, 0); }
    messagesBy.set(m.from, messagesBy.get(m.from)! + 1);
    for (const l of m.lists) if (tracked.has(l)) r[l] = (r[l] ?? 0) + 1;
  }
  const home = homeLists(messages, tracked);
  const people = new Map(corpus.people.map((p) => [p.id, p]));
  lap("people");
  return { corpus, tr, replies, replyStats, graph, metrics, graphAll, layout, observations, reviews, reviewsUnresolved, series,
    bots, people, messagesBy, personLists, home, windowStart, windowEnd,
    reportWindow: { since: o.window?.since || null, until: o.window?.until || null }, timings };
}

/**
 * Home list per sender: each message weighs 1/k on each of the k tracked lists it reached, so a
 * cross-post does not count k times; the list with the most weight wins. When the top lists tie
 * (e.g. someone who only posted in one thread cross-posted to every list), the home is
 * CROSS_LIST_HOME rather than whichever list comes first in the config. null: no tracked list.
 */
export function homeLists(messages: { from: string; lists: string[] }[], tracked: Set<string>): Map<string, string | null> {
  // Per sender a slot, per tracked list a column of one flat array: no Map per sender nor closure
  // per message (at 200k messages those were most of this function's time and garbage).
  const col = new Map<string, number>();
  for (const l of tracked) col.set(l, col.size);
  const k = col.size, slot = new Map<string, number>(), w: number[] = [];
  for (const m of messages) {
    let s = slot.get(m.from);
    if (s === undefined) { slot.set(m.from, (s = slot.size)); for (let j = 0; j < k; j++) w.push(0); }
    // Its distinct tracked lists, in order: each weighs 1/n.
    const ls = m.lists;
    let n = 0;
    for (let i = 0; i < ls.length; i++) if (col.has(ls[i]) && ls.indexOf(ls[i]) === i) n++;
    for (let i = 0; i < ls.length; i++) if (col.has(ls[i]) && ls.indexOf(ls[i]) === i) w[s * k + col.get(ls[i])!] += 1 / n;
  }
  const names = [...col.keys()];
  const home = new Map<string, string | null>();
  for (const [p, s] of slot) {
    // The top two weights; the winner only counts when it leads by more than float noise
    // (1/3 + 1/3 + 1/3 vs 1 is a tie), so which of two equal ones comes first does not matter.
    let top = -1, first = 0, second = 0;
    for (let j = 0; j < k; j++) {
      const x = w[s * k + j];
      if (x <= 0) continue;
      if (top < 0 || x > first) { second = top < 0 ? 0 : first; first = x; top = j; } else if (x > second) second = x;
    }
    home.set(p, top < 0 ? null : second > 0 && first - second < 1e-9 ? CROSS_LIST_HOME : names[top]);
  }
  return home;
}

/**
 * Per message index, the lists of the sources it was read from (a source without a list: none).
 * The store read shares one sources array among the messages of each source combination: the
 * answer is made once per array, not per message.
 */
function sourceListsOf(corpus: Corpus): (i: number) => readonly string[] {
  const sourceList = new Map(corpus.sources.map((x) => [x.source, x.list]));
  const made = new Map<readonly string[], readonly string[]>();
  const none: readonly string[] = [];
  return (i) => {
    const srcs = corpus.messages[i].sources;
    if (!srcs?.length) return none;
    let r = made.get(srcs);
    if (!r) made.set(srcs, (r = srcs.map((x) => sourceList.get(x)).filter((l): l is string => !!l)));
    return r;
  };
}
