// The Across page's bridges and cross-posted threads for any filter, from the fact tables.
// bridgingOf is the browser copy of loaders/analysis/bridging.ts (participation coefficient over
// lists with a minimum activity; docs/analysis.md "Bridges"): test/site/bridging-copy.test.ts
// checks the two agree, rule constants included. Plain JS with no imports, run by Node tests too.

export const BRIDGE_MIN_MESSAGES = 10;
export const BRIDGE_MIN_PARTICIPATION = 0.3;
const RULE = { minMessages: BRIDGE_MIN_MESSAGES, minParticipation: BRIDGE_MIN_PARTICIPATION };

/** 1 − Σ (w_l / W)² over per-list weights (0 when empty). */
export function participation(weights) {
  let total = 0, sq = 0;
  for (const w of weights) total += w;
  if (total <= 0) return 0;
  for (const w of weights) sq += (w / total) ** 2;
  return 1 - sq;
}

const bitCount = (m) => { let c = 0; for (; m; m &= m - 1) c++; return c; };

/**
 * Per sender: their kept messages reaching a tracked list (`tracked`: bit mask over the lists),
 * each weighing 1/k on each of the k tracked lists it reached. Columns: `person[r]`, `listMask[r]`
 * (bit j: lists[j]) and `keep[r]` (0/1). Returns Map person -> {weights: Float64Array per list,
 * arrivals: Int32Array per list (a cross-post counts on each list), messages, participation, bridge}.
 */
export function bridgingOf({ person, listMask, keep, nLists, tracked }, rule = RULE) {
  const out = new Map();
  for (let r = 0; r < person.length; r++) {
    if (!keep[r]) continue;
    const m = listMask[r] & tracked;
    if (!m) continue;
    let b = out.get(person[r]);
    if (!b) out.set(person[r], (b = { weights: new Float64Array(nLists), arrivals: new Int32Array(nLists), messages: 0, participation: 0, bridge: false }));
    b.messages++;
    const k = bitCount(m);
    for (let j = 0; j < nLists; j++) if (m & (1 << j)) { b.weights[j] += 1 / k; b.arrivals[j]++; }
  }
  for (const b of out.values()) {
    b.participation = participation(b.weights);
    b.bridge = b.messages >= rule.minMessages && b.participation >= rule.minParticipation;
  }
  return out;
}

/**
 * The bridges table for a filter: people (bots left out) whose kept messages reached 2+ of the
 * filter's lists, bridges first, then by participation and messages. `names`: facts-people rows.
 */
export function bridgeRows(f, keep, filterLists, names) {
  const tracked = trackedMask(f, filterLists);
  const rows = [];
  for (const [p, b] of bridgingOf({ person: f.person, listMask: f.listMask, keep, nLists: f.lists.length, tracked })) {
    if (f.botPerson[p]) continue;
    const lists = {};
    f.lists.forEach((l, j) => { if (b.arrivals[j]) lists[l] = b.arrivals[j]; });
    const nlists = Object.keys(lists).length;
    if (nlists < 2) continue;
    rows.push({ ...names[p], home: f.homes[f.home[p]] ?? null, lists, nlists, messages: b.messages,
      participation: Math.round(b.participation * 1e4) / 1e4, bridge: b.bridge });
  }
  return rows.sort((x, y) => Number(y.bridge) - Number(x.bridge) || y.participation - x.participation || y.messages - x.messages);
}

/**
 * Threads whose kept messages reached 2+ of the filter's lists, most kept messages first (at most
 * `limit`): {thread, lists, messages, by_home: {home: people}, participants: person indexes}.
 * People are the senders of kept messages, bots left out.
 */
export function crosspostedThreads(f, keep, filterLists, limit = 100) {
  const tracked = trackedMask(f, filterLists);
  const mask = new Int32Array(f.threads), count = new Int32Array(f.threads);
  for (let r = 0; r < f.n; r++) if (keep[r]) { mask[f.thread[r]] |= f.listMask[r] & tracked; count[f.thread[r]]++; }
  const top = [];
  for (let t = 0; t < f.threads; t++) if (bitCount(mask[t]) >= 2) top.push(t);
  top.sort((a, b) => count[b] - count[a] || a - b);
  const chosen = new Map(top.slice(0, limit).map((t) => [t, new Set()]));
  for (let r = 0; r < f.n; r++) if (keep[r] && !f.botPerson[f.person[r]]) chosen.get(f.thread[r])?.add(f.person[r]);
  const rows = [...chosen].map(([t, ps]) => {
    const by_home = {};
    for (const p of ps) { const h = f.homes[f.home[p]] ?? "other"; by_home[h] = (by_home[h] ?? 0) + 1; }
    return { thread: t, lists: f.lists.filter((_, j) => mask[t] & (1 << j)), messages: count[t], by_home, participants: [...ps] };
  });
  return { rows, total: top.length };
}

/** Bit mask of the filter's lists (null: every list). */
function trackedMask(f, filterLists) {
  let m = 0;
  f.lists.forEach((l, j) => { if (!filterLists || filterLists.includes(l)) m |= 1 << j; });
  return m;
}
