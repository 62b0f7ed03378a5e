// What the graph explorer's side panel says about one person: who they are (?p= lookup by key,
// address or name), their neighbours, and each metric as a rank among everyone in the graph.
// Pure functions over graph.json, testable without a browser.

/**
 * Index of the person `q` names: their key, address (person id) or name, case-insensitive; else
 * the most active person whose name or address contains it; -1 if none.
 */
export function findPerson(nodes, q) {
  const s = String(q ?? "").trim().toLowerCase();
  if (!s) return -1;
  const by = (f) => nodes.findIndex((n) => String(f(n) ?? "").toLowerCase() === s);
  for (const f of [(n) => n.key, (n) => n.id, (n) => n.email, (n) => n.name]) { const i = by(f); if (i >= 0) return i; }
  // Else part of a name or address ("torvalds"): the most active of those who match.
  let best = -1;
  nodes.forEach((n, i) => {
    if (![n.name, n.id, n.email].some((x) => String(x ?? "").toLowerCase().includes(s))) return;
    if (best < 0 || (n.messages ?? 0) > (nodes[best].messages ?? 0)) best = i;
  });
  return best;
}

/**
 * Rank of node i by `metric` among nodes with a value (1 = highest; ties share the best rank)
 * and the share of people it is at or above: {rank, of, top} with top = rank / of.
 */
export function rankOf(nodes, metric, i, include = () => true) {
  const v = nodes[i]?.[metric];
  if (v == null) return null;
  let of = 0, above = 0;
  for (const n of nodes) {
    if (n[metric] == null || !include(n)) continue;
    of++;
    if (n[metric] > v) above++;
  }
  return { rank: above + 1, of, top: (above + 1) / Math.max(1, of) };
}

/** "rank 12 of 1,234 (top 1%)": the top share rounded up, so rank 1 of 1,234 is "top 1%". */
export function rankText(r) {
  if (!r) return "–";
  return `rank ${r.rank.toLocaleString("en-US")} of ${r.of.toLocaleString("en-US")} (top ${Math.max(1, Math.ceil(100 * r.top))}%)`;
}

/**
 * People node i exchanged replies with, heaviest first: [{i, name, sent, received}] (sent: i's
 * replies to them). `edgeWeight` (per edge, in the shown window), `shown(j)` and `minWeight` follow the filters.
 */
export function neighboursOf(artifact, i, edgeWeight, shown = () => true, minWeight = 1) {
  const m = new Map();
  artifact.edges.forEach((e, k) => {
    const w = edgeWeight ? edgeWeight[k] : e.w;
    if (!(w > 0) || w < minWeight || e.s === e.t) return;
    const j = e.s === i ? e.t : e.t === i ? e.s : -1;
    if (j < 0 || !shown(j)) return;
    const r = m.get(j) ?? { i: j, name: artifact.nodes[j].name, sent: 0, received: 0 };
    if (e.s === i) r.sent += w; else r.received += w;
    m.set(j, r);
  });
  return [...m.values()].sort((a, b) => b.sent + b.received - (a.sent + a.received) || a.name.localeCompare(b.name));
}
