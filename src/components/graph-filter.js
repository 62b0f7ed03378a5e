// Which nodes and edges of graph.json the explorer shows for a set of filters, and the status
// line that says so. Pure functions (no sigma), so the counts can be tested without a browser.

/**
 * filters: {lists:Set, monthFrom, monthTo (month indexes), minWeight, bots, active?, isolated?}
 * Returns per-edge weight in the window and per-node visibility (Uint8Array 0/1). With bots
 * hidden, an edge to or from a bot neither shows nor makes its other end visible. `active`
 * (per node, 0/1; the global filter's senders, activeNodes): only they are shown and only edges
 * between two of them count, so a window that cuts a month shows nobody idle in the window.
 */
export function visibleGraph(artifact, filters) {
  const { nodes, edges } = artifact;
  const listIdx = new Set(artifact.lists.map((l, i) => (filters.lists.has(l) ? i : -1)).filter((i) => i >= 0));
  const allowed = (n, i) => (filters.bots || !n.bot) && (!filters.active || filters.active[i] === 1);
  const edgeWeight = new Float64Array(edges.length);
  const active = new Uint8Array(nodes.length);
  edges.forEach((e, i) => {
    let w = 0;
    for (let k = 0; k < e.m.length; k += 2) if (e.m[k] >= filters.monthFrom && e.m[k] <= filters.monthTo) w += e.m[k + 1];
    if (!e.l.some((l) => listIdx.has(l))) w = 0;
    edgeWeight[i] = w;
    if (w >= filters.minWeight && allowed(nodes[e.s], e.s) && allowed(nodes[e.t], e.t)) { active[e.s] = 1; active[e.t] = 1; }
  });
  const nodeVisible = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => {
    const onList = Object.keys(n.lists ?? {}).some((l) => filters.lists.has(l)) || !Object.keys(n.lists ?? {}).length;
    nodeVisible[i] = allowed(n, i) && onList && (active[i] || filters.isolated) ? 1 : 0;
  });
  return { edgeWeight, nodeVisible };
}

/**
 * The month indexes [monthFrom, monthTo] of graph.json's sorted "YYYY-MM" months that overlap the
 * window [from, to) of whole days ("YYYY-MM-DD" or null: open). Edges carry replies per month, so
 * a window cutting a month counts that month's replies whole; activeNodes keeps the people to
 * those who sent mail inside the window. monthFrom > monthTo: no month overlaps.
 */
export function monthRange(months, from, to) {
  let lo = 0, hi = months.length - 1;
  if (from) while (lo < months.length && months[lo] < from.slice(0, 7)) lo++;
  if (to) while (hi >= 0 && `${months[hi]}-01` >= to) hi--;
  return { monthFrom: lo, monthTo: hi };
}

/**
 * Per node 0/1: the person sent a message the global filter keeps (`sent`: kept messages per
 * fact-table person, facts.js messagesPerPerson; `personOf`: person id -> fact-table index).
 */
export function activeNodes(nodes, sent, personOf) {
  return Uint8Array.from(nodes, (n) => { const p = personOf.get(n.id); return p !== undefined && sent[p] > 0 ? 1 : 0; });
}

/** Visible people and edges: an edge counts when both ends are visible and it is heavy enough. */
export function countVisible(artifact, state, minWeight) {
  let nodes = 0, edges = 0;
  for (const v of state.nodeVisible) nodes += v;
  artifact.edges.forEach((e, i) => { if (state.edgeWeight[i] >= minWeight && state.nodeVisible[e.s] && state.nodeVisible[e.t]) edges++; });
  return { nodes, edges };
}

/** "Showing X people and Y reply edges of N and M ..." with totals for the same bot setting. */
export function graphStatus(g, bots, shown) {
  const fmt = (n) => Math.round(n).toLocaleString("en-US");
  const totalNodes = bots ? g.stats.nodes_with_bots ?? g.nodes.length : g.stats.nodes;
  const totalEdges = bots ? g.stats.edges_with_bots ?? g.pruning.total_edges : g.stats.edges;
  const pruned = g.pruning.kept_edges < g.pruning.total_edges
    ? ` The page holds ${fmt(g.pruning.kept_edges)} of ${fmt(g.pruning.total_edges)} edges (${g.pruning.rule}); the downloads below have all of them.`
    : " Every edge is kept (no pruning).";
  // An empty canvas needs a reason in words (a window with no mail, or lists no one wrote to).
  const none = shown.nodes === 0 ? "No one sent mail in this filter, so the graph is empty: widen the window or choose other lists. " : "";
  return `${none}Showing ${fmt(shown.nodes)} people and ${fmt(shown.edges)} reply edges, of ${fmt(totalNodes)} people and ${fmt(totalEdges)} edges in the reply graph ` +
    `(${bots ? "bots included" : "bots and replies to or from bots excluded"}; an edge joins two people, weighted by replies).${pruned}`;
}
