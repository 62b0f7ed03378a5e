// Graph exports for users and other tools: CSV node/edge tables, GEXF (Gephi, gexf.ts) and GraphML
// (graphology-graphml only parses).
import { writeGexf } from "./gexf.ts";
import { csvCell } from "../model/csv-cell.ts";
import { capLength } from "../model/clip.ts";

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

export function toGexf(nodes: Row[], edges: Row[]): string {
  const attrs = (r: Row, skip: string[]) => {
    const a: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(r)) if (!skip.includes(k)) a[k] = flat(v);
    return a;
  };
  // Ids cut to the length bound may meet (only absurdly long ids): writeGexf merges them, never a crash.
  const id = (v: Scalar | Scalar[] | undefined) => capLength(String(v));
  // The characters XML forbids are replaced afterwards (the markup itself is plain ASCII, so only data can carry them).
  return xmlChars(writeGexf(nodes.map((n) => ({ id: id(n.id), attrs: attrs(n, ["id"]) })),
    edges.map((e) => ({ source: id(e.source), target: id(e.target), attrs: attrs(e, ["source", "target"]) }))));
}

/** Characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF) become U+FFFD, so Gephi and strict parsers accept the file. */
export function xmlChars(s: string): string {
  return s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD");
}

/** Anything xmlEscape changes: markup characters, and the characters xmlChars replaces. */
const ESCAPED = /[&<>"]|[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function xmlEscape(s: string): string {
  const c = capLength(s);
  // Most values (numbers, ids, plain names) need nothing: one test instead of five replaces.
  if (!ESCAPED.test(c)) return c;
  return xmlChars(c).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
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
