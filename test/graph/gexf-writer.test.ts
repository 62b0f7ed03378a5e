// toGexf writes GEXF itself (graph/gexf.ts): the document must be the one graphology-gexf's writer
// made of the same rows before (the reference below is the old toGexf), but for edge ids, which
// were per-process counters and are now e0, e1, ... Rows carry what mail can: quotes, markup,
// tabs and newlines, control characters, prototype names, empty and missing values, mixed types,
// duplicate ids, and edges to people missing from the node rows.
import { test } from "node:test";
import assert from "node:assert/strict";
import graphology from "graphology";
import type { DirectedGraph as DirectedGraphT } from "graphology";
import { write as libraryGexf } from "graphology-gexf";
import { toGexf, xmlChars, type Row, type Scalar } from "../../loaders/graph/export.ts";
import { capLength } from "../../loaders/model/clip.ts";
import { rng } from "../../loaders/graph/metrics.ts";

const { DirectedGraph } = graphology as unknown as { DirectedGraph: typeof DirectedGraphT };

/** The previous toGexf: a graphology graph (keys prefixed against prototype names) through graphology-gexf. */
function reference(nodes: Row[], edges: Row[]): string {
  const flat = (v: Scalar | Scalar[]): string | number | boolean => {
    if (v === null) return "";
    if (typeof v === "string") return capLength(v);
    return Array.isArray(v) ? v.map((x) => (typeof x === "string" ? capLength(x) : x)).join(";") : v;
  };
  const g = new DirectedGraph();
  for (const n of nodes) {
    const a: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(n)) if (k !== "id") a[k] = flat(v);
    g.mergeNode("k:" + capLength(String(n.id)), a);
  }
  for (const e of edges) {
    const a: Record<string, string | number | boolean> = {};
    for (const [k, v] of Object.entries(e)) if (k !== "source" && k !== "target") a[k] = flat(v);
    g.mergeDirectedEdge("k:" + capLength(String(e.source)), "k:" + capLength(String(e.target)), a);
  }
  return xmlChars(libraryGexf(g, { pretty: false }).replace(/ (id|source|target)="k:/g, ' $1="'));
}

const edgeIds = (s: string) => { let i = 0; return s.replace(/<edge id="[^"]*"/g, () => `<edge id="e${i++}"`); };

const TEXTS = ["plain", 'say "hi"', "a<b>&c", "tab\there", "line\nbreak\r\n", "ctl\u0001\u001f", "__proto__", "constructor", "", "Zhāng 张伟 😀",
  "lone \ud800", "'single'", "x".repeat(1200)];

function rows(seed: number, n: number, m: number): { nodes: Row[]; edges: Row[] } {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const ids = Array.from({ length: n }, (_, i) => (i % 9 === 0 ? pick(TEXTS) || `p${i}` : `p${i}@example.org`));
  const nodes: Row[] = ids.map((id, i) => ({
    id, label: i % 6 === 0 ? "" : pick(TEXTS), home: i % 4 === 0 ? null : pick(["netdev", "linux-cxl", "cross-list"]), bot: i % 7 === 0,
    messages: Math.floor(r() * 1000), pagerank: i % 5 === 0 ? 0 : r() / 100, betweenness: i % 3 === 0 ? null : r(),
    community: i % 8 === 0 ? null : Math.floor(r() * 5), big: i % 11 === 0 ? 2 ** 40 : i, x: Math.round(r() * 20000 - 10000) / 10, y: -0,
  }));
  const edges: Row[] = Array.from({ length: m }, (_, i) => ({
    source: pick(ids), target: i % 13 === 0 ? `missing${i}` : pick(ids), weight: 1 + Math.floor(r() * 9),
    first: i % 5 === 0 ? null : new Date(1.7e12 + i * 1e6).toISOString(), last: null, lists: i % 3 ? ["netdev", pick(TEXTS)] : [], bot: i % 2 === 0,
  }));
  return { nodes, edges };
}

test("toGexf = the graphology-gexf document of the same rows (edge ids aside), hostile text included", () => {
  for (const [seed, n, m] of [[1, 40, 120], [2, 300, 900], [3, 5, 0], [4, 0, 0]] as const) {
    const { nodes, edges } = rows(seed, n, m);
    const ours = toGexf(nodes, edges);
    assert.equal(ours, edgeIds(reference(nodes, edges)), `seed ${seed}`);
    assert.match(ours, /<edge id="e0"|<edges\/>/);
  }
  // Columns whose first values are empty come later in the model, as in the library.
  const late = [{ id: "a", home: null, n: 1 }, { id: "b", home: "netdev", n: 2.5 }] as Row[];
  assert.equal(toGexf(late, []), edgeIds(reference(late, [])));
});
