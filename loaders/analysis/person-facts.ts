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
import { factPersonIndex } from "./fact-index.ts";
import { factRowOf } from "./facts-subsystems.ts";

/** Person id -> their PersonFacts (null: nothing to say), built over one analysis. */
export function personFactsOf(a: Analysis): (id: string) => PersonFacts | null {
  const rowOf = factRowOf(a);
  const personIdx = factPersonIndex(a);
  const lists = a.corpus.lists;
  const maskOf = (ls: readonly string[]) => { let m = 0; for (const l of new Set(ls)) { const i = lists.indexOf(l); if (i >= 0) m += 2 ** i; } return m; };
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
