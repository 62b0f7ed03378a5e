// series.json (the Series page), and the series parts of thread and person detail files.
// Shapes: SeriesArtifact below (artifacts.ts points here). Dates epoch ms, durations ms.
import type { Analysis } from "./analyze.ts";
import type { PersonRef } from "./artifacts.ts";
import type { GroupRow, SeriesAnalysis } from "./series.ts";
import { kaplanMeier } from "./survival.ts";
import { personRef } from "./build-graph.ts";
import { monthOf } from "../graph/build.ts";
import type { Outcome } from "../series/index.ts";
import { reviewerLoad, LOAD_ROWS, LOAD_SECTIONS } from "./series-load.ts";

/** One revision as pages show it. `evidence`: the deciding message id, `rule`: the rule that found it. */
export interface SeriesRevisionRef {
  id: string; version: number; date: number | null; patches: number; subject: string;
  outcome: Outcome; verdict: Outcome | null; at: number | null; by: PersonRef | null; tree: string | null;
  partial: boolean; applied_patches: number; evidence: string | null; rule: string | null;
  answered: boolean;
}

export interface SeriesRow {
  id: string; subject: string; author: PersonRef; lists: string[]; subsystems: string[];
  start: number | null; outcome: Outcome; applied_at: number | null; time_to_accept_ms: number | null;
  answered: boolean; reviewed: boolean; revisions: SeriesRevisionRef[];
}

/**
 * Time to acceptance as Kaplan–Meier: `steps` are [t_ms, at_risk, S, lo95, hi95] at each event or
 * censoring time (thinned to ~400), S = share not yet applied. `applied` = 1 - S at 7/30/90 days.
 */
export interface SeriesCurve {
  group: string; n: number; events: number; censored: number; median_ms: number | null;
  steps: [t: number, atRisk: number, s: number, lo: number, hi: number][];
  applied: { d7: number; d30: number; d90: number };
}

/**
 * series.json — patch series lifecycle. `verdicts`: false when the store holds no verdict but NAKs (e.g. ingested before verdicts were extracted)
 * (then nothing is known applied: outcomes are superseded or pending only). Groups are revision
 * groups (v1..vN of one piece of work, loaders/series/groups.ts).
 */
export interface SeriesArtifact {
  verdicts: boolean;
  subsystems: boolean;
  window_end: number | null;
  totals: Record<"revisions" | "groups" | "applied" | "partial" | "never_answered" | "never_applied" | "never_answered_never_applied", number>
    & { outcomes: Record<Outcome, number> };
  funnel: { stage: "posted" | "answered" | "reviewed" | "applied"; groups: number }[];
  curves: SeriesCurve[];
  by_list: { list: string; groups: number; applied: number; acceptance_share: number; median_ms: number | null; never_answered_share: number }[];
  revisions_to_accept: { revisions: number; groups: number }[];
  /**
   * Per person with a MAINTAINERS role (M:/R:): series touching their sections, how many they
   * answered and applied (series-load.ts); null when the store has no subsystem tables.
   */
  reviewer_load: { person: PersonRef; subsystems: string[]; touching: number; answered: number; applied: number }[] | null;
  rows: SeriesRow[];
}

/** Rows of series.json: the most recent groups. */
const ROWS_MAX = 6000;
const DAY = 86400_000;

const refsMade = new WeakMap<SeriesAnalysis, SeriesRevisionRef[][]>();

/**
 * A group's revisions as pages show them, made once per group (read-only: series.json's row and
 * the detail of every thread of the group share them; made per thread, a group of n revisions cost
 * n times n).
 */
export function revisionRefs(a: Analysis, group: number): SeriesRevisionRef[] {
  let made = refsMade.get(a.series);
  if (!made) refsMade.set(a.series, (made = []));
  return (made[group] ??= makeRevisionRefs(a, group));
}

function makeRevisionRefs(a: Analysis, group: number): SeriesRevisionRef[] {
  const lc = a.series.lifecycle;
  return lc.grouping.groups[group].revisions.map((r) => {
    const rev = lc.revisions[r], o = lc.outcomes[r];
    return { id: rev.id, version: rev.version, date: rev.date, patches: rev.patches, subject: rev.subject, outcome: o.outcome, verdict: o.verdict,
      at: o.at, by: o.by ? personRef(a, o.by) : null, tree: o.tree, partial: o.partial, applied_patches: o.appliedPatches,
      evidence: o.evidence?.messageId ?? null, rule: o.evidence?.rule ?? null, answered: lc.answered[r] };
  });
}

function row(a: Analysis, g: GroupRow): SeriesRow {
  const revisions = revisionRefs(a, g.group);
  return { id: g.id, subject: revisions[revisions.length - 1].subject, author: personRef(a, g.author), lists: g.lists, subsystems: g.subsystems,
    start: g.start, outcome: g.outcome, applied_at: g.applied >= 0 ? a.series.lifecycle.outcomes[g.applied].at : null,
    time_to_accept_ms: g.accepted ? g.time : null, answered: g.answered, reviewed: g.reviewed, revisions };
}

function curve(group: string, gs: GroupRow[]): SeriesCurve {
  const km = kaplanMeier(gs.map((g) => ({ time: g.time!, answered: g.accepted })));
  const step = Math.max(1, Math.ceil(km.steps.length / 400));
  const r = (x: number) => Math.round(x * 1e4) / 1e4;
  const steps = km.steps.filter((_, i) => i % step === 0 || i === km.steps.length - 1)
    .map((s) => [s.t, s.atRisk, r(s.s), r(s.lo), r(s.hi)] as SeriesCurve["steps"][number]);
  return { group, n: km.n, events: km.events, censored: km.censored, median_ms: km.median, steps,
    applied: { d7: r(1 - km.at(7 * DAY)), d30: r(1 - km.at(30 * DAY)), d90: r(1 - km.at(90 * DAY)) } };
}

/** Series by bots (e.g. automated backports) are not people's work: left out of the measures. */
function humanGroups(a: Analysis): GroupRow[] {
  return a.series.groups.filter((g) => !a.bots.has(g.author));
}

export function buildSeries(a: Analysis): SeriesArtifact {
  const lc = a.series.lifecycle;
  const groups = humanGroups(a);
  const timed = groups.filter((g) => g.time !== null);
  const curves: SeriesCurve[] = [];
  if (timed.length) curves.push(curve("all", timed));
  for (const l of a.corpus.lists) { const s = timed.filter((g) => g.lists.includes(l)); if (s.length) curves.push(curve(`list:${l}`, s)); }
  const bySub = new Map<string, GroupRow[]>();
  for (const g of timed) for (const s of g.subsystems) { const l = bySub.get(s); if (l) l.push(g); else bySub.set(s, [g]); }
  for (const [s, gs] of [...bySub].sort((x, y) => y[1].length - x[1].length).slice(0, 30)) curves.push(curve(`subsystem:${s}`, gs));
  const byMonth = new Map<string, GroupRow[]>();
  for (const g of timed) { const m = monthOf(g.start!); const l = byMonth.get(m); if (l) l.push(g); else byMonth.set(m, [g]); }
  for (const [m, gs] of [...byMonth].sort()) curves.push(curve(`month:${m}`, gs));
  const outcomes = { applied: 0, changes_requested: 0, rejected: 0, deferred: 0, superseded: 0, pending: 0 } as Record<Outcome, number>;
  for (const o of lc.outcomes) outcomes[o.outcome]++;
  const applied = groups.filter((g) => g.applied >= 0);
  const toAccept = new Map<number, number>();
  for (const g of applied) toAccept.set(g.revisionsToAccept!, (toAccept.get(g.revisionsToAccept!) ?? 0) + 1);
  const by_list = a.corpus.lists.map((list) => {
    const gs = groups.filter((g) => g.lists.includes(list));
    const c = curves.find((x) => x.group === `list:${list}`);
    const share = (n: number) => gs.length ? Math.round((n / gs.length) * 1e4) / 1e4 : 0;
    return { list, groups: gs.length, applied: gs.filter((g) => g.applied >= 0).length, acceptance_share: share(gs.filter((g) => g.applied >= 0).length),
      median_ms: c?.median_ms ?? null, never_answered_share: share(gs.filter((g) => !g.answered).length) };
  }).filter((x) => x.groups > 0);
  const rows = [...groups].sort((x, y) => (y.start ?? 0) - (x.start ?? 0) || (x.id < y.id ? -1 : 1)).slice(0, ROWS_MAX).map((g) => row(a, g));
  return {
    verdicts: a.series.verdicts, subsystems: a.series.subsystems, window_end: a.windowEnd,
    totals: { revisions: lc.revisions.length, groups: groups.length, applied: applied.length,
      partial: applied.filter((g) => lc.outcomes[g.applied].partial).length,
      never_answered: groups.filter((g) => !g.answered).length, never_applied: groups.length - applied.length,
      never_answered_never_applied: groups.filter((g) => !g.answered && g.applied < 0).length, outcomes },
    funnel: [
      { stage: "posted", groups: groups.length }, { stage: "answered", groups: groups.filter((g) => g.answered).length },
      { stage: "reviewed", groups: groups.filter((g) => g.reviewed).length }, { stage: "applied", groups: applied.length },
    ],
    curves, by_list,
    revisions_to_accept: [...toAccept].sort((x, y) => x[0] - y[0]).map(([revisions, n]) => ({ revisions, groups: n })),
    reviewer_load: reviewerLoadRows(a),
    rows,
  };
}

/** The busiest maintainers' and reviewers' load (series-load.ts); null without the subsystem tables. */
export function reviewerLoadRows(a: Analysis): SeriesArtifact["reviewer_load"] {
  return a.corpus.maintainerRoles && a.corpus.subsystems
    ? reviewerLoad(a.corpus.messages, a.series, a.corpus.maintainerRoles, (id) => a.bots.has(id)).slice(0, LOAD_ROWS)
      .map((r) => ({ ...r, person: personRef(a, r.person), subsystems: r.subsystems.slice(0, LOAD_SECTIONS) }))
    : null;
}

export type ThreadSeries = { group: string; outcome: Outcome; revisions: SeriesRevisionRef[] };

/** A thread detail's series part: the revision history of the group its root posting belongs to. */
export function threadSeries(a: Analysis, threadId: string): ThreadSeries | null {
  const k = a.tr.threadIndex.get(threadId);
  const gi = k === undefined ? -1 : threadSeriesGroup(a, k);
  return gi < 0 ? null : groupSeries(a, gi);
}

/** The revision group of thread k's root posting (-1: none). */
function threadSeriesGroup(a: Analysis, k: number): number {
  const r = a.series.lifecycle.revisionOf[a.tr.threads[k].root];
  return r < 0 ? -1 : a.series.lifecycle.grouping.groupOf[r];
}

function groupSeries(a: Analysis, gi: number): ThreadSeries {
  return { group: a.series.lifecycle.grouping.groups[gi].id, outcome: a.series.groups[gi].outcome, revisions: revisionRefs(a, gi) };
}

/**
 * threadSeries by thread index (a.tr.threads), each group's part made once and shared by its
 * threads (one thread per revision: a group's history was rebuilt for each of them).
 */
export function threadSeriesIndex(a: Analysis): (k: number) => ThreadSeries | null {
  const made = new Map<number, ThreadSeries>();
  return (k) => {
    const gi = threadSeriesGroup(a, k);
    if (gi < 0) return null;
    let s = made.get(gi);
    if (!s) made.set(gi, (s = groupSeries(a, gi)));
    return s;
  };
}

export type PersonSeries = {
  outcomes: Record<string, number>; groups: { id: string; subject: string; outcome: Outcome; revisions: number; start: number | null }[];
  applied_for_others: number; applied: { id: string; subject: string; author: PersonRef; at: number | null; tree: string | null }[];
};

/**
 * Person details' series part: their revision groups by outcome, and what they applied for
 * others. Indexed once (every person has a detail: one pass, not one scan per person).
 */
export function personSeriesIndex(a: Analysis): (id: string) => PersonSeries | null {
  const lc = a.series.lifecycle;
  const own = new Map<string, GroupRow[]>();
  for (const g of a.series.groups) { const l = own.get(g.author); if (l) l.push(g); else own.set(g.author, [g]); }
  const appliedFor = new Map<string, number[]>();
  lc.outcomes.forEach((o, r) => {
    if (o.outcome !== "applied" || o.by === null || o.by === undefined || lc.revisions[r].author === o.by) return;
    const l = appliedFor.get(o.by); if (l) l.push(r); else appliedFor.set(o.by, [r]);
  });
  return (id) => {
    const mine = own.get(id) ?? [], applied = appliedFor.get(id) ?? [];
    if (!mine.length && !applied.length) return null;
    const outcomes: Record<string, number> = Object.create(null);
    for (const g of mine) outcomes[g.outcome] = (outcomes[g.outcome] ?? 0) + 1;
    return {
      outcomes,
      groups: [...mine].sort((x, y) => (y.start ?? 0) - (x.start ?? 0)).slice(0, 100).map((g) => {
        const last = lc.revisions[lc.grouping.groups[g.group].revisions.at(-1)!];
        return { id: last.id, subject: last.subject, outcome: g.outcome, revisions: g.revisions, start: g.start };
      }),
      applied_for_others: applied.length,
      applied: applied.slice(-100).map((r) => ({ id: lc.revisions[r].id, subject: lc.revisions[r].subject, author: personRef(a, lc.revisions[r].author), at: lc.outcomes[r].at, tree: lc.outcomes[r].tree })),
    };
  };
}
