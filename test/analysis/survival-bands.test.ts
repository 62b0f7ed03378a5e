// Greenwood bands and number at risk of kaplanMeier, against the textbook 6-MP remission data
// (Freireich et al. 1963; survival::survfit(conf.type = "log-log") gives the same figures).
import { test } from "node:test";
import assert from "node:assert/strict";
import { kaplanMeier } from "../../loaders/analysis/survival.ts";

test("number at risk, S(t) and the 95% log-log Greenwood band match the published 6-MP table", () => {
  const events = [6, 6, 6, 7, 10, 13, 16, 22, 23], censored = [6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35];
  const km = kaplanMeier([...events.map((time) => ({ time, answered: true })), ...censored.map((time) => ({ time, answered: false }))]);
  const want: [number, number, number, number, number][] = [
    [6, 21, 0.857, 0.620, 0.952], [7, 17, 0.807, 0.563, 0.923], [10, 15, 0.753, 0.503, 0.889], [13, 12, 0.690, 0.432, 0.849],
    [16, 11, 0.627, 0.368, 0.805], [22, 7, 0.538, 0.268, 0.747], [23, 6, 0.448, 0.188, 0.680],
  ];
  const got = km.steps.filter((s) => s.events > 0).map((s) => [s.t, s.atRisk, +s.s.toFixed(3), +s.lo.toFixed(3), +s.hi.toFixed(3)]);
  assert.deepEqual(got, want);
  // Censor-only times are steps too (the number at risk drops), with S unchanged.
  const nine = km.steps.find((s) => s.t === 9)!;
  assert.deepEqual([nine.atRisk, nine.events, nine.censored, +nine.s.toFixed(3)], [16, 0, 1, 0.807]);
});

test("no events: S stays 1 with no band width; all events: S reaches 0", () => {
  assert.ok(kaplanMeier([{ time: 5, answered: false }]).steps.every((s) => s.s === 1 && s.lo === 1 && s.hi === 1));
  const all = kaplanMeier([{ time: 1, answered: true }, { time: 2, answered: true }]);
  assert.deepEqual(all.steps.map((s) => [s.atRisk, s.s]), [[2, 0.5], [1, 0]]);
});
