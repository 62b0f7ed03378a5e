// Graph exports for users and other tools: CSV node/edge tables, GEXF (Gephi) and GraphML,
// GEXF through graphology-gexf's writer; GraphML written here (graphology-graphml only parses).
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { write as writeGexf } from "graphology-gexf";
import { csvCell } from "../model/csv-cell.ts";
import { capLength } from "../model/clip.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

export type Scalar = string | number | boolean | null;
export type Row = Record<string, Scalar | Scalar[]>;

/** Cells carry mail text: bounded in length (the store keeps the full value). */
function bounded(v: Scalar | Scalar[] | undefined): Scalar | Scalar[] | undefined {
  if (typeof v === "string") return capLength(v);
  return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? capLength(x) : x)) : v;
}

/** RFC 4180 CSV with the given column order; text that a spreadsheet would run as a formula stays text. */
export function toCsv(columns: string[], rows: Row[]): string {
  const lines = [columns.join(",")];
  for (const r of rows) lines.push(columns.map((c) => csvCell(bounded(r[c]))).join(","));
  return lines.join("\n") + "\n";
}

function flat(v: Scalar | Scalar[]): string | number | boolean {
  if (v === null) return "";
  const b = bounded(v)!;
  return Array.isArray(b) ? b.join(";") : b;
}

// graphology keeps adjacency in plain objects, so an id such as "__proto__" or "constructor" (ids
// come from mail) would collide with Object.prototype: node keys carry this prefix, which the
// writer's output loses again (attribute values are XML-escaped, so `id="k:` is only ever a real id).
const KEY = "k:";

/** A flat graphology graph from node and edge rows (edges: source/target columns), keys prefixed with KEY. */
function flatGraph(nodes: Row[], edges: Row[], idCol: string, srcCol: string, dstCol: string) {
  const g = new DirectedGraph();
  for (const n of nodes) {
    const attrs: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(n)) if (k !== idCol) attrs[k] = flat(v);
    // merge: ids cut to the length bound may meet (only absurdly long ids); never a crash.
    g.mergeNode(KEY + capLength(String(n[idCol])), attrs);
  }
  for (const e of edges) {
    const attrs: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(e)) if (k !== srcCol && k !== dstCol) attrs[k] = flat(v);
    g.mergeDirectedEdge(KEY + capLength(String(e[srcCol])), KEY + capLength(String(e[dstCol])), attrs);
  }
  return g;
}

export function toGexf(nodes: Row[], edges: Row[]): string {
  // graphology-gexf writes text as it is: the characters XML forbids are replaced afterwards (our
  // own markup is plain ASCII, so only data can carry them).
  return xmlChars(writeGexf(flatGraph(nodes, edges, "id", "source", "target"), { pretty: false }).replace(/ (id|source|target)="k:/g, ' $1="'));
}

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF) become U+FFFD, so Gephi and strict parsers accept the file. */
export function xmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
}

function xmlEscape(s: string): string {
  return xmlChars(capLength(s)).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function graphmlType(rows: Row[], col: string): string {
  for (const r of rows) {
    const v = r[col];
    if (v === null || v === undefined) continue;
    if (typeof v === "number") return Number.isInteger(v) && rows.every((x) => x[col] === null || Number.isInteger(x[col])) ? "long" : "double";
    if (typeof v === "boolean") return "boolean";
    return "string";
  }
  return "string";
}

/** GraphML (directed) with typed keys for every node and edge column. */
export function toGraphml(nodes: Row[], edges: Row[]): string {
  const nodeCols = Object.keys(nodes[0] ?? {}).filter((c) => c !== "id");
  const edgeCols = Object.keys(edges[0] ?? {}).filter((c) => c !== "source" && c !== "target");
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'];
  for (const c of nodeCols) out.push(`<key id="n_${xmlEscape(c)}" for="node" attr.name="${xmlEscape(c)}" attr.type="${graphmlType(nodes, c)}"/>`);
  for (const c of edgeCols) out.push(`<key id="e_${xmlEscape(c)}" for="edge" attr.name="${xmlEscape(c)}" attr.type="${graphmlType(edges, c)}"/>`);
  out.push('<graph edgedefault="directed">');
  const data = (prefix: string, r: Row, cols: string[]) => cols
    .filter((c) => r[c] !== null && r[c] !== undefined)
    .map((c) => `<data key="${prefix}${xmlEscape(c)}">${xmlEscape(String(flat(r[c])))}</data>`).join("");
  for (const n of nodes) out.push(`<node id="${xmlEscape(String(n.id))}">${data("n_", n, nodeCols)}</node>`);
  edges.forEach((e, i) => out.push(`<edge id="e${i}" source="${xmlEscape(String(e.source))}" target="${xmlEscape(String(e.target))}">${data("e_", e, edgeCols)}</edge>`));
  out.push("</graph>", "</graphml>");
  return out.join("\n") + "\n";
}
