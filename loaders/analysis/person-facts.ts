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

/** Person id -> their PersonFacts (null: nothing to say), built over one analysis. */
export function personFactsOf(a: Analysis): (id: string) => PersonFacts | null {
  const rowOf = factRowOf(a);
  const personIdx = factPersonIndex(a);
  const lists = a.corpus.lists;
  const maskOf = listMasker(lists);
  type Out = { row: number; to: number; minutes: number };
  const out = new Map<string, Out[]>(), inn = new Map<string, number[]>(), firsts = new Map<string, { day: number; lists: number }[]>();
  const push = <T>(m: Map<string, T[]>, k: string, v: T) => { const l = m.get(k); if (l) l.push(v); else m.set(k, [v]); };
  for (const e of a.replies) {
    if (e.bot) continue;
    const row = rowOf[e.child];
    // -1: no reply time (a date unknown, or a reply dated before its parent, which build-people leaves out too).
    push(out, e.from, { row, to: personIdx.get(e.to)!, minutes: e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 60000) });
    push(inn, e.to, row);
  }
  for (const o of a.observations) if (o.kind === "thread" && o.responder) push(firsts, o.responder, { day: Math.floor(o.start / DAY), lists: maskOf(o.lists) });
  const deltas = (xs: number[]) => { let p = 0; return xs.map((x) => { const d = x - p; p = x; return d; }); };
  return (id) => {
    const o = (out.get(id) ?? []).sort((x, y) => x.row - y.row), i = (inn.get(id) ?? []).sort((x, y) => x - y);
    const f = (firsts.get(id) ?? []).sort((x, y) => x.day - y.day || x.lists - y.lists);
    if (!o.length && !i.length && !f.length) return null;
    return {
      out: { row: deltas(o.map((x) => x.row)), to: o.map((x) => x.to), minutes: o.map((x) => x.minutes) },
      in: { row: deltas(i) },
      first: { day: deltas(f.map((x) => x.day)), lists: f.map((x) => x.lists) },
    };
  };
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
