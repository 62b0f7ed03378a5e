// The Responsiveness page estimates Kaplan–Meier curves in the browser for any filter; the loader
// estimates them for series and the artifacts. Two copies of one estimator: they must agree.
import { test } from "node:test";
import assert from "node:assert/strict";
import { kaplanMeier as loaderKm } from "../../loaders/analysis/survival.ts";
// @ts-expect-error plain browser JS module without types
import { kaplanMeier as pageKm } from "../../src/components/survival.js";

const DAY = 86_400_000;

test("browser and loader Kaplan–Meier agree: points, bands, number at risk, median", () => {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  for (const n of [0, 1, 2, 5, 40, 300]) {
    const obs = Array.from({ length: n }, () => ({ time: Math.floor(rnd() * 40) * DAY / 4, answered: rnd() < 0.7 }));
    const a = loaderKm(obs), b = pageKm(obs);
    assert.deepEqual(b.points, a.points, `points n=${n}`);
    assert.deepEqual(b.band, a.band.map(([, lo, hi]) => [lo, hi]), `bands n=${n}`);
    assert.equal(b.median_ms, a.median, `median n=${n}`);
    for (let d = 1; d <= 60; d++) assert.equal(b.at_risk_days[d], a.riskAt(d * DAY), `at risk day ${d} n=${n}`);
    assert.equal(b.at_risk_days[0], n);
  }
});
