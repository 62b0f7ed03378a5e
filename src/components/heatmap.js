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
  // Long labels (MAINTAINERS section titles, organisations): a wider left margin, rotated column
  // labels, titles cut at 34 characters (the tip gives them whole); many rows: lower rows.
  const longest = (ls) => Math.max(0, ...ls.map((l) => String(l).length));
  const short = (l) => (String(l).length > 34 ? String(l).slice(0, 32) + "…" : l);
  const rowLong = longest(o.rows) > 14, colLong = longest(o.cols) > 10 && o.cols.length > 4;
  const rowH = o.rows.length > 6 ? 36 : 70;
  // labels rotated by 40°: about 6 px a character, 0.64 of it downwards and 0.77 to the right (the last one must fit)
  const bottom = colLong ? 45 + 4 * Math.min(34, longest(o.cols)) : 50;
  const right = colLong ? 10 + 4.7 * Math.min(34, longest(o.cols.slice(-2))) : 20;
  const left = rowLong ? 20 + 6.5 * Math.min(34, longest(o.rows)) : 100;
  // Cells at least 44 px wide (a count or "12%\n1,234" fits): a wide matrix scrolls sideways on a narrow screen.
  const plotWidth = Math.max(o.width, left + right + 44 * o.cols.length);
  const scroll = plotWidth > o.width;
  const plot = Plot.plot({
    // scrolling: keep the drawn size (Plot's default style shrinks the SVG to its container)
    ...(scroll ? { style: { maxWidth: "none" } } : {}),
    width: plotWidth, height: 30 + bottom + rowH * o.rows.length, marginLeft: left, marginBottom: bottom, marginRight: right,
    x: { label: o.xLabel, domain: o.cols, tickFormat: short, ...(colLong ? { tickRotate: 40 } : {}) }, y: { label: o.yLabel, domain: o.rows, tickFormat: short },
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
  if (!scroll) return plot;
  const box = document.createElement("div");
  box.style.overflowX = "auto";
  box.style.paddingLeft = "8px"; // the legend's first tick label is centred on its edge: not clipped by the scroll box
  box.append(plot);
  return box;
}
