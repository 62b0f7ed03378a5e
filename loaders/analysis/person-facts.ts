// A person's reply edges and first replies as fact-table references, in their own person shard:
// what the person page needs to compute correspondents, replies sent / received, reply times and
// first replies under any filter (src/components/person-window.js) without loading every reply
// edge of the store (facts-replies.json: 0.4 MB gzipped at 200k messages, over the page budget).
// The definitions are build-people.ts's: reply edges with no bot at either end (graph/replies.ts
// `bot`), reply times from the edges' latencies (>= 0), first replies to threads (survival.ts).
// A reply counts under a filter when its message row does (facts.js keepRows: its day, its
// lists, its sender); a first reply when its thread's observation does (survival.js
// observations: the thread's start day and lists).
import type { Analysis } from "./analyze.ts";
import type { PersonFacts } from "./artifacts.ts";
import { DAY } from "../model/window.ts";
import { factPersonIndex, factRowOf, listMasker } from "./fact-index.ts";
import { personRef } from "./build-graph.ts";
import { capLength, clipText } from "../model/clip.ts";
import { groupSlots } from "./group-slots.ts";

/**
 * Person id -> their PersonFacts (null: nothing to say), built over one analysis. Each list is
 * sorted once for everyone (reply edges by row, first replies by day and lists; ties in the
 * analysis' order) and grouped by person in typed arrays: no object per edge kept until its
 * person's detail is written (at 200k messages they outlived many young-generation GCs).
 */
export function personFactsOf(a: Analysis): (id: string) => PersonFacts | null {
  const rowOf = factRowOf(a);
  const personIdx = factPersonIndex(a);
  const maskOf = listMasker(a.corpus.lists);
  // A slot per person: the fact-table index, or one after them for anybody else.
  const others = new Map<string, number>();
  const slot = (id: string) => {
    let k = personIdx.get(id) ?? others.get(id);
    if (k === undefined) others.set(id, (k = personIdx.size + others.size));
    return k;
  };
  const human = a.replies.filter((e) => !e.bot);
  // Each edge's message row, person replied to and minutes (-1: no reply time: a date unknown, or a
  // reply dated before its parent, which build-people leaves out too), read once in edge order: the
  // sort and every person's lists index these, not the edge objects scattered in memory.
  const edgeRow = Int32Array.from(human, (e) => rowOf[e.child]), edgeTo = Int32Array.from(human, (e) => personIdx.get(e.to)!);
  const edgeMinutes = Float64Array.from(human, (e) => (e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 60000)));
  const byRow = Int32Array.from(human.keys()).sort((x, y) => edgeRow[x] - edgeRow[y] || x - y);
  const out = groupBySlot(byRow, (k) => slot(human[k].from)), inn = groupBySlot(byRow, (k) => slot(human[k].to));
  const obs = a.observations.filter((o) => o.kind === "thread" && o.responder);
  const day = Float64Array.from(obs, (o) => Math.floor(o.start / DAY)), mask = Float64Array.from(obs, (o) => maskOf(o.lists));
  const firsts = groupBySlot(Int32Array.from(obs.keys()).sort((x, y) => day[x] - day[y] || mask[x] - mask[y] || x - y), (k) => slot(obs[k].responder!));
  const deltas = (xs: number[]) => { let p = 0; return xs.map((x) => { const d = x - p; p = x; return d; }); };
  return (id) => {
    const s = personIdx.get(id) ?? others.get(id);
    if (s === undefined) return null;
    const o = out.of(s), i = inn.of(s), f = firsts.of(s);
    if (!o.length && !i.length && !f.length) return null;
    return {
      out: { row: deltas(o.map((k) => edgeRow[k])), to: o.map((k) => edgeTo[k]), minutes: o.map((k) => edgeMinutes[k]) },
      in: { row: deltas(i.map((k) => edgeRow[k])) },
      first: { day: deltas(f.map((k) => day[k])), lists: f.map((k) => mask[k]) },
    };
  };
}

/** `order` grouped by slot (keyOf), each group in `order`'s order (groupSlots' counting sort): `of(slot)` lists its items. */
function groupBySlot(order: Int32Array, keyOf: (item: number) => number): { of(slot: number): number[] } {
  const keys = Int32Array.from(order, keyOf);
  let slots = 0;
  for (const k of keys) if (k >= slots) slots = k + 1;
  const g = groupSlots(keys, slots);
  return { of: (s) => { const out: number[] = []; if (s < slots) for (let j = g.at[s]; j < g.at[s + 1]; j++) out.push(order[g.items[j]]); return out; } };
}

/**
 * What the People page needs, besides facts.json, to compute every person column under a filter
 * (src/components/people-window.js), by build-people.ts's definitions. facts-people-cols.json
 * (small; the person page loads it too): which rows started a thread (as the rows where that
 * differs from "replies to nothing", FLAG.reply clear: a phantom-rooted thread's first message, a
 * root with a self-reference; usually none), which patch rows are cover letters, the forwarded
 * patches' in-body authors, the first replies to threads (as the shards' `first`, with the
 * responder), the rows of the reply edges with no bot at either end (`replies`, one per edge:
 * replies sent), and the roster: what the People page shows of people.json's rows besides the
 * windowed figures, so a filtered page needs no people.json (names and ids of fact-table people
 * are facts-people.json's; `email` where it is not the id; `others`: the people.json rows the
 * fact tables do not hold, named people without mail, figures all zero). facts-reply-times.json
 * (the People page, once its Median reply column is shown under a filter): the minutes to each of
 * `replies`' edges, in the same order (-1: none). Rows are facts.json message rows, ascending, as
 * differences to the previous one (the first to 0).
 */
export interface PeopleColsFacts {
  started_flip: number[];
  covers: number[];
  forwarded: { row: number[]; author: number[] };
  first: { day: number[]; lists: number[]; responder: number[] };
  replies: number[];
  roster: { email: { person: number[]; email: string[] }; others: { id: string[]; name: string[]; email: string[]; bots: number[] } };
}
export interface ReplyTimesFacts { minutes: number[] }

export function buildPeopleColsFacts(a: Analysis): { cols: PeopleColsFacts; times: ReplyTimesFacts } {
  const msgs = a.corpus.messages, rowOf = factRowOf(a), personIdx = factPersonIndex(a), lists = a.corpus.lists;
  const maskOf = listMasker(lists);
  const deltas = (xs: number[]) => { let p = 0; return xs.map((x) => { const d = x - p; p = x; return d; }); };
  const root = new Uint8Array(msgs.length);
  for (const t of a.tr.threads) if (!t.rootIsPhantom) root[t.root] = 1;
  const flip: number[] = [], covers: number[] = [], fwd: { row: number; author: number }[] = [];
  msgs.forEach((m, i) => {
    const r = rowOf[i], noParent = !(m.inReplyTo || m.references.length);
    if (!!root[i] !== noParent) flip.push(r);
    if (m.patch.isPatch && m.patch.isCover) covers.push(r);
    else if (m.patch.isPatch && m.author !== undefined) fwd.push({ row: r, author: personIdx.get(m.author)! });
  });
  fwd.sort((x, y) => x.row - y.row);
  const firsts = a.observations.filter((o) => o.kind === "thread" && o.responder)
    .map((o) => ({ day: Math.floor(o.start / DAY), lists: maskOf(o.lists), who: personIdx.get(o.responder!)! }))
    .sort((x, y) => x.day - y.day || x.lists - y.lists || x.who - y.who);
  const human = a.replies.filter((e) => !e.bot).map((e) => ({ row: rowOf[e.child], minutes: e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 60000) }))
    .sort((x, y) => x.row - y.row);
  return {
    cols: {
      started_flip: deltas(flip.sort((x, y) => x - y)), covers: deltas(covers.sort((x, y) => x - y)),
      forwarded: { row: deltas(fwd.map((x) => x.row)), author: fwd.map((x) => x.author) },
      first: { day: deltas(firsts.map((x) => x.day)), lists: firsts.map((x) => x.lists), responder: firsts.map((x) => x.who) },
      replies: deltas(human.map((x) => x.row)),
      roster: rosterOf(a, personIdx),
    },
    times: { minutes: human.map((x) => x.minutes) },
  };
}

/** people.json's display fields the fact tables lack (PeopleColsFacts.roster), clipped as people.json clips them (bounded.ts). */
function rosterOf(a: Analysis, personIdx: Map<string, number>): PeopleColsFacts["roster"] {
  const email = { person: [] as number[], email: [] as string[] }, others = { id: [] as string[], name: [] as string[], email: [] as string[], bots: [] as number[] };
  const emailOf = (id: string) => clipText(a.people.get(id)?.email ?? id);
  for (const [id, k] of personIdx) if (emailOf(id) !== id) { email.person.push(k); email.email.push(emailOf(id)); }
  for (const id of a.people.keys()) {
    if (personIdx.has(id)) continue;
    if (a.bots.has(id)) others.bots.push(others.id.length);
    others.id.push(capLength(id)); others.name.push(clipText(personRef(a, id).name)); others.email.push(emailOf(id));
  }
  return { email, others };
}
