import { test } from "node:test";
import assert from "node:assert/strict";
import { bridging, participation, BRIDGE_MIN_MESSAGES } from "../../loaders/analysis/bridging.ts";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { buildBridges } from "../../loaders/analysis/build-graph.ts";
import { msg, corpus, T0, H } from "./fixture.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";

const LISTS = ["netdev", "linux-rdma", "linux-cxl"];
/** n synthetic messages from `from`, each to `lists`. */
const posts = (from: string, n: number, lists: string[], at = 0): AnalysisMessage[] =>
  Array.from({ length: n }, (_, i) => msg(`${from}-${lists.join("+")}-${at + i}`, from, T0 + (at + i) * H, { lists }));

test("participation coefficient: 0 on one list, 1 − 1/L evenly over L lists", () => {
  assert.equal(participation({ netdev: 50 }), 0);
  assert.ok(Math.abs(participation({ a: 5, b: 5, c: 5 }) - 2 / 3) < 1e-12);
  assert.ok(Math.abs(participation({ a: 100, b: 1 }) - (1 - (100 / 101) ** 2 - (1 / 101) ** 2)) < 1e-12);
  assert.equal(participation({}), 0);
});

test("one message on a second list does not make a bridge; even activity over three lists does", () => {
  const ms = [
    ...posts("heavy", 100, ["netdev"]), ...posts("heavy", 1, ["linux-rdma"], 200), // 100 + 1
    ...LISTS.flatMap((l, k) => posts("even", 12, [l], 300 + 20 * k)),              // 12 on each list
    ...LISTS.flatMap((l, k) => posts("tiny", 1, [l], 400 + k)),                    // even, but 3 messages
    ...posts("xpost", 20, ["netdev", "linux-rdma"], 500),                          // always cross-posted to two
  ];
  const b = bridging(ms, new Set(LISTS));
  assert.equal(b.get("heavy")!.bridge, false, `heavy: participation ${b.get("heavy")!.participation}`);
  assert.ok(b.get("heavy")!.participation < 0.05);
  assert.equal(b.get("even")!.bridge, true);
  assert.ok(Math.abs(b.get("even")!.participation - 2 / 3) < 1e-12);
  assert.equal(b.get("tiny")!.bridge, false, `fewer than ${BRIDGE_MIN_MESSAGES} messages`);
  // A cross-post weighs 1/2 on each list: 20 messages, 10 + 10, not 40.
  assert.deepEqual([b.get("xpost")!.messages, b.get("xpost")!.weights.netdev], [20, 10]);
  // Untracked lists do not count.
  const only = bridging(posts("x", 30, ["netdev", "elsewhere"]), new Set(LISTS));
  assert.equal(only.get("x")!.participation, 0);
});

test("bridges.json ranks by the bridging measure, not by message volume or list count", () => {
  // heavy: on all three lists, by one message each off netdev; pair: evenly on two lists.
  const ms = [
    ...posts("heavy", 100, ["netdev"]), ...posts("heavy", 1, ["linux-rdma"], 200), ...posts("heavy", 1, ["linux-cxl"], 210),
    ...["netdev", "linux-rdma"].flatMap((l, k) => posts("pair", 15, [l], 300 + 20 * k)),
  ];
  const br = buildBridges(analyzeCorpus(corpus(ms, [], [], LISTS), {}));
  assert.deepEqual(br.people.map((p) => [p.id, p.nlists, p.bridge]), [["pair", 2, true], ["heavy", 3, false]]);
  assert.ok(br.people[0].participation > br.people[1].participation);
  assert.ok(br.bridge_rule.min_messages >= 2);
});
