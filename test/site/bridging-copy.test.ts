// The Across page ranks bridges in the browser for any filter (src/components/bridging.js); the
// loader ranks them for bridges.json (loaders/analysis/bridging.ts). Two copies of one rule: they
// must agree, on random synthetic senders, cross-posts and untracked lists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { bridging, BRIDGE_MIN_MESSAGES, BRIDGE_MIN_PARTICIPATION } from "../../loaders/analysis/bridging.ts";
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
// @ts-expect-error plain browser JS module without types
import { bridgingOf, BRIDGE_MIN_MESSAGES as PAGE_MIN, BRIDGE_MIN_PARTICIPATION as PAGE_P } from "../../src/components/bridging.js";

test("browser and loader bridging agree: weights, messages, participation, bridge flag", () => {
  assert.deepEqual([PAGE_MIN, PAGE_P], [BRIDGE_MIN_MESSAGES, BRIDGE_MIN_PARTICIPATION], "same rule constants");
  let seed = 11;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lists = ["a", "b", "c"], untracked = "z";
  for (const [n, senders] of [[0, 1], [5, 2], [400, 12], [3000, 40]] as const) {
    const msgs: { from: string; lists: string[] }[] = [];
    for (let k = 0; k < n; k++) {
      // Skewed senders (some very active, mostly on one list) so both sides of the rule occur.
      const p = Math.floor(senders * rnd() ** 2);
      const ls = lists.filter((_, j) => rnd() < (j === p % 3 ? 0.9 : 0.15));
      if (rnd() < 0.1) ls.push(untracked);
      if (rnd() < 0.05) ls.push(ls[0] ?? "a"); // a list named twice counts once
      msgs.push({ from: `p${p}`, lists: ls });
    }
    for (const tracked of [lists, ["a", "b"], ["c"]]) {
      const want = bridging(msgs as unknown as AnalysisMessage[], new Set(tracked));
      const mask = tracked.reduce((m, l) => m | (1 << lists.indexOf(l)), 0);
      const got: Map<number, any> = bridgingOf({
        person: Int32Array.from(msgs, (m) => Number(m.from.slice(1))),
        listMask: Int32Array.from(msgs, (m) => lists.reduce((x, l, j) => (m.lists.includes(l) ? x | (1 << j) : x), 0)),
        keep: new Uint8Array(msgs.length).fill(1), nLists: lists.length, tracked: mask,
      });
      assert.deepEqual([...got.keys()].map((p) => `p${p}`).sort(), [...want.keys()].sort(), `senders n=${n} ${tracked}`);
      for (const [p, b] of got) {
        const w = want.get(`p${p}`)!;
        assert.equal(b.messages, w.messages, `messages p${p}`);
        assert.ok(Math.abs(b.participation - w.participation) < 1e-12, `participation p${p}: ${b.participation} vs ${w.participation}`);
        assert.equal(b.bridge, w.bridge, `bridge p${p}`);
        lists.forEach((l, j) => assert.ok(Math.abs(b.weights[j] - (w.weights[l] ?? 0)) < 1e-12, `weight ${l} p${p}`));
      }
      if (n >= 400 && tracked.length === 3) assert.ok([...want.values()].some((b) => b.bridge) && [...want.values()].some((b) => !b.bridge), "both kinds occur");
    }
  }
});

test("browser bridging keeps only the kept rows", () => {
  const person = Int32Array.from([0, 0, 0, 1]), listMask = Int32Array.from([1, 2, 3, 1]);
  const got = bridgingOf({ person, listMask, keep: Uint8Array.from([1, 0, 1, 0]), nLists: 2, tracked: 3 });
  assert.deepEqual([...got.keys()], [0]);
  assert.equal(got.get(0).messages, 2);
  assert.deepEqual([...got.get(0).weights], [1.5, 0.5]);
});
