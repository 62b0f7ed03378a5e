// GEXF 1.2 (Gephi) written directly from node and edge rows: the same document graphology-gexf's
// writer makes of a graph built from those rows (what toGexf did before, 1-2 s for a 5,000-person
// graph, mostly its XML writer), except edge ids, which were the library's per-process counters
// ("geid_<graph instance>_<n>", different from run to run) and are now "e<n>" in edge order.
// Only the row shapes toGexf gets: flat values (string, number, boolean; "" for none).

type Flat = string | number | boolean;
type Attrs = Record<string, Flat>;

/** Attribute names that GEXF puts on the element or in viz:position rather than among attvalues. */
const POSITION = ["x", "y", "z"];

/** The writer's attribute text escaping (xml-writer): & < " and tab/LF/CR as character references. */
function attr(v: Flat): string {
  const s = String(v);
  return /[&<"\t\n\r]/.test(s)
    ? s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/\t/g, "&#x9;").replace(/\n/g, "&#xA;").replace(/\r/g, "&#xD;")
    : s;
}

const PRIORITY: Record<string, number> = { string: 5, double: 6, integer: 8, boolean: 9 };

/** graphology-gexf's scalar type inference (null for an empty value, which is left out). */
function typeOf(v: Flat | null | undefined): string | null {
  if (v === undefined || v === null || v === "" || (typeof v === "number" && Number.isNaN(v))) return null;
  if (typeof v === "boolean") return "boolean";
  if (typeof v === "number") return v === (v | 0) ? "integer" : "double";
  return "string";
}

/** Attribute model: names in order of their first non-empty value, the most general type seen. */
function model(elements: (Attrs | null)[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const a of elements) if (a) for (const k in a) {
    const t = typeOf(a[k]);
    if (t === null) continue;
    const cur = m.get(k);
    if (cur === undefined || PRIORITY[t] < PRIORITY[cur]) m.set(k, t);
  }
  return m;
}

function modelXml(m: Map<string, string>, cls: string): string {
  if (!m.size) return "";
  let s = `<attributes class="${cls}">`;
  for (const [k, t] of m) s += `<attribute id="${attr(k)}" title="${attr(k)}" type="${t}"/>`;
  return s + "</attributes>";
}

function attvalues(m: Map<string, string>, a: Attrs | null): string {
  if (!m.size || !a) return "";
  let s = "";
  for (const k of m.keys()) if (k in a && typeOf(a[k]) !== null) s += `<attvalue for="${attr(k)}" value="${attr(a[k])}"/>`;
  return s ? `<attvalues>${s}</attvalues>` : "<attvalues/>";
}

export interface GexfNode { id: string; attrs: Attrs }
export interface GexfEdge { source: string; target: string; attrs: Attrs }

/**
 * The GEXF document. Nodes with the same id are merged (later values win), as are edges with
 * the same source and target; an edge's end missing from `nodes` becomes a node without attributes.
 */
export function writeGexf(nodeList: GexfNode[], edgeList: GexfEdge[]): string {
  const nodes = new Map<string, Attrs>();
  for (const n of nodeList) nodes.set(n.id, Object.assign(nodes.get(n.id) ?? {}, n.attrs));
  const edges = new Map<string, { source: string; target: string; attrs: Attrs }>();
  for (const e of edgeList) {
    for (const end of [e.source, e.target]) if (!nodes.has(end)) nodes.set(end, {});
    const k = `${e.source.length}:${e.source}${e.target}`;
    const cur = edges.get(k);
    if (cur) Object.assign(cur.attrs, e.attrs);
    else edges.set(k, { source: e.source, target: e.target, attrs: { ...e.attrs } });
  }
  // Per element: label (and an edge's weight) go on the element, x/y/z in viz:position, the rest are attvalues.
  const rest = (a: Attrs, edge: boolean): Attrs | null => {
    let r: Attrs | null = null;
    for (const k in a) if (k !== "label" && !(edge && k === "weight") && !POSITION.includes(k)) (r ??= {})[k] = a[k];
    return r;
  };
  const nodeRest = [...nodes.values()].map((a) => rest(a, false));
  const edgeRest = [...edges.values()].map((e) => rest(e.attrs, true));
  const nm = model(nodeRest), em = model(edgeRest);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n<gexf version="1.2" xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http:///www.gexf.net/1.1draft/viz"><meta/><graph defaultedgetype="directed">',
    modelXml(nm, "node"), modelXml(em, "edge"), nodes.size ? "<nodes>" : "<nodes/>"];
  let i = 0;
  for (const [id, a] of nodes) {
    let s = `<node id="${attr(id)}"`;
    if (a.label) s += ` label="${attr(a.label)}"`;
    let inner = attvalues(nm, nodeRest[i++]);
    if (POSITION.some((k) => a[k] !== undefined)) {
      inner += "<viz:position";
      for (const k of POSITION) if (a[k] !== undefined) inner += ` ${k}="${attr(a[k])}"`;
      inner += "/>";
    }
    out.push(inner ? `${s}>${inner}</node>` : `${s}/>`);
  }
  if (nodes.size) out.push("</nodes>");
  out.push(edges.size ? "<edges>" : "<edges/>");
  i = 0;
  for (const e of edges.values()) {
    let s = `<edge id="e${i}" source="${attr(e.source)}" target="${attr(e.target)}"`;
    const w = e.attrs.weight;
    if ((typeof w === "number" && !Number.isNaN(w)) || typeof w === "string") s += ` weight="${attr(w)}"`;
    if (e.attrs.label) s += ` label="${attr(e.attrs.label)}"`;
    const inner = attvalues(em, edgeRest[i++]);
    out.push(inner ? `${s}>${inner}</edge>` : `${s}/>`);
  }
  if (edges.size) out.push("</edges>");
  out.push("</graph></gexf>");
  return out.join("");
}
