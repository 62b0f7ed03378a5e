// The graph explorer's side panel (src/components/graph-person.js): ?p= lookup, ranks, neighbours.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { findPerson, rankOf, rankText, neighboursOf } from "../../src/components/graph-person.js";

const node = (id: string, name: string, pagerank: number | null, bot = false) => ({ id, key: `k-${id}`, name, pagerank, bot });
const g = {
  nodes: [node("ann@x.org", "Doe, Ann", 0.5), node("bob@y.org", "Bob Roe", 0.2), node("cat@z.org", "Cat", 0.2), node("bot@ci.org", "CI bot", 0.9, true), node("dan@w.org", "Dan", null)],
  edges: [{ s: 0, t: 1, w: 3 }, { s: 1, t: 0, w: 2 }, { s: 2, t: 0, w: 1 }, { s: 3, t: 0, w: 9 }, { s: 0, t: 0, w: 4 }],
};

test("?p= finds a person by address, name or key, in any case", () => {
  assert.equal(findPerson(g.nodes, "BOB@y.org"), 1);
  assert.equal(findPerson(g.nodes, "doe, ann"), 0);
  assert.equal(findPerson(g.nodes, "k-cat@z.org"), 2);
  assert.equal(findPerson(g.nodes, " Cat "), 2);
  assert.equal(findPerson(g.nodes, "nobody"), -1);
  // Part of a name or address: the most active match.
  const many = [{ id: "a@x", name: "Ann Torvalds", messages: 2 }, { id: "linus@y", name: "Linus Torvalds", messages: 9 }, { id: "t@z", name: "Tor", messages: 1 }];
  assert.equal(findPerson(many, "torvalds"), 1);
  assert.equal(findPerson(many, "@Y"), 1);
  assert.equal(findPerson(many, "tor"), 2, "an exact name wins over a bigger partial match");
  assert.equal(findPerson(g.nodes, ""), -1);
});

test("metrics as ranks: ties share the best rank; bots and missing values left out when asked", () => {
  const humans = (n: { bot: boolean }) => !n.bot;
  assert.deepEqual(rankOf(g.nodes, "pagerank", 0, humans), { rank: 1, of: 3, top: 1 / 3 });
  assert.deepEqual(rankOf(g.nodes, "pagerank", 1, humans), { rank: 2, of: 3, top: 2 / 3 });
  assert.equal(rankOf(g.nodes, "pagerank", 2, humans).rank, 2);
  assert.equal(rankOf(g.nodes, "pagerank", 0).rank, 2, "with bots, the bot ranks first");
  assert.equal(rankOf(g.nodes, "pagerank", 4), null);
  assert.equal(rankText(rankOf(g.nodes, "pagerank", 0, humans)), "rank 1 of 3 (top 34%)");
  assert.equal(rankText({ rank: 1, of: 5000, top: 1 / 5000 }), "rank 1 of 5,000 (top 1%)");
  assert.equal(rankText(null), "–");
});

test("neighbours: both directions summed, heaviest first, following the filters", () => {
  const all = neighboursOf(g, 0, null);
  assert.deepEqual(all.map((x: { name: string; sent: number; received: number }) => [x.name, x.sent, x.received]), [["CI bot", 0, 9], ["Bob Roe", 3, 2], ["Cat", 0, 1]]);
  const weights = new Float64Array([3, 2, 0, 9, 4]);
  const shown = (j: number) => j !== 3;
  assert.deepEqual(neighboursOf(g, 0, weights, shown).map((x: { name: string }) => x.name), ["Bob Roe"], "hidden bot and a zero-weight edge left out");
  assert.deepEqual(neighboursOf(g, 0, weights, shown, 3).map((x: { sent: number; received: number }) => [x.sent, x.received]), [[3, 0]], "edges under the minimum weight left out");
});
