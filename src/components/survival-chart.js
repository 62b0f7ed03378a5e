// Kaplan–Meier curves with their 95% confidence bands and, under the chart, n and the number
// still at risk per curve at a few days (a curve's tail over few threads is not read as a trend).
import * as Plot from "@observablehq/plot";
import { el, fmtInt } from "./dom.js";

const DAY = 86400000;

/** Days at which the number at risk is printed: about six ticks over 0..days. */
export function riskTicks(days) {
  const step = days <= 7 ? 1 : days <= 14 ? 2 : days <= 30 ? 5 : 10;
  const out = [];
  for (let d = 0; d <= days; d += step) out.push(d);
  return out;
}

/**
 * @param curves [{name, color, n, points: [[t_ms, s]], band?: [[lo, hi]], at_risk_days?: number[], bold?}]
 * @param o {days, width}
 */
export function survivalChart(curves, o) {
  const days = o.days;
  const line = [], band = [];
  for (const c of curves) {
    let last = null;
    c.points.forEach(([t, s], i) => {
      if (t > days * DAY) return;
      const [lo, hi] = c.band?.[i] ?? [s, s];
      last = { name: c.name, days: t / DAY, s, lo, hi };
      line.push(last); band.push(last);
    });
    if (last) { line.push({ ...last, days }); band.push({ ...last, days }); } // extend the last step to the edge
  }
  const names = curves.map((c) => c.name);
  const color = { domain: names, range: curves.map((c) => c.color) };
  const chart = Plot.plot({
    width: o.width, height: 360, marginLeft: 50,
    x: { label: "Days since the thread started", domain: [0, days] },
    y: { label: "Share still unanswered (band: 95% confidence)", domain: [0, 1], tickFormat: ".0%", grid: true },
    color: { legend: true, ...color },
    marks: [
      Plot.areaY(band, { x: "days", y1: "lo", y2: "hi", fill: "name", fillOpacity: 0.12, curve: "step-after" }),
      Plot.line(line, { x: "days", y: "s", stroke: "name", curve: "step-after", strokeWidth: (d) => (curves.find((c) => c.name === d.name)?.bold ? 3 : 1.5) }),
      Plot.tip(line, Plot.pointerX({ x: "days", y: "s", stroke: "name",
        title: (d) => `${d.name}: ${(100 * d.s).toFixed(1)}% still unanswered after ${d.days.toFixed(1)} days\n95% CI ${(100 * d.lo).toFixed(1)}–${(100 * d.hi).toFixed(1)}%` })),
      Plot.ruleY([0]),
    ],
    ariaLabel: "survival curves",
  });
  const ticks = riskTicks(days);
  const risk = el("table", { class: "tg-risk", "data-testid": "at-risk", "aria-label": "number at risk" },
    el("thead", {}, el("tr", {}, el("th", {}, "At risk after … days"), el("th", { style: "text-align:right" }, "n"),
      ticks.map((d) => el("th", { style: "text-align:right" }, String(d))))),
    el("tbody", {}, curves.map((c) => el("tr", {},
      el("td", {}, el("span", { class: "tg-swatch", style: `background:${c.color}` }), c.name),
      el("td", { style: "text-align:right" }, fmtInt(c.n)),
      ticks.map((d) => el("td", { style: "text-align:right;font-variant-numeric:tabular-nums" }, c.at_risk_days?.[d] == null ? "–" : fmtInt(c.at_risk_days[d])))))));
  return el("div", { class: "tg-survival" }, chart, risk);
}
