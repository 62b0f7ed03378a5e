// Drawing of the weekly activity charts (Overview), from plain row arrays (activity.js computes
// them): the pages decide what to show, these functions how.
import * as Plot from "@observablehq/plot";
import { fmtDate } from "./dom.js";
import { listColor } from "./colors.js";

const WEEK = 7 * 86400000;

/** One line per list; rows: { week, list, [metric] }. */
export function weeklyChart(rows, { lists, metric, label, share, width }) {
  return Plot.plot({
    width: Math.max(480, width), height: 320, marginLeft: 50,
    x: { type: "utc", label: "Week" },
    y: { grid: true, label, tickFormat: share ? ".0%" : "~s", zero: true },
    color: { domain: lists, range: lists.map(listColor) },
    marks: [
      Plot.lineY(rows, { x: "week", y: metric, stroke: "list", strokeWidth: 2, tip: { format: { x: (d) => fmtDate(d) } } }),
      Plot.ruleY([0]),
    ],
    ariaLabel: "weekly activity chart",
  });
}

/** New vs returning people per week (all lists); partial weeks get a grey band. */
export function newReturningChart(weeks, { width }) {
  const partial = weeks.filter((d) => d.days < 7);
  const all = weeks.flatMap((d) => [
    { week: d.week, kind: "returning", people: d.returning_people },
    { week: d.week, kind: "new", people: d.new_people },
  ]);
  return Plot.plot({
    width: Math.max(480, width), height: 220, marginLeft: 50,
    x: { type: "utc", label: "Week" }, y: { grid: true, label: "People" },
    color: { domain: ["returning", "new"], range: ["#9db5d6", "#e8833a"], legend: true },
    marks: [
      Plot.areaY(all, { x: "week", y: "people", fill: "kind", tip: true }),
      Plot.rectY(partial, { x1: "week", x2: (d) => d.week + WEEK, y: (d) => d.people, fill: "#000", fillOpacity: 0.12 }),
      Plot.text(partial, { x: (d) => d.week + WEEK, y: (d) => d.people, text: (d) => `partial week: ${d.days} d`, dy: -10, textAnchor: "end", fontSize: 10 }),
      Plot.ruleY([0]),
    ],
  });
}
