// Re-lays out the people shown after a filter change: ForceAtlas2 on the visible subgraph only, in
// a web worker (the page stays responsive), started from the current positions so the picture
// moves rather than jumps, then animated into place. Hidden people keep their positions.
import { Graph, FA2Layout, fa2InferSettings, animateNodes } from "./vendor-graph.js";

/**
 * @param graph      the explorer's graphology graph (node keys = node indexes as strings)
 * @param artifact   graph.json
 * @param vis        {nodeVisible: Uint8Array, edgeWeight: Float64Array}
 * @param minWeight  edges lighter than this are not shown and do not pull
 * @param onDone     called with the number of people laid out once positions are set
 * @returns cancel() stopping the run (a newer filter change supersedes it)
 */
export function relayoutShown(graph, artifact, vis, minWeight, onDone) {
  const sub = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  vis.nodeVisible.forEach((v, i) => { if (v) { const a = graph.getNodeAttributes(String(i)); sub.addNode(String(i), { x: a.x, y: a.y }); } });
  artifact.edges.forEach((e, i) => {
    const w = vis.edgeWeight[i];
    if (w < minWeight || !vis.nodeVisible[e.s] || !vis.nodeVisible[e.t] || e.s === e.t) return;
    const [s, t] = [String(e.s), String(e.t)];
    if (sub.hasEdge(s, t)) sub.updateEdgeAttribute(s, t, "weight", (x) => x + w);
    else sub.addEdge(s, t, { weight: w });
  });
  let cancelled = false, timer = null, layout = null;
  const finish = () => {
    if (cancelled) return;
    layout?.kill();
    const target = {};
    sub.forEachNode((k, a) => { if (Number.isFinite(a.x) && Number.isFinite(a.y)) target[k] = { x: a.x, y: a.y }; });
    animateNodes(graph, target, { duration: 400 }, () => onDone?.(sub.order));
  };
  if (sub.order < 2) { queueMicrotask(() => onDone?.(sub.order)); return () => { cancelled = true; }; }
  const settings = { ...fa2InferSettings(sub), barnesHutOptimize: sub.order > 500 };
  try {
    layout = new FA2Layout(sub, { settings, getEdgeWeight: "weight" });
    layout.start();
    // Warm start from the current layout: a short run settles a subgraph; bigger ones get longer.
    timer = setTimeout(finish, Math.min(2500, 500 + sub.order));
  } catch (e) {
    // No worker (a locked-down browser): keep the positions, say so in the console only.
    console.warn("graph re-layout unavailable:", e);
    queueMicrotask(() => onDone?.(0));
  }
  return () => { cancelled = true; clearTimeout(timer); layout?.kill(); };
}
