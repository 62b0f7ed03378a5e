// The participant graph in WebGL (sigma.js + graphology), drawn at the precomputed ForceAtlas2 layout.
// The graph is built once; filters change what the reducers hide, and a new subgraph is re-laid
// out in a web worker (graph-relayout.js), so toggling stays cheap at 10,000 nodes.
import { Graph, Sigma, NodePointProgram } from "./vendor-graph.js";
import { listColor, communityColor } from "./colors.js";
import { visibleGraph, countVisible as countShown, graphStatus } from "./graph-filter.js";
import { relayoutShown } from "./graph-relayout.js";

export { graphStatus };

/**
 * @param artifact GraphArtifact (graph.json)
 * @param container element to draw into (needs a height)
 * @param onSelect  called with the node index (or null) when the user clicks a node or the background
 */
export function createExplorer(artifact, container, onSelect) {
  const graph = new Graph({ type: "directed", multi: false, allowSelfLoops: false });
  const { nodes, edges } = artifact;
  nodes.forEach((n, i) => graph.addNode(String(i), { x: n.x, y: n.y, label: n.name, size: 2, color: "#999" }));
  edges.forEach((e, i) => {
    if (e.s === e.t || graph.hasEdge(String(e.s), String(e.t))) return;
    graph.addEdgeWithKey(`e${i}`, String(e.s), String(e.t), { size: 0.5, color: "#ccc", i });
  });
  const state = { filters: null, selected: null, neighbours: null, nodeVisible: new Uint8Array(nodes.length), edgeWeight: new Float64Array(edges.length),
    // What the precomputed layout was made for (all data, every list and edge, bots in: the
    // analysis lays out the graph with bots): no re-layout needed.
    layoutKey: layoutKey({ lists: new Set(artifact.lists), window: "", minWeight: 1, bots: true }),
    cancelLayout: null, layoutRuns: 0 };
  container.dataset.layout = "precomputed";
  // For the browser tests: the drawn positions, by node index (no page uses it).
  container.tgPositions = () => graph.mapNodes((k, a) => [Number(k), a.x, a.y]);

  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: false,
    enableEdgeEvents: false,
    // Draw edges and labels only when the camera is still, so panning stays smooth: labels are
    // 2D-canvas text (costly at any size), edges are most of the WebGL work past a few thousand.
    hideEdgesOnMove: edges.length > 2000,
    hideLabelsOnMove: true,
    // gl.POINTS costs far less per frame than the default circle quads (matters in software GL).
    ...(nodes.length > 5000 ? { defaultNodeType: "point", nodeProgramClasses: { point: NodePointProgram } } : {}),
    labelRenderedSizeThreshold: 8,
    // Labels are placed on a grid, at most this many per cell (the biggest nodes first), so names
    // do not run into each other; zooming in shows more.
    labelDensity: 0.6,
    labelGridCellSize: 140,
    // Room for the labels of nodes at the edge of the layout (a right-most name was cut off).
    stagePadding: 90,
    zIndex: true,
    nodeReducer: (key, attrs) => {
      const i = Number(key);
      if (!state.nodeVisible[i]) return { ...attrs, hidden: true };
      if (state.selected != null && i !== state.selected && !state.neighbours.has(i)) return { ...attrs, color: "#e4e4e4", label: "", zIndex: 0 };
      if (i === state.selected) return { ...attrs, highlighted: true, forceLabel: true, zIndex: 2 };
      return attrs;
    },
    edgeReducer: (key, attrs) => {
      const i = attrs.i;
      const e = edges[i];
      if (state.edgeWeight[i] < (state.filters?.minWeight ?? 1) || !state.nodeVisible[e.s] || !state.nodeVisible[e.t]) return { ...attrs, hidden: true };
      if (state.selected != null) {
        if (e.s !== state.selected && e.t !== state.selected) return { ...attrs, hidden: true };
        return { ...attrs, color: e.s === state.selected ? "#e8833a" : "#4269d0", size: 1.5, zIndex: 1 };
      }
      return attrs;
    },
  });

  skipPickingWhileMoving(renderer);
  // For the browser tests: where node i is drawn in the canvas (null when hidden), and its size.
  container.tgViewport = (i) => {
    const d = state.nodeVisible[i] ? renderer.getNodeDisplayData(String(i)) : null;
    return d ? renderer.framedGraphToViewport(d) : null;
  };
  container.tgSize = () => renderer.getDimensions();
  renderer.on("clickNode", ({ node }) => select(Number(node)));
  renderer.on("clickStage", () => select(null));

  function select(i) {
    state.selected = i;
    state.neighbours = new Set();
    if (i != null) graph.forEachNeighbor(String(i), (n) => state.neighbours.add(Number(n)));
    renderer.refresh({ skipIndexation: true });
    onSelect?.(i);
  }

  /**
   * filters: {lists:Set, monthFrom, monthTo (indexes), active (per node 0/1), window (the global
   * filter's from|to, "" for all data), minWeight, bots, colorBy, sizeBy, pagerank? (per node, the
   * window's bucket; sizes follow it)}
   */
  function update(filters) {
    state.filters = filters;
    const vis = visibleGraph(artifact, filters);
    state.edgeWeight = vis.edgeWeight;
    state.nodeVisible = vis.nodeVisible;
    const sizeOf = sizeScale(nodes, filters.sizeBy, filters.pagerank);
    // One batch update (one event for sigma) instead of 10,000 single-node updates.
    graph.updateEachNodeAttributes((key, attrs) => {
      const n = nodes[Number(key)];
      attrs.color = filters.colorBy === "community" ? communityColor(n.community) : listColor(n.home);
      attrs.size = sizeOf(Number(key));
      return attrs;
    }, { attributes: ["color", "size"] });
    if (state.selected != null && !state.nodeVisible[state.selected]) select(null);
    else renderer.refresh();
    const key = layoutKey(filters);
    if (key !== state.layoutKey) {
      // Another subgraph is shown: lay it out on its own (the old run, if any, is superseded).
      state.layoutKey = key;
      state.cancelLayout?.();
      container.dataset.layout = "running";
      state.cancelLayout = relayoutShown(graph, artifact, vis, filters.minWeight, () => {
        // Show the whole new picture (the selected person stays highlighted in it).
        renderer.getCamera().animatedReset({ duration: 300 });
        state.layoutRuns++;
        container.dataset.layout = "done";
        container.dataset.layoutRuns = String(state.layoutRuns);
      });
    }
    return countVisible();
  }

  function countVisible() {
    return countShown(artifact, state, state.filters.minWeight);
  }

  /** Centre the camera on a node and select it. */
  function focus(i) {
    const pos = renderer.getNodeDisplayData(String(i));
    const camera = renderer.getCamera();
    if (pos) camera.animate({ x: pos.x, y: pos.y, ratio: Math.min(camera.ratio, 0.6) }, { duration: 400 });
    select(i);
  }

  return { renderer, graph, update, select, focus, visible: () => state, kill: () => { state.cancelLayout?.(); renderer.kill(); } };
}

/**
 * While the camera is dragged or animated, sigma still (1) draws every node a second time into its
 * picking framebuffer and (2) reads a pixel back from it on every mouse move to find the hovered
 * node (a GPU stall). Neither is needed mid-pan; the frame drawn once the camera stops is a full one
 * (sigma renders again after the drag / animation ends), so hover and click work as before.
 * Uses sigma internals (nodePrograms, mouseCaptor): checked against sigma 3.0.
 */
function skipPickingWhileMoving(renderer) {
  const captor = renderer.getMouseCaptor();
  const moving = () => renderer.getCamera().isAnimated() || captor.isMoving || captor.draggedEvents > 0 || !!captor.currentWheelDirection;
  const getNodeAtPosition = renderer.getNodeAtPosition.bind(renderer);
  renderer.getNodeAtPosition = (pos) => (captor.isMouseDown || moving() ? null : getNodeAtPosition(pos));
  for (const program of Object.values(renderer.nodePrograms ?? {})) {
    const render = program.render.bind(program);
    program.render = (params) => {
      if (!moving() || !program.pickProgram) return render(params);
      const pick = program.pickProgram;
      program.pickProgram = null;
      try { render(params); } finally { program.pickProgram = pick; }
    };
  }
}

/** The filters that decide which people and edges are shown (colour and size do not). */
function layoutKey(f) {
  return JSON.stringify([[...f.lists].sort(), f.window ?? "", f.minWeight, !!f.bots]);
}

/** Node size by index: messages, or PageRank (the window's bucket when given, else graph.json's). */
function sizeScale(nodes, by, pagerank) {
  const value = by === "messages" ? (i) => nodes[i].messages : pagerank ? (i) => pagerank[i] ?? 0 : (i) => nodes[i].pagerank ?? 0;
  let max = 0;
  for (let i = 0; i < nodes.length; i++) max = Math.max(max, value(i));
  // Smaller dots when there are many of them, so a 10,000-node graph stays legible.
  const scale = 14 * Math.min(1, Math.sqrt(2000 / Math.max(1, nodes.length)));
  return (i) => 1.5 + scale * Math.sqrt(max > 0 ? value(i) / max : 0);
}
