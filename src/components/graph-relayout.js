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
  // Where the shown people were: the new layout is scaled into the same box, so it neither shrinks
  // to a dot among the hidden people's old positions (sigma frames all nodes) nor leaves the view.
  const start = {};
  sub.forEachNode((k, a) => { start[k] = { x: a.x, y: a.y }; });
  let cancelled = false, timer = null, layout = null;
  const finish = () => {
    if (cancelled) return;
    layout?.kill();
    const target = {};
    sub.forEachNode((k, a) => { if (Number.isFinite(a.x) && Number.isFinite(a.y)) target[k] = { x: a.x, y: a.y }; });
    animateNodes(graph, fitInto(target, start), { duration: 400 }, () => onDone?.(sub.order));
  };
  if (sub.order < 2) { queueMicrotask(() => onDone?.(sub.order)); return () => { cancelled = true; }; }
  const settings = { ...fa2InferSettings(sub), barnesHutOptimize: sub.order > 500 };
  try {
    layout = new FA2Layout(sub, { settings, getEdgeWeight: "weight" });
    layout.start();
    // Warm start from the current layout: a short run settles a subgraph; bigger ones get longer.
    // The time counts from the worker's first positions, not from the start: on a slow machine the
    // worker may not have answered yet, and stopping then would leave everyone where they were.
    const budget = Math.min(2500, 500 + sub.order), began = performance.now();
    let firstAt = null;
    const tick = () => {
      const now = performance.now();
      if (firstAt === null && moved(sub, start)) firstAt = now;
      // A worker that never answers (30 s) ends the run with the positions as they are.
      if ((firstAt !== null && now - firstAt >= budget) || now - began > 30_000) finish();
      else timer = setTimeout(tick, 50);
    };
    timer = setTimeout(tick, 50);
  } catch (e) {
    // No worker (a locked-down browser): keep the positions, say so in the console only.
    console.warn("graph re-layout unavailable:", e);
    queueMicrotask(() => onDone?.(0));
  }
  return () => { cancelled = true; clearTimeout(timer); layout?.kill(); };
}

/** Whether any node of `g` is no longer at its position in `start`. */
function moved(g, start) {
  for (const { node, attributes: a } of g.nodeEntries()) if (a.x !== start[node].x || a.y !== start[node].y) return true;
  return false;
}

/** `pos` moved and scaled uniformly so its bounding box is centred in, and fills, the box of `ref`. */
export function fitInto(pos, ref) {
  const box = (p) => {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    for (const { x, y } of Object.values(p)) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
    return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, size: Math.max(x1 - x0, y1 - y0) };
  };
  if (!Object.keys(pos).length) return pos;
  const a = box(pos), b = box(ref);
  const k = a.size > 0 && b.size > 0 ? b.size / a.size : 1;
  const out = {};
  for (const [key, { x, y }] of Object.entries(pos)) out[key] = { x: b.cx + (x - a.cx) * k, y: b.cy + (y - a.cy) * k };
  return out;
}
