// UpSet-style overlap chart: one column per exact list combination (bar = people), a dot matrix
// underneath showing which lists the combination holds, and per-list totals on the left.
import * as Plot from "@observablehq/plot";
import { el } from "./dom.js";

export function upsetChart(upset, { width = 800, maxCombos = 20 } = {}) {
  const combos = upset.combos.filter((c) => c.people > 0).sort((a, b) => b.people - a.people).slice(0, maxCombos);
  if (!combos.length) return el("p", { class: "tg-note" }, "No participants on any tracked list in this window.");
  const label = (c) => c.lists.join(" + ");
  const domain = combos.map(label);
  const lists = upset.lists;
  const left = 170;
  const common = { width, marginLeft: left, x: { domain, axis: null, padding: 0.25 } };
  const bars = Plot.plot({
    ...common, height: 220, y: { grid: true, label: "people" },
    marks: [
      Plot.barY(combos, { x: label, y: "people", fill: "#4269d0", tip: { format: { x: true } }, title: (c) => `${label(c)}\n${c.people} people, ${c.messages} messages` }),
      Plot.text(combos, { x: label, y: "people", text: "people", dy: -6, fontSize: 10 }),
      Plot.ruleY([0]),
    ],
    ariaLabel: "upset bars",
  });
  const cells = combos.flatMap((c) => lists.map((l) => ({ combo: label(c), list: l, on: c.lists.includes(l) })));
  const setSize = new Map(upset.sets.map((s) => [s.list, s.people]));
  const matrix = Plot.plot({
    ...common, height: 30 + 28 * lists.length,
    y: { domain: lists, label: null, tickFormat: (l) => `${l} (${setSize.get(l) ?? 0})` },
    marks: [
      Plot.dot(cells, { x: "combo", y: "list", r: 6, fill: (d) => (d.on ? "#333" : "#ddd") }),
      Plot.line(cells.filter((d) => d.on), { x: "combo", y: "list", z: "combo", stroke: "#333", strokeWidth: 2 }),
    ],
    ariaLabel: "upset membership matrix",
  });
  return el("div", { class: "tg-upset", "data-testid": "upset" }, bars, matrix);
}
