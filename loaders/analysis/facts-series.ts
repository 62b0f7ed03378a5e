// The series fact table (facts-series.json) the Series page filters in the browser: one row per
// revision group (a series v1..vN) and one per revision, as integer columns, so the funnel, the
// time-to-acceptance curves and revisions to acceptance follow any window and lists without a
// rebuild (src/components/series-facts.js decodes and aggregates it; docs/site.md "The filter").
// Written beside series.json, once the series know their MAINTAINERS sections (run.ts).
import type { Analysis } from "./analyze.ts";
import type { GroupRow } from "./series.ts";
import { factPersonIndex } from "./fact-index.ts";
import type { Outcome } from "../series/index.ts";
import { buildSeriesLoadFacts, type SeriesLoadFacts } from "./facts-series-load.ts";
import { artifactJson } from "./bounded.ts";
import { clipText } from "../model/clip.ts";
import { FILES } from "./artifacts.ts";

/** Rows of the table: the most recent series (as series.json's rows). */
export const TABLE_ROWS_MAX = 6000;
export const FACTS_SERIES_SCHEMA = 1;
const MIN = 60_000;

/** Group flag bits. */
export const SERIES_FLAG = { answered: 1, reviewed: 2, accepted: 4, partial: 8, bot: 16 } as const;
export const OUTCOMES: Outcome[] = ["applied", "changes_requested", "rejected", "deferred", "superseded", "pending"];

export interface FactsSeriesArtifact {
  schema: number;
  /** Bit i of a lists mask is lists[i] (the same lists as facts.json). */
  lists: string[];
  /** Outcome names, by outcome index. */
  outcomes: string[];
  /** MAINTAINERS section names (by subsystem index); empty when the store has none. */
  subsystems: string[];
  has_subsystems: boolean;
  verdicts: boolean;
  /**
   * Revision groups, by first post (dated first, in date order; the last n - dated are undated).
   * Times are whole minutes.
   */
  groups: {
    n: number; dated: number;
    /** First revision's post, minutes since 1970, as the difference to the previous group's. */
    start: number[];
    /** The author's person index in facts-people.json (-1: not there). */
    author: number[];
    lists: number[];
    flags: number[];
    /** Minutes from the first post to the first application (accepted), else to the end of observation of its lists; -1: undated. */
    time: number[];
    /** Revisions posted up to the first applied one (0: not applied). */
    to_accept: number[];
    outcome: number[];
    /** Number of revisions: the group's revision rows follow each other in group order. */
    revisions: number[];
    /** Subsystem indices of each group, concatenated; sub_n[g] of them per group. */
    sub: number[];
    sub_n: number[];
  };
  /** Revisions, grouped by group (in group order), in version order within a group. */
  revisions: { version: number[]; patches: number[]; outcome: number[]; lists: number[] };
}

export function buildFactsSeries(a: Analysis): FactsSeriesArtifact {
  const lc = a.series.lifecycle;
  const lists = a.corpus.lists;
  const bit = new Map(lists.map((l, i) => [l, 2 ** i]));
  const maskOf = (ls: readonly string[]) => { let m = 0; for (const l of new Set(ls)) m += bit.get(l) ?? 0; return m; };
  const outcomeIdx = new Map(OUTCOMES.map((o, i) => [o, i]));
  const personIdx = factPersonIndex(a);
  const order = groupOrder(a);
  const subsystems = subsystemOrder(order);
  const subIdx = new Map(subsystems.map((s, i) => [s, i]));
  const G = {
    n: order.length, dated: 0, start: [] as number[], author: [] as number[], lists: [] as number[], flags: [] as number[], time: [] as number[],
    to_accept: [] as number[], outcome: [] as number[], revisions: [] as number[], sub: [] as number[], sub_n: [] as number[],
  };
  const R = { version: [] as number[], patches: [] as number[], outcome: [] as number[], lists: [] as number[] };
  let prev = 0;
  for (const g of order) {
    if (g.start !== null) {
      const m = Math.floor(g.start / MIN);
      G.start.push(m - prev); prev = m; G.dated++;
    }
    G.author.push(personIdx.get(g.author) ?? -1);
    G.lists.push(maskOf(g.lists));
    G.flags.push((g.answered ? SERIES_FLAG.answered : 0) | (g.reviewed ? SERIES_FLAG.reviewed : 0) | (g.accepted ? SERIES_FLAG.accepted : 0)
      | (g.applied >= 0 && lc.outcomes[g.applied].partial ? SERIES_FLAG.partial : 0) | (a.bots.has(g.author) ? SERIES_FLAG.bot : 0));
    G.time.push(g.time === null ? -1 : Math.round(g.time / MIN));
    G.to_accept.push(g.revisionsToAccept ?? 0);
    G.outcome.push(outcomeIdx.get(g.outcome)!);
    const revs = lc.grouping.groups[g.group].revisions;
    G.revisions.push(revs.length);
    for (const r of revs) {
      R.version.push(lc.revisions[r].version); R.patches.push(lc.revisions[r].patches);
      R.outcome.push(outcomeIdx.get(lc.outcomes[r].outcome)!); R.lists.push(maskOf(lc.revisions[r].lists));
    }
    G.sub_n.push(g.subsystems.length);
    for (const s of g.subsystems) G.sub.push(subIdx.get(s)!);
  }
  return { schema: FACTS_SERIES_SCHEMA, lists, outcomes: OUTCOMES, subsystems, has_subsystems: a.series.subsystems, verdicts: a.series.verdicts,
    groups: G, revisions: R };
}

/** Subsystems numbered by how many groups touch them (busy ones get short numbers). */
function subsystemOrder(order: GroupRow[]): string[] {
  const subCount = new Map<string, number>();
  for (const g of order) for (const s of g.subsystems) subCount.set(s, (subCount.get(s) ?? 0) + 1);
  return [...subCount].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([s]) => s);
}

/** Row order of the groups: dated by first post, undated last (ties by group index). */
function groupOrder(a: Analysis): GroupRow[] {
  return [...a.series.groups].sort((x, y) => {
    if (x.start === null || y.start === null) return x.start === y.start ? x.group - y.group : x.start === null ? 1 : -1;
    return x.start - y.start || x.group - y.group;
  });
}

/**
 * series-table.json: the text the Series page's table needs for the most recent series (bots'
 * left out), by row of facts-series.json (`group`): the latest revision's subject and Message-ID,
 * the deciding message and rule of the outcome; `author_id` only where the author has no
 * fact-table index. Everything else (dates, lists, revisions, outcome) comes from the fact table.
 * `load`: the reviewer load's facts by fact-table row (facts-series-load.ts; null without
 * MAINTAINERS), here rather than in facts-series.json, which the person page loads too.
 */
export interface SeriesTableArtifact {
  group: number[]; subject: string[]; id: string[]; evidence: (string | null)[]; rule: (string | null)[]; author_id: (string | null)[];
  load: SeriesLoadFacts | null;
}

export function buildSeriesTable(a: Analysis): SeriesTableArtifact {
  const lc = a.series.lifecycle;
  const personIdx = factPersonIndex(a);
  const order = groupOrder(a);
  const rowOf = new Map(order.map((g, k) => [g.group, k]));
  const recent = a.series.groups.filter((g) => !a.bots.has(g.author))
    .sort((x, y) => (y.start ?? 0) - (x.start ?? 0) || (x.id < y.id ? -1 : 1)).slice(0, TABLE_ROWS_MAX);
  const out: SeriesTableArtifact = { group: [], subject: [], id: [], evidence: [], rule: [], author_id: [],
    load: buildSeriesLoadFacts(a, order, subsystemOrder(order)) };
  for (const g of recent) {
    const revs = lc.grouping.groups[g.group].revisions, last = revs[revs.length - 1];
    // The revision that decided the outcome and says how (series.json's "Evidence" column).
    const decided = revs.find((r) => lc.outcomes[r].outcome === g.outcome && lc.outcomes[r].evidence) ?? last;
    out.group.push(rowOf.get(g.group)!); out.subject.push(clipText(lc.revisions[last].subject)); out.id.push(lc.revisions[last].id);
    out.evidence.push(lc.outcomes[decided].evidence?.messageId ?? null); out.rule.push(lc.outcomes[decided].evidence?.rule ?? null);
    out.author_id.push(personIdx.has(g.author) ? null : g.author);
  }
  return out;
}

/** Both files, written beside series.json (run.ts). */
export function seriesFactFiles(a: Analysis): [string, string][] {
  // series-table.json: the Series page's table text and reviewer load (the page needs no series.json).
  return [[FILES.factsSeries, JSON.stringify(buildFactsSeries(a))], [FILES.seriesTable, artifactJson(buildSeriesTable(a))]];
}
