// The discussion flow of one thread as an indented reply tree (d3): each message a row in
// depth-first order, indented by reply depth so branches show, with elbow links to the message it
// answers; on the right its time on a UTC axis that stays in view (sticky) while the rows scroll.
// Each row's tooltip says who answered whom and after how long. All text is set as text.
import * as d3 from "d3";
import { fmtDateTime, fmtDuration } from "./dom.js";
import { homeLabel } from "./colors.js";

const ROW = 17;

/** Rows (threadRows output) in depth-first order: [{row, depth, order}] — children by date. */
export function treeOrder(rows) {
  const kids = new Map();
  const roots = [];
  for (const r of rows) {
    if (r.parentRow == null) roots.push(r);
    else { const k = kids.get(r.parentRow); if (k) k.push(r); else kids.set(r.parentRow, [r]); }
  }
  const out = [];
  const byDate = (a, b) => (a.date ?? 0) - (b.date ?? 0) || a.row - b.row;
  // Iterative DFS: a 1,000-deep chain must not overflow the stack.
  const stack = roots.sort(byDate).reverse().map((r) => [r, 0]);
  const seen = new Set();
  while (stack.length) {
    const [r, depth] = stack.pop();
    if (seen.has(r.row)) continue;
    seen.add(r.row);
    out.push({ row: r.row, depth, order: out.length });
    for (const c of (kids.get(r.row) ?? []).slice().sort(byDate).reverse()) stack.push([c, depth + 1]);
  }
  return out;
}

/** "B answered A after 3.2 h" (or "A started the thread"). */
export function answerText(rows, r) {
  const p = r.parentRow == null ? null : rows[r.parentRow];
  const who = `${r.from_label} (home list: ${homeLabel(r.home)})`;
  return p ? `${who} answered ${p.name} after ${fmtDuration(r.latency_ms)}` : r.parent ? `${who} answered a message not in the archive` : `${who} started the thread`;
}

/** The width style.css reserves for the flow box's vertical scrollbar (scrollbar-gutter: stable). */
const FLOW_GUTTER = 16;

/**
 * @param rows threadRows(d) output
 * @param o {width, colorOf (home -> colour)}
 */
export function threadFlowChart(rows, o) {
  const order = treeOrder(rows);
  const maxDepth = Math.max(0, ...order.map((d) => d.depth));
  // The box's 1 px borders and its vertical scrollbar's gutter (style.css .tg-flow) come out of the
  // page width, so the chart never scrolls sideways by a few pixels in a box as wide as the page.
  const width = Math.max(480, o.width - 2 - FLOW_GUTTER);
  const treeW = Math.min(420, Math.max(260, width * 0.42));
  const indent = Math.max(4, Math.min(14, (treeW - 160) / Math.max(1, maxDepth)));
  const height = order.length * ROW + 8;
  const pos = new Map(order.map((d) => [d.row, { x: 8 + d.depth * indent, y: 4 + d.order * ROW + ROW / 2, depth: d.depth }]));
  const dates = rows.map((r) => r.date).filter((t) => t != null);
  const x = d3.scaleUtc().domain(dates.length ? d3.extent(dates) : [0, 1]).range([treeW + 20, width - 24]).nice();

  const wrap = document.createElement("div");
  wrap.className = "tg-flow";
  wrap.setAttribute("data-testid", "thread-flow");
  const axis = d3.create("svg").attr("class", "tg-flow-axis").attr("width", width).attr("height", 34);
  axis.append("g").attr("transform", "translate(0,30)").call(d3.axisTop(x).ticks(Math.max(2, Math.floor((width - treeW) / 90))));
  axis.append("text").attr("x", 8).attr("y", 22).attr("fill", "currentColor").text(`Reply tree (indent = reply depth, up to ${maxDepth})`);
  axis.append("text").attr("x", treeW + 20).attr("y", 8).attr("fill", "currentColor").style("font-size", "10px").text("Date (UTC) →");

  const svg = d3.create("svg").attr("width", width).attr("height", height).attr("role", "img").attr("aria-label", "thread discussion tree");
  // Zebra stripes so a row's tree label and its time dot read as one line.
  svg.append("g").selectAll("rect").data(order.filter((d) => d.order % 2 === 1)).join("rect")
    .attr("x", 0).attr("y", (d) => 4 + d.order * ROW).attr("width", width).attr("height", ROW).attr("fill", "#000").attr("fill-opacity", 0.035);
  const linked = rows.filter((r) => r.parentRow != null && pos.has(r.parentRow) && pos.has(r.row));
  svg.append("g").attr("fill", "none").attr("stroke", "#999").attr("stroke-width", 1).selectAll("path").data(linked).join("path")
    .attr("d", (r) => { const p = pos.get(r.parentRow), c = pos.get(r.row); return `M${p.x},${p.y}V${c.y}H${c.x}`; });
  const g = svg.append("g").selectAll("g").data(order.map((d) => rows[d.row])).join("g").attr("class", "tg-flow-row");
  g.append("title").text((r) => `${answerText(rows, r)}\n${fmtDateTime(r.date)}\n${r.subject}${r.patch ? `\npatch ${r.patch}` : ""}\nlists: ${(r.lists ?? []).join(" · ")}`);
  g.append("rect").attr("x", 0).attr("y", (r) => pos.get(r.row).y - ROW / 2).attr("width", width).attr("height", ROW).attr("fill", "transparent");
  g.append("circle").attr("cx", (r) => pos.get(r.row).x).attr("cy", (r) => pos.get(r.row).y).attr("r", 4).attr("fill", (r) => o.colorOf(r.home));
  g.append("text").attr("x", (r) => pos.get(r.row).x + 8).attr("y", (r) => pos.get(r.row).y).attr("dy", "0.32em").attr("fill", "currentColor")
    .text((r) => clip(r.name, Math.max(8, Math.floor((treeW - pos.get(r.row).x - 8) / 6.2))));
  g.append("line").attr("x1", treeW + 10).attr("x2", (r) => (r.date == null ? treeW + 10 : x(r.date))).attr("y1", (r) => pos.get(r.row).y).attr("y2", (r) => pos.get(r.row).y)
    .attr("stroke", "#ddd");
  g.filter((r) => r.date != null).append("circle").attr("cx", (r) => x(r.date)).attr("cy", (r) => pos.get(r.row).y).attr("r", 4)
    .attr("fill", (r) => o.colorOf(r.home)).attr("stroke", "white");
  g.filter((r) => r.latency_ms != null).append("text").attr("x", (r) => x(r.date) + 7).attr("y", (r) => pos.get(r.row).y).attr("dy", "0.32em")
    .attr("fill", "#666").style("font-size", "9px").attr("text-anchor", (r) => (x(r.date) > width - 70 ? "end" : "start")).attr("dx", (r) => (x(r.date) > width - 70 ? -14 : 0))
    .text((r) => fmtDuration(r.latency_ms));
  wrap.append(axis.node(), svg.node());
  return wrap;
}

const clip = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
