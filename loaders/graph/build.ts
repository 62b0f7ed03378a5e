// The people reply graph: A -> B when A replied to a message of B (see replies.ts for what is
// not a reply). Any window and list subset; bots excluded unless includeBots.
// Node keys are graphKey(person id). graphology (and the metrics libraries) keep neighbours in
// plain objects, so a person id such as "constructor" or "__proto__" (a From: without '@')
// would collide with Object.prototype: such ids, and ids starting with the escape character,
// get a "~" prefix. Every ordinary id (an address) is its own key.
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import type { ReplyEdge } from "./replies.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

export interface GraphOptions {
  /** Window [start, end) in epoch ms; replies without a date are left out when a window is set. */
  start?: number;
  end?: number;
  /** Keep replies that reached at least one of these lists. */
  lists?: string[];
  includeBots?: boolean;
}

export interface NodeAttrs { label: string }
export interface EdgeAttrs {
  weight: number;
  first: number | null;
  last: number | null;
  lists: string[];
  /** "YYYY-MM" -> replies that month (keys made by monthOf only: never untrusted text). */
  months: Record<string, number>;
}
export type ReplyGraph = DirectedGraphT<NodeAttrs, EdgeAttrs>;

const ESCAPE = "~";
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The graph node key of a person id. */
export function graphKey(id: string): string {
  return id.startsWith(ESCAPE) || hasOwn(Object.prototype, id) ? ESCAPE + id : id;
}

/** The person id of a graph node key (inverse of graphKey). */
export function personOfKey(key: string): string {
  return key.startsWith(ESCAPE) ? key.slice(ESCAPE.length) : key;
}

/** A per-node result (metrics, layout) keyed by graph key, re-keyed by person id. */
export function byPerson<V>(m: Map<string, V>): Map<string, V> {
  return new Map([...m].map(([k, v]) => [personOfKey(k), v]));
}

const DAY = 86_400_000;
/** "YYYY-MM" by months since 1970-01, made once each (monthOf runs once per reply and message). */
const monthText = new Map<number, string>();

/** "YYYY-MM" (UTC) of epoch ms t, as new Date(t).toISOString().slice(0, 7), without a Date and a string per call. */
export function monthOf(t: number): string {
  // Years 1970-9999 by arithmetic; anything else (and NaN's RangeError) as toISOString does it.
  if (!(t >= 0 && t < 253402300800000)) return new Date(t).toISOString().slice(0, 7);
  // Civil date from days (H. Hinnant's days_from_civil inverse), months counted from 1970-01.
  const z = Math.floor(t / DAY) + 719468, era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const mp = Math.floor((5 * (doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))) + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const k = (y - 1970) * 12 + m - 1;
  let s = monthText.get(k);
  if (s === undefined) monthText.set(k, (s = `${y}-${m < 10 ? "0" : ""}${m}`));
  return s;
}

export function selectReplies(edges: ReplyEdge[], o: GraphOptions = {}): ReplyEdge[] {
  const lists = o.lists ? new Set(o.lists) : null;
  return edges.filter((e) => {
    if (e.bot && !o.includeBots) return false;
    if (o.start !== undefined || o.end !== undefined) {
      if (e.date === null) return false;
      if (o.start !== undefined && e.date < o.start) return false;
      if (o.end !== undefined && e.date >= o.end) return false;
    }
    return !lists || e.lists.some((l) => lists.has(l));
  });
}

export function buildReplyGraph(edges: ReplyEdge[], o: GraphOptions = {}, label: (id: string) => string = (id) => id): ReplyGraph {
  // Each (from, to) pair's attributes are summed here first and the graph gets each node and edge
  // once, in order of first appearance (the order adding them reply by reply gave): graphology's
  // lookups per reply (two hasNode, an edge, its attributes) were most of this at 200k replies.
  const keyOf: string[] = [], nodeOf = new Map<string, number>(), out: Map<number, number>[] = [];
  const pairs: { from: number; to: number; a: EdgeAttrs }[] = [];
  const node = (id: string): number => {
    let n = nodeOf.get(id);
    if (n === undefined) { nodeOf.set(id, (n = keyOf.length)); keyOf.push(id); out.push(new Map()); }
    return n;
  };
  for (const e of selectReplies(edges, o)) {
    const from = node(e.from), to = node(e.to);
    let p = out[from].get(to);
    if (p === undefined) {
      out[from].set(to, (p = pairs.length));
      pairs.push({ from, to, a: { weight: 0, first: null, last: null, lists: [], months: {} } });
    }
    const a = pairs[p].a;
    a.weight++;
    if (e.date !== null) {
      if (a.first === null || e.date < a.first) a.first = e.date;
      if (a.last === null || e.date > a.last) a.last = e.date;
      const m = monthOf(e.date);
      a.months[m] = (a.months[m] ?? 0) + 1;
    }
    for (const l of e.lists) if (!a.lists.includes(l)) a.lists.push(l);
  }
  const g: ReplyGraph = new DirectedGraph<NodeAttrs, EdgeAttrs>();
  const added = new Uint8Array(keyOf.length);
  const addNode = (n: number) => { if (!added[n]) { added[n] = 1; g.addNode(graphKey(keyOf[n]), { label: label(keyOf[n]) }); } };
  for (const { from, to, a } of pairs) {
    addNode(from); addNode(to);
    a.lists.sort();
    g.addDirectedEdge(graphKey(keyOf[from]), graphKey(keyOf[to]), a);
  }
  return g;
}
