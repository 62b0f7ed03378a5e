// A person's fact-table references (person-facts.ts personFactsOf) by their definition: reply edges
// with no bot at either end by row (ties in the edges' order), minutes to each (-1: unknown or
// negative), replies to them by row, first replies by day then lists mask; null for nobody's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { personFactsOf } from "../../loaders/analysis/person-facts.ts";
import { factPersonIndex, factRowOf } from "../../loaders/analysis/fact-index.ts";
import { DAY } from "../../loaders/model/window.ts";
import type { Analysis } from "../../loaders/analysis/analyze.ts";
import { corpus, msg, person, T0, H, D } from "./fixture.ts";

/** The definition, one person at a time (what person-facts.ts computed per person before). */
function expected(a: Analysis, id: string) {
  const rowOf = factRowOf(a), idx = factPersonIndex(a), lists = a.corpus.lists;
  const mask = (ls: readonly string[]) => { let m = 0; for (const l of new Set(ls)) { const i = lists.indexOf(l); if (i >= 0) m += 2 ** i; } return m; };
  const deltas = (xs: number[]) => { let p = 0; return xs.map((x) => { const d = x - p; p = x; return d; }); };
  const human = a.replies.filter((e) => !e.bot);
  const out = human.filter((e) => e.from === id).map((e) => ({ row: rowOf[e.child], to: idx.get(e.to)!, minutes: e.latency === null || e.latency < 0 ? -1 : Math.round(e.latency / 60000) }))
    .sort((x, y) => x.row - y.row);
  const inn = human.filter((e) => e.to === id).map((e) => rowOf[e.child]).sort((x, y) => x - y);
  const first = a.observations.filter((o) => o.kind === "thread" && o.responder === id).map((o) => ({ day: Math.floor(o.start / DAY), lists: mask(o.lists) }))
    .sort((x, y) => x.day - y.day || x.lists - y.lists);
  if (!out.length && !inn.length && !first.length) return null;
  return { out: { row: deltas(out.map((x) => x.row)), to: out.map((x) => x.to), minutes: out.map((x) => x.minutes) },
    in: { row: deltas(inn) }, first: { day: deltas(first.map((x) => x.day)), lists: first.map((x) => x.lists) } };
}

test("personFactsOf: every person's reply edges, replies received and first replies as their definition says", () => {
  const names = ["ann", "bob", "cid", "dee", "bot"];
  const msgs = [];
  let seed = 11;
  const rnd = (n: number) => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return (seed >>> 8) % n; };
  for (let i = 0; i < 300; i++) {
    const lists = [["alpha"], ["beta"], ["alpha", "gamma"], ["gamma", "alpha", "alpha"]][rnd(4)];
    // Dates out of order, unknown, and replies dated before their parent.
    const date = rnd(10) === 0 ? null : T0 + rnd(60) * D + rnd(24) * H;
    msgs.push(msg(`m${i}`, names[rnd(names.length)], date, { lists, ...(i > 0 && rnd(4) ? { irt: `m${rnd(i)}` } : {}) }));
  }
  const a = analyzeCorpus(corpus(msgs, [], [person("bot", { bot: true }), person("nobody")]));
  assert.ok(a.bots.has("bot"), "the bot is flagged");
  const factsOf = personFactsOf(a);
  let some = 0;
  for (const id of [...names, "nobody", "stranger"]) {
    const want = expected(a, id);
    assert.deepEqual(factsOf(id), want, id);
    assert.deepEqual(factsOf(id), want, `${id}, asked again`);
    if (want) some++;
  }
  assert.ok(some >= 3, `most people have facts (${some})`);
  assert.equal(factsOf("nobody"), null);
});
