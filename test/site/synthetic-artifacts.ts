// SYNTHETIC page artifacts (never real data): a seeded, invented corpus of people, threads and a reply
// graph in the shapes of loaders/analysis/artifacts.ts. The site benchmark uses it for the 10,000-node
// graph target, and it lets the pages be exercised at scale without running the pipeline.
import { splitGraphBuckets } from "../../loaders/analysis/graph-bucket-parts.ts";
import type { PeopleColsFacts, ReplyTimesFacts } from "../../loaders/analysis/person-facts.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import type * as A from "../../loaders/analysis/artifacts.ts";
import { ARTIFACT_SCHEMA, FILES, THREAD_PARTS, THREADS_CROSS, THREADS_TOP } from "../../loaders/analysis/artifacts.ts";
import { buildFactsSubsystems } from "../../loaders/analysis/facts-subsystems.ts";
import { MAINTAINERS_HINT } from "../../loaders/analysis/affiliation-artifacts.ts";
import { SHARDS, shardName, shardOf } from "../../loaders/model/shard.ts";

const DAY = 86_400_000;
const START = Date.UTC(2024, 6, 1);
const END = Date.UTC(2024, 11, 31);

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

export interface SyntheticOptions { people: number; threads: number; edgesPerNode: number; seed?: number }

export function syntheticArtifacts(o: SyntheticOptions): Record<string, unknown> {
  const r = rng(o.seed ?? 1);
  const lists = ["linux-cxl", "netdev", "linux-rdma"];
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const months = ["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"];
  const people: A.PersonRow[] = [];
  for (let i = 0; i < o.people; i++) {
    const home = lists[Math.floor(r() ** 1.5 * lists.length)];
    const msgs = Math.max(1, Math.round(1 / (r() + 0.02)));
    const per: Record<string, number> = { [home]: msgs };
    if (r() < 0.2) per[pick(lists)] = (per[pick(lists)] ?? 0) + Math.ceil(msgs / 3);
    people.push({
      id: `p${i}`, key: `p${i}`, name: `Synthetic Person ${i}`, home, email: `person${i}@example.org`, bot: i % 97 === 5,
      messages: Object.values(per).reduce((a, b) => a + b, 0), lists: per, threads: Math.ceil(msgs / 2), threads_started: Math.ceil(msgs / 5),
      first: START + r() * 90 * DAY, last: END - r() * 60 * DAY, replies_sent: Math.floor(msgs * 0.7), replies_received: Math.floor(msgs * 0.6),
      reviews_given: Math.floor(r() * 5), reviews_received: Math.floor(r() * 5), naks_given: r() < 0.02 ? 1 : 0, naks_received: 0,
      first_replies: Math.floor(r() * msgs / 3), median_reply_ms: r() * 3 * DAY, pagerank: r() / o.people, community: Math.floor(r() * 8), detail: i < 50,
    });
  }
  const ref = (p: A.PersonRow): A.PersonRef => ({ id: p.id, key: p.key, name: p.name, home: p.home });
  const nodes: A.GraphNode[] = people.map((p, i) => {
    const a = r() * 2 * Math.PI, rad = Math.sqrt(r()) * 1000, c = p.community ?? 0;
    return { ...ref(p), bot: p.bot, messages: p.messages, lists: p.lists, in_w: p.replies_received, out_w: p.replies_sent,
      degree: 0, pagerank: p.pagerank, betweenness: r() * 0.01, community: c, core: 1 + (i % 5),
      x: Math.cos(a) * rad + 400 * Math.cos(c), y: Math.sin(a) * rad + 400 * Math.sin(c), f: i };
  });
  const edges: A.GraphEdge[] = [];
  for (let s = 0; s < nodes.length; s++) for (let k = 0; k < o.edgesPerNode; k++) {
    const t = Math.floor(r() ** 2 * nodes.length);
    if (t === s) continue;
    const mi = Math.floor(r() * months.length);
    const w = 1 + Math.floor(r() * 4);
    edges.push({ s, t, w, l: [lists.indexOf(nodes[s].home ?? "netdev")], m: [mi, w] });
    nodes[s].degree++; nodes[t].degree++;
  }
  const threads: A.ThreadRow[] = [];
  const details: Record<string, A.ThreadDetail> = {};
  for (let i = 0; i < o.threads; i++) {
    const author = people[Math.floor(r() ** 2 * people.length)];
    const tl = r() < 0.15 ? lists.slice(0, 2 + Math.floor(r() * 2)) : [author.home ?? "netdev"];
    const start = START + r() * 170 * DAY;
    const n = 1 + Math.floor(r() * 12);
    const msgs: A.ThreadMessage[] = [];
    const parts = new Map<string, A.PersonRow>();
    for (let j = 0; j < n; j++) {
      const p = j === 0 ? author : people[Math.floor(r() * people.length)];
      parts.set(p.id, p);
      const parent = j === 0 ? null : msgs[Math.floor(r() * j)];
      const date = parent ? parent.date! + r() * 2 * DAY : start;
      msgs.push({ id: `t${i}.m${j}@example.org`, parent: parent?.id ?? null, from: p.id, date, latency_ms: parent ? date - parent.date! : null,
        lists: tl, subject: `${j ? "Re: " : ""}[PATCH] synthetic change ${i}`, depth: parent ? parent.depth + 1 : 0, patch: null });
    }
    const row: A.ThreadRow = { id: `t${i}@example.org`, key: `t${i}`, subject: `[PATCH] synthetic change ${i}`, author: ref(author), messages: n,
      participants: parts.size, lists: tl, start, end: Math.max(...msgs.map((m) => m.date!)), depth: Math.max(...msgs.map((m) => m.depth)),
      series_id: null, is_series: false, first_reply_ms: n > 1 ? msgs[1].latency_ms : null, reviews: 0, naks: 0,
      homes: Object.fromEntries([...parts.values()].map((p) => [p.home ?? "other", 1])), detail: i < 30 };
    threads.push(row);
    if (row.detail) details[row.id] = { thread: row, messages: msgs,
      participants: [...parts.values()].map((p) => ({ ...ref(p), messages: msgs.filter((m) => m.from === p.id).length, first: null })),
      trailers: [{ kind: "reviewed-by", from: ref(people[1]), to: ref(author), message_id: msgs[msgs.length - 1].id, applies_to: row.id }], naks: [] };
  }
  const activity: A.ActivityRow[] = [];
  for (let w = START - ((new Date(START).getUTCDay() + 6) % 7) * DAY; w < END; w += 7 * DAY)
    for (const list of [...lists, "*"]) {
      const m = Math.floor(50 + r() * 200) * (list === "*" ? 3 : 1);
      activity.push({ week: w, list, messages: m, threads_started: Math.floor(m / 4), threads_active: Math.floor(m / 3), people: Math.floor(m / 3),
        new_people: Math.floor(m / 20), returning_people: Math.floor(m / 3 - m / 20), crossposted: Math.floor(m / 10), crosspost_share: 0.1 });
    }
  const meta: A.MetaArtifact = { schema: ARTIFACT_SCHEMA, empty: false, hint: null, refreshed_at: Date.UTC(2026, 10, 24), store_version: "synthetic",
    window: { start: START, end: END }, lists, sources: lists.map((l) => ({ source: `mbox:synthetic/${l}.mbox`, list: l, messages: 100 })),
    counts: { messages: activity.filter((a) => a.list === "*").reduce((s, a) => s + a.messages, 0), threads: threads.length, series: 0, people: people.length,
      graph_people: nodes.length, reply_edges: edges.length, reply_messages: edges.length, reviews: 1, naks: 0, bots: 1 },
    elapsed_s: 0 };
  const files: Record<string, unknown> = {
    [FILES.meta]: meta,
    [FILES.graph]: { lists, months, nodes, edges, communities: [], pruning: { rule: "none", total_edges: edges.length, kept_edges: edges.length },
      stats: { nodes: nodes.length, edges: edges.length, reciprocity: 0.3, betweenness_exact: false, betweenness_samples: 100 } } satisfies A.GraphArtifact,
    [FILES.people]: { rows: people } satisfies A.PeopleArtifact,
    [FILES.threads]: { rows: threads } satisfies A.ThreadsArtifact,
    [FILES.reviews]: { lists, pairs: people.slice(0, 20).map((p, i) => ({ reviewer: ref(p), author: ref(people[i + 1]), reviewed: 2, acked: 1, tested: 0, lists: [p.home!] })),
      home_matrix: lists.map(() => lists.map(() => Math.floor(r() * 50))), naks: [], totals: { reviewed: 40, acked: 20, tested: 0, naks: 0, cross_subsystem_naks: 0 } } satisfies A.ReviewsArtifact,
  };
  // Fact tables and graph metric buckets for the graph page (who is active in the filter, metrics):
  // one message per person on their home list, spread over the half year, all in one thread.
  const day0 = Math.floor(START / DAY), order = people.map((_, i) => i).sort((a, b) => (a % 180) - (b % 180) || a - b);
  const factsReviews = { msg: [], kind: [], reviewer: [], author: [], lists: [] };
  files[FILES.facts] = { schema: 1, lists, day0, homes: [...lists, "cross-list"],
    messages: { n: people.length, dated: people.length, day: order.map((i, k) => (i % 180) - (k ? order[k - 1] % 180 : 0)),
      lists: order.map((i) => 1 << lists.indexOf(people[i].home!)), person: order, thread: order.map((_, k) => (k ? 1 : 0)), flags: order.map((i) => (people[i].bot ? 4 : 0)) },
    people: { n: people.length, bots: people.flatMap((p, i) => (p.bot ? [i] : [])), row: people.map((_, i) => i), home: people.map((p) => lists.indexOf(p.home!)) },
    threads: { n: 1 }, reviews: factsReviews };
  // Apart, as site.ts writes them: only some pages load the reply edges and observations.
  files[FILES.factsReplies] = { replies: { msg: [], to: [], lists: [], minutes: [] } };
  files[FILES.factsObs] = { obs: { kind: [], day: [], lists: [], time: [], responder: [] } };
  files[FILES.factsCarried] = { carried: { msg: [], reviewer: [], author: [] } };
  files[FILES.factsPeopleCols] = { started_flip: [], covers: [], forwarded: { row: [], author: [] }, first: { day: [], lists: [], responder: [] }, replies: [],
    roster: { email: { person: [], email: [] }, others: { id: [], name: [], email: [], bots: [] } } } satisfies PeopleColsFacts;
  files[FILES.factsReplyTimes] = { minutes: [] } satisfies ReplyTimesFacts;
  // No MAINTAINERS and no organisations: every person unknown (AFF_UNKNOWN), aligned with the facts' people.
  files[FILES.factsAffiliations] = { status: "no-maintainers", hint: MAINTAINERS_HINT, subsystems: [], organisations: [],
    subsystem: people.map(() => -1), organisation: people.map(() => -1) };
  files[FILES.factsSubsystems] = buildFactsSubsystems(null, null, MAINTAINERS_HINT);
  // Thread rows in parts and the biggest threads, as site.ts splits them.
  const per = Math.max(1, Math.ceil(threads.length / THREAD_PARTS));
  for (let k = 0; k < THREAD_PARTS; k++) files[FILES.threadPart(k)] = { first: k * per, total: threads.length, rows: threads.slice(k * per, (k + 1) * per) };
  files[FILES.threadsTop] = { total: threads.length, rows: threads.map((t, row) => ({ ...t, row })).sort((x, y) => y.messages - x.messages || x.row - y.row).slice(0, THREADS_TOP) };
  const inTop = new Set((files[FILES.threadsTop] as A.ThreadsTopArtifact).rows.map((t) => t.row));
  files[FILES.threadsCross] = { total: threads.length, rows: threads.map((t, row) => ({ ...t, row })).filter((t) => t.lists.length > 1 && !inTop.has(t.row))
    .sort((x, y) => y.messages - x.messages || x.row - y.row).slice(0, THREADS_CROSS) };
  files[FILES.factsPeople] = { name: people.map((p) => p.name), id: people.map((p) => p.id) };
  // Split as site.ts splits them (graph-bucket-parts.ts).
  const { index, parts } = splitGraphBuckets({ buckets: [{ id: "all", from: null, to: null, nodes: nodes.length, edges: edges.length, person: nodes.map((_, i) => i),
    pagerank: nodes.map((n) => n.pagerank ?? 0), betweenness: nodes.map((n) => n.betweenness ?? 0), community: nodes.map((n) => n.community ?? 0),
    core: nodes.map((n) => n.core ?? 0), in_w: nodes.map((n) => n.in_w), out_w: nodes.map((n) => n.out_w) }] });
  files[FILES.graphBuckets] = index;
  parts.forEach((part, k) => { files[FILES.graphBucketPart(k)] = part; });
  files[FILES.graphNodesCsv] = `id,name\n${nodes.map((n) => `${n.id},${n.name}`).join("\n")}\n`;
  files[FILES.graphEdgesCsv] = `source,target,weight\n${edges.map((e) => `${nodes[e.s].id},${nodes[e.t].id},${e.w}`).join("\n")}\n`;
  files[FILES.graphGexf] = `<?xml version="1.0"?><gexf version="1.2"><graph/></gexf>\n`;
  files[FILES.graphGraphml] = `<?xml version="1.0"?><graphml><graph/></graphml>\n`;
  const personDetails: Record<string, A.PersonDetail> = {};
  for (const p of people.filter((q) => q.detail)) personDetails[p.id] = { person: p, emails: [p.email], activity: months.map((month) => ({ month, list: p.home!, messages: 3 })),
    correspondents_out: [], correspondents_in: [], reviews_given: [], reviews_received: [], naks_given: [], naks_received: [],
    response: { replies: p.replies_sent, median_ms: p.median_reply_ms, p90_ms: null, first_replies: p.first_replies }, threads: [] } satisfies A.PersonDetail;
  const compact = Object.fromEntries(Object.entries(details).map(([id, d]) => [id, compactThreadDetail(d)]));
  Object.assign(files, shards(FILES.threadShard, compact), shards(FILES.threadSeriesShard, {}), shards(FILES.personShard, personDetails), shards(FILES.threadAffiliationShard, {}),
    shards(FILES.messageShard, Object.fromEntries(Object.values(details).flatMap((d) => d.messages.map((m) => [m.id, m.id === d.thread.id ? 0 : d.thread.id])))),
    shards(FILES.addressShard, Object.fromEntries(people.filter((p) => p.detail).map((p) => [p.id, p.id]))));
  for (let i = 0; i < 16; i++) {
    const mine = threads.filter((_, j) => j % 16 === i);
    files[FILES.searchThreads(i.toString(16))] = { lists, rows: mine.map((t) => [t.subject, people.findIndex((p) => p.id === t.author?.id), 1, t.start === null ? null : Math.floor(t.start / DAY), t.messages]) };
    files[FILES.searchIds(i.toString(16))] = mine.map((t) => t.id);
  }
  files[FILES.searchPeople] = { rows: people.map((p) => [p.id, p.name, "", p.messages, p.bot ? 1 : 0, 1]) };
  return files;
}

/**
 * Files the pipeline writes that hold nothing per person or thread, so its empty-store version
 * serves a synthetic site as well (no series, no subsystems): completeArtifacts takes them from an
 * analysis without a store. Every other file syntheticArtifacts makes itself, at its scale.
 */
// The synthetic corpus has no series (meta counts 0), so the series files of an empty analysis fit it.
export const EMPTY_IS_ENOUGH = new Set(["series.json", "facts-series.json", "series-table.json", "subsystems.json", "organisations.json", "affiliations-status.json"]);

/**
 * The synthetic artifacts plus every other file an analysis writes (taken from an analysis
 * without a store), so a site build finds each file a page attaches, also files added later.
 * Returns the names it had to add (see EMPTY_IS_ENOUGH).
 */
export async function completeArtifacts(files: Record<string, unknown>): Promise<{ files: Record<string, unknown>; added: string[] }> {
  const { runAnalysis } = await import("../../loaders/analysis/run.ts");
  const meta = files[FILES.meta] as A.MetaArtifact;
  const empty = await runAnalysis({ storeDir: join(tmpdir(), `tg-no-store-${process.pid}-${Date.now()}`), lists: meta.lists, window: {} });
  const added: string[] = [];
  const out = { ...files };
  for (const [name, text] of empty.files) if (!(name in out)) { out[name] = text; added.push(name); }
  return { files: out, added };
}

/**
 * A detail in the thread shards' compact form (loaders/analysis/thread-detail-writer.ts), in its plainest
 * spelling: dates as they are (t0 0: these are fractional), every subject written, parents by row, people
 * in trailers and NAKs as their PersonRef.
 */
export function compactThreadDetail(d: A.ThreadDetail): Record<string, unknown> {
  const row = new Map(d.messages.map((m, j) => [m.id, j])), part = new Map(d.participants.map((p, j) => [p.id, j]));
  const lists: string[][] = [], listAt = new Map<string, number>();
  const msgs = d.messages.map((m) => {
    const key = JSON.stringify(m.lists);
    if (!listAt.has(key)) { listAt.set(key, lists.length); lists.push(m.lists); }
    const parent = m.parent === null ? -1 : row.get(m.parent) ?? [m.parent, m.latency_ms];
    return [m.id, parent, part.get(m.from) ?? m.from, m.date, m.depth, listAt.get(key), m.subject, m.patch, ...(m.author ? [m.author] : [])];
  });
  const { messages: _, series, trailers, naks, ...rest } = d;
  return { ...rest, t0: 0, msgs, lists, trailers: trailers.map((t) => [t.kind, t.from, t.to, t.message_id, t.applies_to]),
    naks: naks.map((n) => [n.from, n.to, n.message_id, n.source, n.cross_subsystem]), ...(series ? { series } : {}) };
}

/** The shard files (loaders/analysis/shards.ts layout) holding these keyed values. */
function shards(file: (xx: string) => string, byKey: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (let i = 0; i < SHARDS; i++) out[file(shardName(i))] = {};
  for (const [k, v] of Object.entries(byKey)) out[file(shardName(shardOf(k)))][k] = v;
  return out;
}

/** Write the artifacts as files under dir (the layout of data/site/). */
export function writeArtifacts(dir: string, files: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), typeof value === "string" ? value : JSON.stringify(value));
  }
}
