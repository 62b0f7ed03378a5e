// A list × list matrix (reply flows, reviews) whose off-diagonal stays visible next to a big
// diagonal: colour on a sqrt or log scale, or each row as shares of its total. The legend says which.
import * as Plot from "@observablehq/plot";
import { fmtInt, fmtPct } from "./dom.js";

/** Colour modes offered by the pages' toggle: value -> words for the control and the legend. */
export const HEATMAP_SCALES = { sqrt: "square-root scale", log: "log scale", row: "share of each row" };

const k = (d) => (d >= 1000 ? `${+(d / 1000).toFixed(1)}k` : String(d));

/**
 * @param cells [{from, to, value}] plain rows (from: row label, to: column label)
 * @param o {rows, cols, scale: "sqrt"|"log"|"row", label (what value counts), xLabel, yLabel, scheme, width, ariaLabel}
 */
export function heatmapChart(cells, o) {
  const scale = o.scale in HEATMAP_SCALES ? o.scale : "sqrt";
  const rowTotal = new Map();
  for (const c of cells) rowTotal.set(c.from, (rowTotal.get(c.from) ?? 0) + c.value);
  const data = cells.map((c) => ({ ...c, share: rowTotal.get(c.from) ? c.value / rowTotal.get(c.from) : 0 }));
  const fillKey = scale === "row" ? "share" : "value";
  const max = Math.max(scale === "row" ? 0.01 : 1, ...data.map((d) => d[fillKey]));
  // A log scale cannot show 0: empty cells stay blank (no fill) and say 0.
  const color = scale === "row"
    ? { type: "linear", domain: [0, max], tickFormat: ".0%", label: `${o.label}: share of each row's total` }
    : scale === "log"
      ? { type: "log", domain: [1, max], tickFormat: k, label: `${o.label} (${HEATMAP_SCALES.log}; blank = 0)` }
      : { type: "sqrt", domain: [0, max], tickFormat: k, label: `${o.label} (${HEATMAP_SCALES.sqrt})` };
  const intensity = (d) => {
    const v = d[fillKey];
    if (scale === "log") return v > 0 ? Math.log(v) / Math.log(Math.max(2, max)) : 0;
    return scale === "row" ? v / max : Math.sqrt(v / max);
  };
  const text = (d) => (scale === "row" ? `${fmtPct(d.share)}\n${fmtInt(d.value)}` : fmtInt(d.value));
  return Plot.plot({
    width: o.width, height: 80 + 70 * o.rows.length, marginLeft: 100, marginBottom: 50,
    x: { label: o.xLabel, domain: o.cols }, y: { label: o.yLabel, domain: o.rows },
    color: { scheme: o.scheme ?? "blues", legend: true, ticks: 4, ...color },
    marks: [
      Plot.cell(data.filter((d) => scale !== "log" || d.value > 0), { x: "to", y: "from", fill: fillKey, inset: 1 }),
      Plot.cell(data, { x: "to", y: "from", stroke: "#ddd", inset: 1, fill: "none" }),
      Plot.text(data, { x: "to", y: "from", text, fill: (d) => (intensity(d) > 0.6 ? "white" : "black"), lineHeight: 1.2 }),
      Plot.tip(data, Plot.pointer({ x: "to", y: "from",
        title: (d) => `${d.from} → ${d.to}\n${fmtInt(d.value)} ${o.label}\n${fmtPct(d.share)} of the row's ${fmtInt(rowTotal.get(d.from))}` })),
    ],
    ariaLabel: o.ariaLabel,
  });
}
