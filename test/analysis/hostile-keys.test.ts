// Ids and list names come from mail: a sender or list called __proto__, constructor or toString
// must be counted like any other, not crash the analysis or leak Object.prototype into artifacts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { withReferenceViews } from "../../loaders/analysis/reference-views.ts";
import { storeHistory } from "../../loaders/analysis/run.ts";
import { corpus, msg, trailer, H, T0 } from "./fixture.ts";

const KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"];

function hostileCorpus() {
  const lists = ["__proto__", "constructor", "toString"];
  const ms = [];
  // Each hostile sender starts a thread on a hostile list, another hostile sender answers, a
  // third reviews a patch; one message is cross-posted to all three lists.
  for (let i = 0; i < KEYS.length; i++) {
    const from = KEYS[i], other = KEYS[(i + 1) % KEYS.length];
    const l = lists[i % lists.length];
    ms.push(msg(`p${i}`, from, T0 + i * H, { lists: [l], subject: `[PATCH] change ${i}`, patch: { version: 1 } }));
    ms.push(msg(`r${i}`, other, T0 + i * H + 60_000, { irt: `p${i}`, lists: [l] }));
    ms.push(msg(`x${i}`, from, T0 + i * H + 120_000, { irt: `r${i}`, lists }));
  }
  const trailers = KEYS.map((k, i) => trailer(`r${i}`, "reviewed-by", KEYS[(i + 1) % KEYS.length]));
  return corpus(ms, trailers, [], lists);
}

test("senders and lists named like Object.prototype members are counted, not corrupted", () => {
  const c = hostileCorpus();
  const a = analyzeCorpus({ ...c, history: storeHistory(c) });
  const files = withReferenceViews(a, siteFiles(a, "v", Date.now()));
  const people = JSON.parse(files.get("people.json")!).rows as { id: string; messages: number; lists: Record<string, number>; threads_started: number; reviews_given: number; pagerank: number | null }[];
  for (const k of KEYS) {
    const row = people.find((r) => r.id === k);
    assert.ok(row, `people.json has a row for ${k}`);
    assert.equal(row.messages, 3, `${k}: messages`);
    assert.equal(row.threads_started, 1, `${k}: threads started`);
    assert.equal(row.reviews_given, 1, `${k}: reviews given`);
    assert.equal(typeof row.pagerank, "number", `${k}: pagerank is a number`);
    const total = Object.values(row.lists).reduce((s, n) => s + n, 0);
    assert.ok(Object.values(row.lists).every((n) => typeof n === "number"), `${k}: list counts are numbers`);
    assert.equal(total, 1 + 1 + 3, `${k}: one message on its own list, one reply, one cross-post on three lists`);
  }
  const graph = JSON.parse(files.get("graph.json")!);
  for (const n of graph.nodes) {
    assert.equal(typeof n.pagerank, "number", `graph node ${n.id}: pagerank`);
    assert.equal(typeof n.community, "number", `graph node ${n.id}: community`);
  }
  const gexf = files.get("graph.gexf")!;
  for (const k of KEYS) assert.ok(gexf.includes(`<node id="${k}"`), `graph.gexf has node ${k} under its own id`);
  for (const t of JSON.parse(files.get("threads.json")!).rows) {
    for (const [h, n] of Object.entries(t.homes)) assert.equal(typeof n, "number", `thread ${t.id} homes[${h}]`);
  }
  const activity = JSON.parse(files.get("activity.json")!);
  for (const l of c.lists) assert.equal(typeof activity.history_start[l], "number", `history_start[${l}]`);
  const upset = JSON.parse(files.get("upset.json")!);
  assert.equal(upset.sets.reduce((s: number, x: { people: number }) => s + x.people, 0), KEYS.length * 3, "every person on all three lists");
  const bridges = JSON.parse(files.get("bridges.json")!);
  for (const p of bridges.people) assert.equal(p.nlists, 3, `bridges: ${p.id} on three lists`);
});
