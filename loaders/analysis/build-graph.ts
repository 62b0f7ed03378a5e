// graph.json (+ full CSV/GEXF/GraphML tables), bridges.json, upset.json, activity.json.
import type { Analysis } from "./analyze.ts";
import type { ActivityArtifact, ActivityRow, BridgesArtifact, GraphArtifact, GraphEdge, GraphNode, PersonRef, UpsetArtifact } from "./artifacts.ts";
import { CROSS_LIST_HOME } from "./artifacts.ts";
import { fileKey } from "./keys.ts";
import { bridging, BRIDGE_MIN_MESSAGES, BRIDGE_MIN_PARTICIPATION } from "./bridging.ts";
import { graphKey, personOfKey } from "../graph/build.ts";
import { toCsv, toGexf, toGraphml, type Row } from "../graph/export.ts";
import { factPersonIndex } from "./fact-index.ts";

/** Edges kept in graph.json at most; the lightest go first (each node keeps its heaviest edge). */
export const MAX_PAGE_EDGES = 40_000;

// One ref per person and analysis: artifacts name the same people tens of thousands of times
// (reviews, correspondents, participants), and each ref hashes the id for its key.
const refs = new WeakMap<Analysis, Map<string, PersonRef>>();

/** The person as other artifacts reference them. Shared objects: spread them to add fields, never mutate. */
export function personRef(a: Analysis, id: string): PersonRef {
  let m = refs.get(a);
  if (!m) refs.set(a, (m = new Map()));
  let r = m.get(id);
  if (!r) {
    const p = a.people.get(id);
    m.set(id, (r = { id, key: fileKey(id), name: p?.name || p?.email || id, home: a.home.get(id) ?? null }));
  }
  return r;
}

/**
 * What the full graph downloads (graph-nodes.csv, graph-edges.csv, graph.gexf, graph.graphml) are
 * made from: plain rows and typed columns, so a worker thread can make them (graph-exports-job.ts).
 * Edge k: nodes s[k] -> t[k], weight w[k], first/last reply (ms, 0: none), lists l[lAt[k]..lAt[k+1]) (indices into `lists`).
 */
export interface GraphExportInput {
  lists: string[]; nodeRows: Row[];
  edges: { s: Int32Array; t: Int32Array; w: Float64Array; first: Float64Array; last: Float64Array; lAt: Int32Array; l: Int32Array };
}

/** graph.json and the full downloads (graphExportFiles). */
export function buildGraphArtifacts(a: Analysis): { graph: GraphArtifact; files: Record<string, string> } {
  const { graph, exports } = buildGraph(a);
  return { graph, files: graphExportFiles(exports) };
}

/** graph.json, and what its downloads are made from. */
export function buildGraph(a: Analysis): { graph: GraphArtifact; exports: GraphExportInput } {
  const lists = a.corpus.lists;
  const listIdx = new Map(lists.map((l, i) => [l, i]));
  const g = a.graphAll;
  // Nodes in person id order; graph node keys are graphKey(id).
  const ids = g.nodes().map(personOfKey).sort();
  const keys = ids.map(graphKey);
  const at = new Map(keys.map((k, i) => [k, i]));
  const monthsSet = new Set<string>();
  g.forEachEdge((_k, e) => { for (const m of Object.keys(e.months)) monthsSet.add(m); });
  const months = [...monthsSet].sort();
  const monthIdx = new Map(months.map((m, i) => [m, i]));
  const factIdx = factPersonIndex(a);
  const nodes: GraphNode[] = ids.map((id, i) => {
    const key = keys[i];
    const mt = a.metrics.nodes.get(id);
    const pos = a.layout.get(id) ?? { x: 0, y: 0 };
    // Replies sent/received as on the people page: bot replies excluded (a bot's own node: all of them).
    // A human who only talked with bots is in the full graph but not the default one: 0 and 0.
    const own = a.bots.has(id) ? g : a.graph;
    let in_w = 0, out_w = 0;
    if (own.hasNode(key)) {
      own.forEachInEdge(key, (_k, e) => { in_w += e.weight; });
      own.forEachOutEdge(key, (_k, e) => { out_w += e.weight; });
    }
    const r = (x: number, d = 1e6) => Math.round(x * d) / d;
    // The reference's fields named, not spread: a spread followed by ~17 more properties made each
    // node a dictionary-mode object (slow to build and to serialise).
    const ref = personRef(a, id);
    return {
      id: ref.id, key: ref.key, name: ref.name, home: ref.home, bot: a.bots.has(id), messages: a.messagesBy.get(id) ?? 0, lists: a.personLists.get(id) ?? {},
      in_w, out_w, degree: own.hasNode(key) ? own.neighbors(key).length : 0,
      pagerank: mt ? r(mt.pagerank) : null, betweenness: mt ? r(mt.betweenness) : null,
      community: mt ? mt.community : null, core: mt ? mt.core : null, x: pos.x, y: pos.y, f: factIdx.get(id) ?? -1,
    };
  });
  const all: (GraphEdge & { first: number; last: number })[] = [];
  g.forEachEdge((_k, e, s, t) => {
    const m: number[] = [];
    for (const [mo, c] of Object.entries(e.months)) m.push(monthIdx.get(mo)!, c);
    all.push({ s: at.get(s)!, t: at.get(t)!, w: e.weight, first: e.first ?? 0, last: e.last ?? 0,
      l: e.lists.map((l) => listIdx.get(l)).filter((x): x is number => x !== undefined), m });
  });
  // Pruning: smallest minimum weight that fits MAX_PAGE_EDGES; each node keeps its heaviest edge.
  let minW = 1;
  while (all.filter((e) => e.w >= minW).length > MAX_PAGE_EDGES) minW++;
  const heaviest = new Map<number, (typeof all)[number]>();
  for (const e of all) for (const n of [e.s, e.t]) { const h = heaviest.get(n); if (!h || e.w > h.w) heaviest.set(n, e); }
  const keep = new Set([...heaviest.values()]);
  const edges: GraphEdge[] = all.filter((e) => e.w >= minW || keep.has(e))
    // Named, not a rest pattern (a runtime copy per edge): the same members in the same order.
    .map(({ s, t, w, l, m }) => ({ s, t, w, l, m }));
  // Communities: size, most central members, dominant home list.
  const comm = new Map<number, GraphNode[]>();
  for (const n of nodes) if (n.community !== null) { const l = comm.get(n.community); if (l) l.push(n); else comm.set(n.community, [n]); }
  const communities = [...comm.entries()].sort((x, y) => x[0] - y[0]).map(([id, ns]) => {
    const homes = new Map<string, number>();
    for (const n of ns) if (n.home) homes.set(n.home, (homes.get(n.home) ?? 0) + 1);
    const home = [...homes.entries()].sort((x, y) => y[1] - x[1])[0]?.[0] ?? null;
    return { id, size: ns.length, top: [...ns].sort((x, y) => (y.pagerank ?? 0) - (x.pagerank ?? 0)).slice(0, 5).map((n) => n.name), home };
  });
  const graph: GraphArtifact = {
    lists, months, nodes, edges, communities,
    pruning: { rule: `edges with weight >= ${minW} (smallest minimum keeping <= ${MAX_PAGE_EDGES} edges), plus each node's heaviest edge; full tables in graph-edges.csv`, total_edges: all.length, kept_edges: edges.length },
    stats: { nodes: a.graph.order, edges: a.graph.size, nodes_with_bots: g.order, edges_with_bots: g.size, reciprocity: a.metrics.reciprocity, betweenness_exact: a.metrics.betweennessExact, betweenness_samples: a.metrics.betweennessSamples },
  };
  const nodeRows: Row[] = nodes.map((n) => ({ id: n.id, label: n.name, home: n.home, bot: n.bot, messages: n.messages, in_w: n.in_w, out_w: n.out_w, degree: n.degree,
    pagerank: n.pagerank, betweenness: n.betweenness, community: n.community, core: n.core, x: n.x, y: n.y }));
  const m = all.length, lAt = new Int32Array(m + 1);
  const cols = { s: new Int32Array(m), t: new Int32Array(m), w: new Float64Array(m), first: new Float64Array(m), last: new Float64Array(m), lAt, l: new Int32Array(0) };
  all.forEach((e, k) => { cols.s[k] = e.s; cols.t[k] = e.t; cols.w[k] = e.w; cols.first[k] = e.first; cols.last[k] = e.last; lAt[k + 1] = lAt[k] + e.l.length; });
  cols.l = new Int32Array(lAt[m]);
  all.forEach((e, k) => cols.l.set(e.l, lAt[k]));
  return { graph, exports: { lists, nodeRows, edges: cols } };
}

/** The full tables: graph-nodes.csv, graph-edges.csv, graph.gexf and graph.graphml (every edge, bots' too). */
export function graphExportFiles({ lists, nodeRows, edges: e }: GraphExportInput): Record<string, string> {
  const iso = (t: number) => (t ? new Date(t).toISOString() : null);
  const edgeRows: Row[] = Array.from(e.s, (s, k) => {
    const t = e.t[k], l: string[] = [];
    for (let j = e.lAt[k]; j < e.lAt[k + 1]; j++) l.push(lists[e.l[j]]);
    return { source: nodeRows[s].id, target: nodeRows[t].id, weight: e.w[k], first: iso(e.first[k]), last: iso(e.last[k]), lists: l,
      bot: (nodeRows[s].bot || nodeRows[t].bot) as boolean };
  });
  return {
    "graph-nodes.csv": toCsv(Object.keys(nodeRows[0] ?? { id: 0 }), nodeRows),
    "graph-edges.csv": toCsv(Object.keys(edgeRows[0] ?? { source: 0, target: 0 }), edgeRows),
    "graph.gexf": toGexf(nodeRows, edgeRows),
    "graph.graphml": toGraphml(nodeRows, edgeRows),
  };
}

export function buildBridges(a: Analysis): BridgesArtifact {
  const lists = a.corpus.lists;
  const li = new Map(lists.map((l, i) => [l, i]));
  // Ranked by the bridging measure (participation over lists, minimum activity), not by volume.
  const bridge = bridging(a.corpus.messages, new Set(lists));
  const people = [...a.personLists.entries()].filter(([id, r]) => !a.bots.has(id) && Object.keys(r).length >= 2)
    // messages: unique messages sent (a cross-post counts once; `lists` has the per-list arrivals).
    .map(([id, r]) => {
      const b = bridge.get(id);
      return { ...personRef(a, id), lists: r, nlists: Object.keys(r).length, messages: a.messagesBy.get(id) ?? 0,
        participation: Math.round((b?.participation ?? 0) * 1e4) / 1e4, bridge: b?.bridge ?? false };
    })
    .sort((x, y) => Number(y.bridge) - Number(x.bridge) || y.participation - x.participation || y.messages - x.messages);
  // Rows (and home columns) run over homeLabels(): the lists plus "cross-list" homes.
  const homes = homeLabels(lists);
  const hi = new Map(homes.map((l, i) => [l, i]));
  const flowList = homes.map(() => lists.map(() => 0)), flowHome = homes.map(() => homes.map(() => 0));
  const msgs = a.corpus.messages;
  for (const e of a.replies) {
    if (e.bot) continue;
    const h = a.home.get(e.from);
    if (!h) continue;
    const parentLists = msgs[e.parent].lists;
    for (const l of new Set([...e.lists, ...parentLists])) { const j = li.get(l); if (j !== undefined) flowList[hi.get(h)!][j]++; }
    const g = a.home.get(e.to);
    if (g) flowHome[hi.get(h)!][hi.get(g)!]++;
  }
  const pairs: BridgesArtifact["pairs"] = [];
  for (let i = 0; i < lists.length; i++) for (let j = i + 1; j < lists.length; j++) {
    const [A, B] = [lists[i], lists[j]];
    let shared = 0;
    for (const [id, r] of a.personLists) if (!a.bots.has(id) && r[A] && r[B]) shared++;
    const cross = a.tr.threads.filter((t) => t.lists.includes(A) && t.lists.includes(B)).length;
    pairs.push({ a: A, b: B, shared_people: shared, crossposted_threads: cross, replies_a_to_b: flowList[i][j], replies_b_to_a: flowList[j][i] });
  }
  const tracked = new Set(lists);
  const crossposted = a.tr.threads.filter((t) => t.lists.filter((l) => tracked.has(l)).length >= 2)
    .sort((x, y) => y.members.length - x.members.length).slice(0, 500).map((t) => {
      const by_home: Record<string, number> = Object.create(null);
      for (const p of t.participants) { const h = a.home.get(p) ?? "other"; by_home[h] = (by_home[h] ?? 0) + 1; }
      return { id: t.id, key: fileKey(t.id), subject: t.subject, lists: t.lists.filter((l) => tracked.has(l)),
        messages: t.members.length, by_home, participants: t.participants.filter((p) => !a.bots.has(p)).slice(0, 50).map((p) => personRef(a, p)) };
    });
  return { lists, home_lists: homes, people, bridge_rule: { min_messages: BRIDGE_MIN_MESSAGES, min_participation: BRIDGE_MIN_PARTICIPATION }, pairs, flow_home_to_list: flowList, flow_home_to_home: flowHome, crossposted };
}

/** Row labels of the home-list matrices: the tracked lists, then the "cross-list" home. */
export function homeLabels(lists: string[]): string[] {
  return [...lists, CROSS_LIST_HOME];
}

export function buildUpset(a: Analysis): UpsetArtifact {
  const lists = a.corpus.lists;
  const combos = new Map<string, { lists: string[]; people: number; messages: number }>();
  const sets = lists.map((l) => ({ list: l, people: 0 }));
  for (const [id, r] of a.personLists) {
    if (a.bots.has(id)) continue;
    const ls = lists.filter((l) => r[l]);
    if (!ls.length) continue;
    ls.forEach((l) => sets[lists.indexOf(l)].people++);
    const k = ls.join("|");
    const c = combos.get(k) ?? { lists: ls, people: 0, messages: 0 };
    c.people++; c.messages += ls.reduce((s, l) => s + r[l], 0);
    combos.set(k, c);
  }
  return { lists, sets, combos: [...combos.values()].sort((x, y) => y.people - x.people) };
}

const WEEK = 7 * 86400_000;
export function weekOf(t: number): number {
  const day = Math.floor(t / 86400_000);
  return (day - ((day + 3) % 7)) * 86400_000; // 1970-01-01 was a Thursday; weeks start Monday
}

export function buildActivity(a: Analysis): ActivityArtifact {
  const msgs = a.corpus.messages;
  // "New" = first message in the store that week: people who sent mail before the window are
  // returning from the first week on (the store's history, not just the window, is looked at).
  const prior = a.corpus.history?.priorSenders ?? new Set<string>();
  const firstSeen = new Map<string, number>();
  const order = msgs.map((_, i) => i).filter((i) => msgs[i].date !== null).sort((x, y) => msgs[x].date! - msgs[y].date!);
  for (const i of order) if (!firstSeen.has(msgs[i].from)) firstSeen.set(msgs[i].from, weekOf(msgs[i].date!));
  const tracked = new Set(a.corpus.lists);
  type Acc = { messages: number; started: number; threads: Set<string>; people: Set<string>; cross: number };
  const acc = new Map<string, Acc>();
  const get = (w: number, l: string) => { const k = `${w}|${l}`; let v = acc.get(k); if (!v) acc.set(k, (v = { messages: 0, started: 0, threads: new Set(), people: new Set(), cross: 0 })); return v; };
  for (const i of order) {
    const m = msgs[i];
    const w = weekOf(m.date!);
    const tl = m.lists.filter((l) => tracked.has(l));
    const isStart = a.tr.threads[a.tr.threadIndex.get(a.tr.threading.threadId[i])!].root === i;
    for (const l of ["*", ...tl]) {
      const v = get(w, l);
      v.messages++; v.threads.add(a.tr.threading.threadId[i]); v.people.add(m.from);
      if (isStart) v.started++;
      if (tl.length >= 2) v.cross++;
    }
  }
  // Days of each week inside the window (the first and last weeks are often partial).
  const start = a.windowStart, end = a.reportWindow.until ? a.windowEnd : a.windowEnd === null ? null : a.windowEnd + 1;
  const daysIn = (w: number) => {
    if (start === null || end === null) return 7;
    const from = Math.max(w, start), to = Math.min(w + WEEK, end);
    return Math.max(0, Math.min(7, Math.ceil((to - from) / 86400_000)));
  };
  const rows: ActivityRow[] = [...acc.entries()].map(([k, v]) => {
    const [w, list] = [Number(k.split("|")[0]), k.slice(k.indexOf("|") + 1)];
    let fresh = 0;
    for (const p of v.people) if (firstSeen.get(p) === w && !prior.has(p)) fresh++;
    return { week: w, list, messages: v.messages, threads_started: v.started, threads_active: v.threads.size, people: v.people.size,
      new_people: fresh, returning_people: v.people.size - fresh, crossposted: v.cross, crosspost_share: v.messages ? v.cross / v.messages : 0,
      days: daysIn(w) };
  }).sort((x, y) => x.week - y.week || (x.list < y.list ? -1 : 1));
  const history: Record<string, number | null> = Object.create(null);
  for (const l of ["*", ...a.corpus.lists]) history[l] = a.corpus.history?.firstDate[l] ?? null;
  return { rows, history_start: history };
}
