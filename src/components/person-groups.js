// Grouping people for the matrices (reply flows, who reviews whom): by home list (facts.json), or
// by home subsystem or organisation (facts-affiliations.json, loaders/analysis/facts-affiliations.ts).
// A person without a verdict keeps it as its own row ("insufficient mail", "no organisation"),
// never folded into a real group; beyond the busiest groups the rest fold into "other (N)".
// Plain JS with no imports, so Node tests run the very code the pages run.

/** The "group people by" choices: URL value -> words. */
export const GROUP_BY = { list: "home list", subsystem: "home subsystem", organisation: "organisation" };
/** facts-affiliations.ts AFF_UNKNOWN / AFF_INSUFFICIENT. */
const UNKNOWN = -1, INSUFFICIENT = -2;
export const VERDICT_LABELS = { insufficient: "insufficient mail", unknownSubsystem: "subsystem unknown", noOrganisation: "no organisation" };
/** Real groups shown before the rest fold into "other (N)". */
export const TOP_GROUPS = 15;

/**
 * Person index -> group index, with the groups' labels. `verdicts`: the indices that are not
 * groups but "no verdict" rows. `keepAlways`: groups shown even when empty (the tracked lists).
 * List grouping uses `homeLabel` (colors.js) and leaves people with no home list out (-1), as before.
 */
export function personGroups(f, aff, by, homeLabel = (h) => h) {
  if (by !== "subsystem" && by !== "organisation") {
    const labels = f.homes.map(homeLabel);
    // "several lists" is a verdict (no list dominates), shown after the lists, never folded
    const at = (want) => new Set(f.homes.flatMap((h, i) => (want(h) ? [i] : [])));
    return { labels, of: f.home, verdicts: at((h) => !f.lists.includes(h)), keepAlways: at((h) => f.lists.includes(h)) };
  }
  const names = by === "subsystem" ? aff.subsystems : aff.organisations;
  const col = by === "subsystem" ? aff.subsystem : aff.organisation;
  const n = names.length;
  // verdict rows after the groups: insufficient (subsystems only), then unknown
  const labels = [...names];
  const insufficient = by === "subsystem" ? labels.push(VERDICT_LABELS.insufficient) - 1 : -1;
  const unknown = labels.push(by === "subsystem" ? VERDICT_LABELS.unknownSubsystem : VERDICT_LABELS.noOrganisation) - 1;
  const of = new Int32Array(f.people);
  for (let p = 0; p < f.people; p++) {
    const k = col[p] ?? UNKNOWN;
    of[p] = k >= 0 && k < n ? k : k === INSUFFICIENT && insufficient >= 0 ? insufficient : unknown;
  }
  return { labels, of, verdicts: new Set([insufficient, unknown].filter((k) => k >= 0)), keepAlways: new Set() };
}

/**
 * Fold a group matrix (m[row group][col], cols: groups too when `square`, else e.g. lists) to the
 * `top` busiest real groups (by row plus column totals), then "other (N)" for the N folded groups
 * that have data, then the verdict rows that have data. Returns { rows, cols, m } with labels.
 */
export function foldMatrix(m, g, { square = true, colLabels = null, top = TOP_GROUPS } = {}) {
  const G = g.labels.length;
  const weight = new Float64Array(G);
  for (let i = 0; i < G; i++) for (let j = 0; j < (m[i]?.length ?? 0); j++) {
    const v = m[i][j] ?? 0;
    weight[i] += v;
    if (square) weight[j] += v;
  }
  const real = [...Array(G).keys()].filter((i) => !g.verdicts.has(i) && (weight[i] > 0 || g.keepAlways.has(i)));
  // groups always shown (tracked lists) first in their own order, then by weight
  const always = (i) => (g.keepAlways.has(i) ? 1 : 0);
  real.sort((a, b) => always(b) - always(a) || (always(a) ? a - b : weight[b] - weight[a] || a - b));
  const shown = real.slice(0, top), folded = real.slice(top);
  const to = new Int32Array(G).fill(-1);
  // Labels are the chart's keys: one that repeats another (an organisation named "no organisation"
  // or "other (2)" by an override) gets a number, so two rows never merge.
  const rows = [], seen = new Set();
  const add = (label) => {
    let l = String(label);
    for (let n = 2; seen.has(l); n++) l = `${label} #${n}`;
    seen.add(l);
    return rows.push(l) - 1;
  };
  for (const i of shown) to[i] = add(g.labels[i]);
  if (folded.length) { const k = add(`other (${folded.length})`); for (const i of folded) to[i] = k; }
  for (const i of [...g.verdicts].sort((a, b) => a - b)) if (weight[i] > 0) to[i] = add(g.labels[i]);
  const cols = square ? rows : colLabels;
  const out = rows.map(() => new Array(cols.length).fill(0));
  for (let i = 0; i < G; i++) {
    if (to[i] < 0) continue;
    for (let j = 0; j < (m[i]?.length ?? 0); j++) {
      const c = square ? to[j] : j;
      if (c >= 0) out[to[i]][c] += m[i][j] ?? 0;
    }
  }
  return { rows, cols, m: out };
}

/** Matrix cells for heatmap.js: [{from, to, value}] over every row × column. */
export const matrixCells = ({ rows, cols, m }) => rows.flatMap((from, i) => cols.map((to, j) => ({ from, to, value: m[i][j] })));

/** One person's home subsystem and organisation in words (People page), from facts-affiliations.json. */
export function affiliationLabels(aff, p) {
  if (!aff || p == null || p < 0) return { subsystem: null, organisation: null };
  const s = aff.subsystem[p] ?? UNKNOWN, o = aff.organisation[p] ?? UNKNOWN;
  return {
    subsystem: s >= 0 ? aff.subsystems[s] ?? null : s === INSUFFICIENT ? VERDICT_LABELS.insufficient : null,
    organisation: o >= 0 ? aff.organisations[o] ?? null : null,
  };
}
