// Drawing of the new vs returning participants chart (Overview), from the rows activity.js computes:
// the page decides what to show, this function how. The weekly activity chart is weekly-chart.js.
import * as Plot from "@observablehq/plot";
import { noneInFilter } from "./dom.js";
import { partialWeekMarks, WEEK_AXIS_BOTTOM } from "./weekly-chart.js";

const WEEK = 7 * 86400000;

/** New vs returning people per week (all lists); partial weeks get the same full-height grey band as the weekly chart. */
export function newReturningChart(weeks, { width }) {
  if (!weeks.length) return noneInFilter("participants");
  const partial = weeks.filter((d) => d.days < 7).map((d) => ({ week: d.week, days: d.days }));
  const all = weeks.flatMap((d) => [
    { week: d.week, kind: "returning", people: d.returning_people },
    { week: d.week, kind: "new", people: d.new_people },
  ]);
  const ws = weeks.map((d) => d.week);
  const domain = [Math.min(...ws), Math.max(...ws) + WEEK];
  return Plot.plot({
    width: Math.max(480, width), height: 230, marginLeft: 50, marginBottom: WEEK_AXIS_BOTTOM,
    x: { type: "utc", label: "Week", domain }, y: { grid: true, label: "People" },
    color: { domain: ["returning", "new"], range: ["#9db5d6", "#e8833a"], legend: true },
    marks: [
      Plot.areaY(all, { x: "week", y: "people", fill: "kind", tip: true }),
      ...partialWeekMarks(partial, domain),
      Plot.ruleY([0]),
    ],
    ariaLabel: "new and returning participants chart",
  });
}
