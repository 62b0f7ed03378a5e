// Weekly activity per list. "shared": one y scale; "per-list": one small chart per list, each with
// its own y scale, so netdev does not flatten the others; "share": each list's share of the week.
// Partial weeks (fewer than 7 days in the data or the window) get a grey band and a note.
import * as Plot from "@observablehq/plot";
import { el, fmtDate, noneInFilter } from "./dom.js";

const WEEK = 7 * 86400000;
// Room under the two-line date ticks ("3" over "Nov") for the "Week →" label, which otherwise
// sits on the last tick's month ("DecWeek →").
export const WEEK_AXIS_BOTTOM = 44;
export const WEEKLY_MODES = { shared: "one scale", "per-list": "a scale per list", share: "share of the week" };

/** Weeks (Monday ms) that are partial: `days` < 7 in any row of that week, with the fewest days seen. */
export function partialWeeks(rows) {
  const m = new Map();
  for (const r of rows) if (r.days != null && r.days < 7) m.set(r.week, Math.min(m.get(r.week) ?? 7, r.days));
  return [...m].map(([week, days]) => ({ week, days })).sort((a, b) => a.week - b.week);
}

/** Grey bands over partial weeks, for any time chart with x = week; labels kept inside the frame. */
export function partialWeekMarks(partial, domain) {
  const mid = domain ? (domain[0] + domain[1]) / 2 : Infinity;
  const early = (d) => d.week < mid;
  return [
    Plot.rectX(partial, { x1: "week", x2: (d) => d.week + WEEK, fill: "#000", fillOpacity: 0.08 }),
    Plot.text(partial.filter(early), { x: "week", frameAnchor: "top", text: (d) => `partial: ${d.days} d`, fontSize: 9, dy: 4, dx: 2, textAnchor: "start", fill: "#555" }),
    Plot.text(partial.filter((d) => !early(d)), { x: (d) => d.week + WEEK, frameAnchor: "top", text: (d) => `partial: ${d.days} d`, fontSize: 9, dy: 4, dx: -2, textAnchor: "end", fill: "#555" }),
  ];
}

/**
 * Weeks without a row get 0 (rows exist only for weeks with mail), so a line does not bridge a
 * silent month as if activity went on. Shares (percent metrics) are left as they are.
 */
export function fillWeeks(rows, lists, metric) {
  if (!rows.length) return rows;
  const weeks = rows.map((r) => r.week);
  const [w0, w1] = [Math.min(...weeks), Math.max(...weeks)];
  const have = new Map(rows.map((r) => [`${r.list}|${r.week}`, r]));
  const out = [];
  for (const l of lists) for (let w = w0; w <= w1; w += WEEK) out.push(have.get(`${l}|${w}`) ?? { week: w, list: l, [metric]: 0 });
  return out;
}

export function partialNote(partial) {
  return partial.length ? el("p", { class: "tg-note", "data-testid": "partial-weeks" },
    `Grey bands: partial weeks (${partial.map((d) => `${fmtDate(d.week)}, ${d.days} of 7 days`).join("; ")}), so a low count there is not a drop.`) : null;
}

/**
 * @param rows [{week, list, days?, [metric]: number}] one row per list and week (no "*" rows)
 * @param o {lists, colors (list -> colour), metric, metricLabel, percent (metric is a share), mode, width}
 */
export function weeklyChart(rows, o) {
  if (!rows.length) return noneInFilter("mail");
  const partial = partialWeeks(rows);
  const mode = o.mode in WEEKLY_MODES ? o.mode : "shared";
  if (!o.percent) rows = fillWeeks(rows, o.lists, o.metric);
  // One time axis for every chart, so the per-list charts line up.
  const weeks = rows.map((r) => r.week);
  const domain = weeks.length ? [Math.min(...weeks), Math.max(...weeks) + WEEK] : undefined;
  const color = { domain: o.lists, range: o.lists.map(o.colors) };
  const tip = { format: { x: (d) => fmtDate(d) } };
  if (mode === "per-list") {
    return el("div", { "aria-label": "weekly activity chart" }, partialNote(partial), o.lists.map((l) => Plot.plot({
      width: o.width, height: 130, marginLeft: 50, marginTop: 18,
      x: { type: "utc", label: null, domain }, y: { grid: true, label: `${l}: ${o.metricLabel}`, tickFormat: o.percent ? ".0%" : "~s", zero: true, ticks: 4 },
      color,
      marks: [...partialWeekMarks(partial, domain), Plot.lineY(rows.filter((r) => r.list === l), { x: "week", y: o.metric, stroke: "list", strokeWidth: 2, tip }), Plot.ruleY([0])],
    })));
  }
  let data = rows, y = o.metric, label = o.metricLabel, fmt = o.percent ? ".0%" : "~s";
  if (mode === "share" && !o.percent) {
    const total = new Map();
    for (const r of rows) total.set(r.week, (total.get(r.week) ?? 0) + (r[o.metric] ?? 0));
    // Shares of the sum over lists (a cross-post counts on each list it reached).
    data = rows.map((r) => ({ ...r, share: total.get(r.week) ? (r[o.metric] ?? 0) / total.get(r.week) : 0 }));
    y = "share"; label = `${o.metricLabel}: share of the week's total over the lists`; fmt = ".0%";
  }
  return el("div", {}, partialNote(partial), Plot.plot({
    width: o.width, height: 330, marginLeft: 50, marginBottom: WEEK_AXIS_BOTTOM,
    x: { type: "utc", label: "Week", domain }, y: { grid: true, label, tickFormat: fmt, zero: true, domain: y === "share" ? [0, 1] : undefined },
    color,
    marks: [...partialWeekMarks(partial, domain), Plot.lineY(data, { x: "week", y, stroke: "list", strokeWidth: 2, tip }), Plot.ruleY([0])],
    ariaLabel: "weekly activity chart",
  }));
}
