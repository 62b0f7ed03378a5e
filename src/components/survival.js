// Time to first reply for the filter, in the browser, from the fact tables' observations
// (facts.js; loaders/analysis/survival.ts makes them): the Kaplan–Meier estimate the
// Responsiveness page draws. An observation counts when its thread (series) started in the
// filter's window, on a selected list; censored ones are still waiting at the end of the data.
// Times are whole minutes (the fact tables' unit).
import { dayOf } from "./facts.js";

const MIN = 60000, DAY = 86400000;

/** Days for which the number at risk is given (survival-chart.js shows up to 60). */
const RISK_DAYS = 60;
const Z95 = 1.959964;

/**
 * Product-limit estimate over { time (ms), answered }, with a 95% band per point (Greenwood on the
 * log(-log) scale) and the number at risk after each day 0..60: the browser copy of
 * loaders/analysis/survival.ts kaplanMeier (test/site/survival-copy.test.ts keeps them equal).
 */
export function kaplanMeier(obs) {
  const sorted = [...obs].sort((a, b) => a.time - b.time || Number(b.answered) - Number(a.answered));
  let atRisk = sorted.length, s = 1, events = 0, greenwood = 0;
  const points = [[0, 1]], band = [[1, 1]], riskSteps = [];
  for (let i = 0; i < sorted.length;) {
    const t = sorted[i].time;
    let d = 0, c = 0;
    for (; i < sorted.length && sorted[i].time === t; i++) sorted[i].answered ? d++ : c++;
    if (d > 0) {
      s *= 1 - d / atRisk;
      greenwood += d < atRisk ? d / (atRisk * (atRisk - d)) : Infinity;
      points.push([t, s]); band.push(logLogBand(s, greenwood)); events += d;
    }
    atRisk -= d + c;
    riskSteps.push([t, atRisk]);
  }
  const at = (t) => { let v = 1; for (const [pt, ps] of points) { if (pt <= t) v = ps; else break; } return v; };
  const riskAt = (t) => { let v = sorted.length; for (const [pt, n] of riskSteps) { if (pt <= t) v = n; else break; } return v; };
  const med = points.find(([, ps]) => ps <= 0.5);
  return { n: obs.length, events, censored: obs.length - events, points, band, median_ms: med ? med[0] : null,
    at_risk_days: Array.from({ length: RISK_DAYS + 1 }, (_, d) => (d === 0 ? sorted.length : riskAt(d * DAY))),
    unanswered: { d1: at(DAY), d7: at(7 * DAY), d30: at(30 * DAY) } };
}

function logLogBand(s, greenwood) {
  if (s <= 0 || !Number.isFinite(greenwood)) return [0, 0];
  if (s >= 1) return [1, 1];
  const ll = Math.log(-Math.log(s)), se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
  return [Math.exp(-Math.exp(ll + Z95 * se)), Math.exp(-Math.exp(ll - Z95 * se))];
}

/** The observations a filter keeps: { kind, day, lists (mask), time (ms), answered, responder }. */
export function observations(f, filter, maskOf) {
  const from = dayOf(filter.from), to = dayOf(filter.to), mask = maskOf(f, filter.lists);
  const out = [];
  for (let i = 0; i < f.obsDay.length; i++) {
    const d = f.obsDay[i];
    if ((from !== null && d < from) || (to !== null && d >= to)) continue;
    if (mask !== null && (f.obsLists[i] & mask) === 0) continue;
    const t = f.obsTime[i];
    out.push({ kind: f.obsKind[i] ? "series" : "thread", day: d, lists: f.obsLists[i], time: Math.floor(t / 2) * MIN, answered: t % 2 === 1, responder: f.obsResponder[i] });
  }
  return out;
}

/** The lists a per-list view shows: the filter's chosen lists (null: all), as [name, bit]. A thread
 * cross-posted to a list the filter left out must not give that list a curve or a row of its own. */
const shownLists = (f, chosen) => f.lists.map((l, i) => [l, i]).filter(([l]) => !chosen || chosen.includes(l));

/** Curves per group ("all", "list:x", "month:YYYY-MM") of one kind, as the page draws them; `chosen`: the filter's lists. */
export function survivalCurves(f, obs, kind, chosen = null) {
  const own = obs.filter((o) => o.kind === kind);
  if (!own.length) return [];
  const curves = [{ group: "all", ...kaplanMeier(own) }];
  for (const [l, i] of shownLists(f, chosen)) { const s = own.filter((o) => o.lists & (1 << i)); if (s.length) curves.push({ group: `list:${l}`, ...kaplanMeier(s) }); }
  const byMonth = new Map();
  for (const o of own) { const m = new Date(o.day * DAY).toISOString().slice(0, 7); if (!byMonth.has(m)) byMonth.set(m, []); byMonth.get(m).push(o); }
  for (const [m, s] of [...byMonth].sort()) curves.push({ group: `month:${m}`, ...kaplanMeier(s) });
  return curves;
}

/** Who answered first most often, per list ("*": all; else the filter's `chosen` lists), top 25: { list, person, first_replies, median_ms }. */
export function firstResponders(f, obs, chosen = null) {
  const out = [];
  for (const [l, bit] of [["*", -1], ...shownLists(f, chosen)]) {
    const by = new Map();
    for (const o of obs) {
      if (o.kind !== "thread" || o.responder < 0 || (bit >= 0 && !(o.lists & (1 << bit)))) continue;
      if (!by.has(o.responder)) by.set(o.responder, []);
      by.get(o.responder).push(o.time);
    }
    for (const [p, ts] of [...by].sort((x, y) => y[1].length - x[1].length || x[0] - y[0]).slice(0, 25)) {
      ts.sort((x, y) => x - y);
      out.push({ list: l, person: p, first_replies: ts.length, median_ms: ts[Math.min(ts.length - 1, Math.floor(0.5 * ts.length))] });
    }
  }
  return out;
}
