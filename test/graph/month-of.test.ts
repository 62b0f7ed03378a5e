// monthOf computes "YYYY-MM" by arithmetic with a cache: it must agree with toISOString everywhere,
// month and leap-day edges included, and fall back to it outside 1970-9999.
import { test } from "node:test";
import assert from "node:assert/strict";
import { monthOf } from "../../loaders/graph/build.ts";
import { rng } from "../../loaders/graph/metrics.ts";

const iso = (t: number) => new Date(t).toISOString().slice(0, 7);

test("monthOf agrees with toISOString at every month edge and at random times", () => {
  const times: number[] = [0, 253402300799999, 253402300800000, -1, -86_400_000 * 400, 8.64e15, -8.64e15];
  for (let y = 1969; y <= 2101; y++) for (let m = 0; m < 12; m++) {
    const t = Date.UTC(y, m, 1);
    times.push(t, t - 1, t + 1, Date.UTC(y, m + 1, 0, 23, 59, 59, 999));
  }
  for (const y of [2000, 2024, 2100, 2400, 9999]) times.push(Date.UTC(y, 1, 29), Date.UTC(y, 1, 29) - 1, Date.UTC(y, 2, 1) - 1);
  const r = rng(3);
  for (let i = 0; i < 100_000; i++) times.push(Math.floor(r() * 253402300800000));
  for (const t of times) assert.equal(monthOf(t), iso(t), `t=${t}`);
  assert.equal(monthOf(Date.UTC(2024, 6, 15)), monthOf(Date.UTC(2024, 6, 3)), "cached");
  assert.throws(() => monthOf(NaN), RangeError);
});
