// The Series page's figures for the global filter, in the browser, from the series fact table
// (facts-series.json, loaders/analysis/facts-series.ts). A series (revision group) counts when
// its first revision was posted in the filter's window, it reached a selected list, and its author
// is not a bot (bot series are never counted, whatever the bots setting: as in series.json).
// Time to acceptance is censored at the window's end or at the end of observation of the series'
// lists, whichever is earlier: an application after the window's end is not seen in that window.
// Plain JS, imports only plain modules, so Node tests run the very code the page runs.
import { dayOf } from "./facts.js";
import { kaplanMeier } from "./survival.js";

const MIN = 60000, DAY = 86400000;
export const SERIES_FLAG = { answered: 1, reviewed: 2, accepted: 4, partial: 8, bot: 16 };
/** Bits of a series' reviewer-load entry (loaders/analysis/facts-series-load.ts). */
export const LOAD_FLAG = { answered: 1, applied: 2, author: 4 };
/** Rows of the reviewer load table, and sections named per person (series.json's cut). */
export const LOAD_ROWS = 200, LOAD_SECTIONS = 20;
/** Day marks for the number at risk and "applied within". */
export const RISK_MARKS = [0, 7, 14, 30, 60, 90, 180];

/** Typed columns: start in ms (NaN undated), time in ms (NaN undated), each group's first revision row and subsystems. */
export function decodeSeriesFacts(art) {
  const g = art.groups, n = g.n;
  const start = new Float64Array(n).fill(NaN);
  for (let i = 0, m = 0; i < g.dated; i++) { m += g.start[i]; start[i] = m * MIN; }
  const firstRev = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) firstRev[i + 1] = firstRev[i] + g.revisions[i];
  const subs = [];
  for (let i = 0, k = 0; i < n; i++) { subs.push(g.sub.slice(k, k + g.sub_n[i])); k += g.sub_n[i]; }
  return {
    n, lists: art.lists, outcomes: art.outcomes, subsystems: art.subsystems, hasSubsystems: !!art.has_subsystems, verdicts: !!art.verdicts,
    start, author: Int32Array.from(g.author), listMask: Int32Array.from(g.lists), flags: Uint8Array.from(g.flags),
    time: Float64Array.from(g.time, (t) => (t < 0 ? NaN : t * MIN)), toAccept: Int32Array.from(g.to_accept), outcome: Uint8Array.from(g.outcome),
    firstRev, subs, revOutcome: Uint8Array.from(art.revisions.outcome), revVersion: Int32Array.from(art.revisions.version),
  };
}

/**
 * The reviewer load's facts (series-table.json `load`, by the fact table's rows; null without
 * MAINTAINERS): each person's sections, each section's people, each series' entries (index * 8 + LOAD_FLAG bits).
 */
export function decodeSeriesLoad(s, L) {
  if (!L) return null;
  const names = [...s.subsystems, ...L.section_names];
  const people = L.person.length, sections = [], bySection = Array.from({ length: names.length }, () => []);
  for (let p = 0, k = 0; p < people; p++) {
    const x = L.sections.slice(k, k + L.sections_n[p]); k += L.sections_n[p];
    sections.push(x);
    for (const sec of x) bySection[sec].push(p);
  }
  const firstM = new Int32Array(s.n + 1);
  for (let i = 0; i < s.n; i++) firstM[i + 1] = firstM[i] + L.m_n[i];
  return { people, person: Int32Array.from(L.person), named: new Map(L.named.map(([k, id, name]) => [k, { id, name }])), names, sections, bySection,
    m: Int32Array.from(L.m), firstM };
}

/** Indices of the series a filter counts ({ from, to, lists }; bots never). */
export function keptSeries(s, filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to), windowed = from !== null || to !== null;
  let mask = null;
  if (filter.lists) { mask = 0; s.lists.forEach((l, i) => { if (filter.lists.includes(l)) mask |= 1 << i; }); }
  const out = [];
  for (let i = 0; i < s.n; i++) {
    if (s.flags[i] & SERIES_FLAG.bot) continue;
    if (windowed) {
      if (Number.isNaN(s.start[i])) continue;
      const d = Math.floor(s.start[i] / DAY);
      if ((from !== null && d < from) || (to !== null && d >= to)) continue;
    }
    if (mask !== null && (s.listMask[i] & mask) === 0) continue;
    out.push(i);
  }
  return out;
}

/** Headline figures (data-kpi names) and outcomes per posting of the kept series; `threadgraph series --since --until --lists` prints the same. */
export function seriesFigures(s, kept) {
  const has = (i, f) => (s.flags[i] & f) !== 0;
  const outcomes = Object.fromEntries(s.outcomes.map((o) => [o, 0]));
  let postings = 0, applied = 0, partial = 0, answered = 0, reviewed = 0, neverAnswered = 0, neverBoth = 0;
  for (const i of kept) {
    postings += s.firstRev[i + 1] - s.firstRev[i];
    for (let r = s.firstRev[i]; r < s.firstRev[i + 1]; r++) outcomes[s.outcomes[s.revOutcome[r]]]++;
    const ap = s.toAccept[i] > 0;
    if (ap) applied++;
    if (ap && has(i, SERIES_FLAG.partial)) partial++;
    if (has(i, SERIES_FLAG.answered)) answered++; else { neverAnswered++; if (!ap) neverBoth++; }
    if (has(i, SERIES_FLAG.reviewed)) reviewed++;
  }
  return { series: kept.length, postings, applied, partial, answered, reviewed, never_answered: neverAnswered, never_answered_never_applied: neverBoth, outcomes };
}

/** Days from the filter's first day to its end (Infinity: open): no series of the window is observed longer. */
export function windowDays(filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to);
  return from === null || to === null ? Infinity : Math.max(0, to - from);
}

/** Time to acceptance of one series within a window ending at `end` ms (Infinity: none), or null when undated. */
export function acceptanceObservation(s, i, end) {
  if (Number.isNaN(s.time[i])) return null;
  const limit = end - s.start[i], t = s.time[i];
  const accepted = (s.flags[i] & SERIES_FLAG.accepted) !== 0 && t < limit;
  return { time: accepted ? t : Math.max(0, Math.min(t, limit)), answered: accepted };
}

function curve(group, obs) {
  const km = kaplanMeier(obs);
  const at = (t) => { let v = 1; for (const [pt, ps] of km.points) { if (pt <= t) v = ps; else break; } return v; };
  const sorted = obs.map((o) => o.time).sort((a, b) => a - b);
  // At risk after d days: neither applied nor censored by then (the Responsiveness page's rule).
  const after = (t) => { let lo = 0, hi = sorted.length; while (lo < hi) { const m = (lo + hi) >> 1; if (sorted[m] <= t) lo = m + 1; else hi = m; } return sorted.length - lo; };
  return { group, ...km, last_ms: sorted.length ? sorted[sorted.length - 1] : 0, applied: { d7: 1 - at(7 * DAY), d30: 1 - at(30 * DAY), d90: 1 - at(90 * DAY) },
    at_risk: Object.fromEntries(RISK_MARKS.map((d) => [d, d === 0 ? sorted.length : after(d * DAY)])) };
}

/**
 * Kaplan–Meier curves of time to acceptance: "all", "list:x", "month:YYYY-MM" (month of the first
 * post) and "subsystem:x" (the 30 sections with most series), over the kept series.
 */
export function acceptanceCurves(s, kept, filter) {
  const to = dayOf(filter.to), end = to === null ? Infinity : to * DAY;
  const obs = [];
  for (const i of kept) { const o = acceptanceObservation(s, i, end); if (o) obs.push({ ...o, i }); }
  if (!obs.length) return [];
  const curves = [curve("all", obs)];
  s.lists.forEach((l, b) => { const x = obs.filter((o) => s.listMask[o.i] & (1 << b)); if (x.length) curves.push(curve(`list:${l}`, x)); });
  const byMonth = new Map(), bySub = new Map();
  for (const o of obs) {
    const m = new Date(s.start[o.i]).toISOString().slice(0, 7);
    if (!byMonth.has(m)) byMonth.set(m, []); byMonth.get(m).push(o);
    for (const k of s.subs[o.i]) { if (!bySub.has(k)) bySub.set(k, []); bySub.get(k).push(o); }
  }
  for (const [m, x] of [...byMonth].sort()) curves.push(curve(`month:${m}`, x));
  for (const [k, x] of [...bySub].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]).slice(0, 30)) curves.push(curve(`subsystem:${s.subsystems[k]}`, x));
  return curves;
}

/** Applied series by the number of revisions posted up to the applied one. */
export function revisionsToAccept(s, kept) {
  const by = new Map();
  for (const i of kept) if (s.toAccept[i] > 0) by.set(s.toAccept[i], (by.get(s.toAccept[i]) ?? 0) + 1);
  return [...by].sort((a, b) => a[0] - b[0]).map(([revisions, groups]) => ({ revisions, groups }));
}

/** Per list: series, applied, acceptance share, median time to acceptance, never-answered share (series.json by_list's figures). */
export function seriesByList(s, kept, curves) {
  return s.lists.map((list, b) => {
    const x = kept.filter((i) => s.listMask[i] & (1 << b));
    const applied = x.filter((i) => s.toAccept[i] > 0).length, never = x.filter((i) => !(s.flags[i] & SERIES_FLAG.answered)).length;
    const c = curves.find((y) => y.group === `list:${list}`);
    return { list, groups: x.length, applied, acceptance_share: x.length ? applied / x.length : 0, median_ms: c?.median_ms ?? null,
      never_answered_share: x.length ? never / x.length : 0 };
  }).filter((r) => r.groups > 0);
}

/**
 * The table's rows: series-table.json's (the most recent series) that the filter keeps, with their
 * dates, lists, revisions and outcome from the fact table. people: facts-people ({ name, id } by index).
 */
export function seriesTableRows(s, table, people, kept) {
  const keep = new Set(kept), out = [];
  table.group.forEach((i, k) => {
    if (!keep.has(i)) return;
    const versions = [];
    for (let r = s.firstRev[i]; r < s.firstRev[i + 1]; r++) versions.push(`v${s.revVersion[r]}`);
    const who = s.author[i] >= 0 ? people[s.author[i]] : null;
    const accepted = (s.flags[i] & SERIES_FLAG.accepted) !== 0;
    out.push({ subject: table.subject[k], id: table.id[k], author_name: who?.name ?? table.author_id[k] ?? "?", author_id: who?.id ?? table.author_id[k],
      lists: s.lists.filter((_, b) => s.listMask[i] & (1 << b)).join(" · "), versions: versions.join(" → "), nrev: versions.length,
      outcome: s.outcomes[s.outcome[i]], partial: (s.flags[i] & SERIES_FLAG.partial) !== 0, start: Number.isNaN(s.start[i]) ? null : s.start[i],
      time_to_accept_ms: accepted ? s.time[i] : null, evidence: table.evidence[k], rule: table.rule[k] });
  });
  return out;
}

/**
 * Reviewer load per maintainer over the kept series (series.json's reviewer_load for all data,
 * loaders/analysis/series-load.ts): per person with a MAINTAINERS role, the series touching their
 * sections that they did not write, how many of those they answered (sent a message under) and
 * applied; the busiest LOAD_ROWS, ties by person id. null without MAINTAINERS.
 * L: decodeSeriesLoad's; people: facts-people ({ name, id } by index).
 */
export function reviewerLoadRows(s, L, kept, people) {
  if (!L) return null;
  const touching = new Int32Array(L.people), answered = new Int32Array(L.people), applied = new Int32Array(L.people);
  const seen = new Int32Array(L.people).fill(-1), stamp = new Int32Array(L.people).fill(-1), bits = new Uint8Array(L.people);
  for (const i of kept) {
    for (let k = L.firstM[i]; k < L.firstM[i + 1]; k++) { const p = L.m[k] >> 3; stamp[p] = i; bits[p] = L.m[k] & 7; }
    for (const sec of s.subs[i]) for (const p of L.bySection[sec]) {
      if (seen[p] === i) continue; // touched through another of its sections already
      seen[p] = i;
      const b = stamp[p] === i ? bits[p] : 0;
      if (b & LOAD_FLAG.author) continue;
      touching[p]++;
      if (b & LOAD_FLAG.answered) answered[p]++;
      if (b & LOAD_FLAG.applied) applied[p]++;
    }
  }
  const rows = [];
  for (let p = 0; p < L.people; p++) {
    if (!touching[p]) continue;
    const who = L.person[p] >= 0 ? people[L.person[p]] : L.named.get(p);
    rows.push({ person: { id: who.id, name: who.name }, subsystems: L.sections[p].slice(0, LOAD_SECTIONS).map((k) => L.names[k]),
      touching: touching[p], answered: answered[p], applied: applied[p] });
  }
  return rows.sort((x, y) => y.touching - x.touching || (x.person.id < y.person.id ? -1 : 1)).slice(0, LOAD_ROWS);
}
