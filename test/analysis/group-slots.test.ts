// groupSlots (the counting sort build-people.ts and person-facts.ts group people's messages,
// replies and reviews with) against grouping with a Map: every slot's items in item order,
// negative keys left out, empty slots empty, slots past every key empty.
import { test } from "node:test";
import assert from "node:assert/strict";
import { groupSlots, slotSize } from "../../loaders/analysis/group-slots.ts";

test("groupSlots lists each slot's items in order, leaves out negative keys", () => {
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  for (const [n, slots] of [[0, 3], [1, 1], [50, 4], [2000, 37]]) {
    const keys = Int32Array.from({ length: n }, () => rand(slots + 2) - 2); // -2, -1: no slot
    const want = new Map<number, number[]>();
    keys.forEach((k, i) => { if (k >= 0) { const l = want.get(k) ?? []; l.push(i); want.set(k, l); } });
    const g = groupSlots(keys, slots);
    for (let s = 0; s < slots; s++) {
      assert.deepEqual(Array.from(g.items.subarray(g.at[s], g.at[s + 1])), want.get(s) ?? [], `slot ${s} of ${n}`);
      assert.equal(slotSize(g, s), (want.get(s) ?? []).length);
    }
    assert.equal(g.items.length, [...want.values()].reduce((t, l) => t + l.length, 0), "only items with a slot");
  }
});
