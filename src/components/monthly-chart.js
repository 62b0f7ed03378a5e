// Monthly messages per list (a person's activity). The first and last month of the data or window
// are usually partial: they get a grey band and say how many days they cover, so a low bar there
// is not read as a drop.
import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";

const DAY = 86400000;

/** Months (YYYY-MM) the window [start, end] covers only in part: [{month, days, of}]. */
export function partialMonths(months, start, end) {
  const out = [];
  for (const m of months) {
    const [y, mo] = m.split("-").map(Number);
    const from = Date.UTC(y, mo - 1, 1), to = Date.UTC(y, mo, 1);
    const a = Math.max(from, start ?? from), b = Math.min(to, end == null ? to : end + 1);
    const of = Math.round((to - from) / DAY), days = Math.max(0, Math.ceil((b - a) / DAY));
    if (days < of) out.push({ month: m, days, of });
  }
  return out;
}

/**
 * @param rows [{month: "YYYY-MM", list, messages}]
 * @param o {colors (list -> colour), window: {start, end} (ms), width}
 */
export function monthlyChart(rows, o) {
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const lists = [...new Set(rows.map((r) => r.list))];
  const partial = partialMonths(months, o.window?.start ?? null, o.window?.end ?? null);
  const max = Math.max(1, ...months.map((m) => rows.filter((r) => r.month === m).reduce((s, r) => s + r.messages, 0)));
  return el("div", {},
    partial.length ? el("p", { class: "tg-note", "data-testid": "partial-months" },
      `Grey: partial months (${partial.map((p) => `${p.month}: ${p.days} of ${p.of} days`).join("; ")}).`) : null,
    Plot.plot({
      width: o.width, height: 240, marginLeft: 50,
      x: { label: "Month", type: "band", domain: months }, y: { grid: true, label: "Messages" },
      color: { legend: true, domain: lists, range: lists.map(o.colors) },
      marks: [
        Plot.barY(partial, { x: "month", y: max, fill: "#000", fillOpacity: 0.07 }),
        Plot.barY(rows, { x: "month", y: "messages", fill: "list", tip: true }),
        Plot.ruleY([0]),
      ],
      ariaLabel: "person activity chart",
    }));
}
