// Series lifecycle in the analysis: revisions, groups and outcomes (loaders/series/), and per
// revision group the time from its first revision's post to its first application, censored at
// the end of observation of the lists it reached (as first replies are: survival.ts).
import type { AnalysisMessage, Corpus } from "../model/corpus.ts";
import type { ThreadResult } from "../thread/index.ts";
import { buildSeriesLifecycle, type MaintainerAuthority, type Outcome, type SeriesLifecycle } from "../series/index.ts";
import { listShortName } from "../maintainers/lists.ts";
import type { ReviewRow } from "./reviews.ts";
import { messageIndex } from "../model/message-index.ts";

export interface GroupRow {
  /** Index into lifecycle.grouping.groups. */
  group: number;
  id: string;
  author: string;
  start: number | null;
  lists: string[];
  revisions: number;
  /** Revision index (into lifecycle.revisions) first applied, or -1. */
  applied: number;
  /** Revisions posted up to and including the first applied one (null: not applied). */
  revisionsToAccept: number | null;
  /** The last revision's outcome, or applied when any revision was. */
  outcome: Outcome;
  answered: boolean;
  /** A review trailer (Reviewed/Acked/Tested-by, in a reply) on any revision. */
  reviewed: boolean;
  /** ms from start to applied, or to the end of observation when not applied (censored). */
  time: number | null;
  accepted: boolean;
  /** Subsystems of its messages, when the store has message_subsystems. */
  subsystems: string[];
}

export interface SeriesAnalysis {
  lifecycle: SeriesLifecycle;
  groups: GroupRow[];
  /** The corpus holds verdicts other than NAKs (without them nothing can be known applied). */
  verdicts: boolean;
  subsystems: boolean;
  /** The same analysis again over the corpus as it is now (run.ts: once MAINTAINERS is known, pw-bot authority changes). */
  recompute: () => SeriesAnalysis;
}

/** `prior`: the analysis of the same corpus before MAINTAINERS was known (its revisions are reused: recompute). */
export function analyzeSeries(corpus: Corpus, tr: ThreadResult, reviews: ReviewRow[], isBot: (id: string) => boolean,
  censorAt: (lists: string[]) => number, prior?: SeriesLifecycle): SeriesAnalysis {
  const { messages } = corpus;
  // The store's verdicts view carries the NAKs itself (rule 'nak'); a corpus without one (built
  // by hand, or an old store) takes them from the reviews.
  const naks = corpus.verdicts !== undefined ? [] : reviews.filter((r) => (r.kind === "nacked-by" || r.kind === "nak-line") && r.source !== "carried")
    .map((r) => ({ messageId: r.messageId, reviewer: r.reviewer }));
  const lc = buildSeriesLifecycle(messages, tr, corpus.verdicts ?? [], naks, isBot, corpus.revisionLinks, maintainerAuthority(corpus), prior);
  const reviewedRev = new Set<number>();
  const idx = messageIndex(messages);
  for (const r of reviews) {
    if (r.source !== "reply" || r.kind === "nacked-by" || r.kind === "nak-line") continue;
    const i = idx.get(r.messageId);
    if (i !== undefined && lc.revisionOf[i] >= 0) reviewedRev.add(lc.revisionOf[i]);
  }
  // Indexed loops, no array nor closure per group: there is a group per lone patch too.
  const groups = lc.grouping.groups.map((g, gi): GroupRow => {
    const rs = g.revisions;
    const first = lc.revisions[rs[0]];
    // Distinct lists, in order of first appearance over the revisions.
    const seen = new Set<string>();
    for (let j = 0; j < rs.length; j++) for (const l of lc.revisions[rs[j]].lists) seen.add(l);
    const lists = [...seen];
    let k = -1, answered = false, reviewed = false;
    for (let j = 0; j < rs.length; j++) {
      if (k < 0 && lc.outcomes[rs[j]].outcome === "applied") k = j;
      if (lc.answered[rs[j]]) answered = true;
      if (reviewedRev.has(rs[j])) reviewed = true;
    }
    const applied = k >= 0 ? rs[k] : -1;
    const at = applied >= 0 ? lc.outcomes[applied].at : null;
    const start = first.date;
    const accepted = applied >= 0 && at !== null && start !== null;
    const time = start === null ? null : accepted ? Math.max(0, at! - start) : Math.max(0, censorAt(lists) - start);
    return { group: gi, id: g.id, author: first.author, start, lists, revisions: rs.length, applied,
      revisionsToAccept: k >= 0 ? k + 1 : null, outcome: applied >= 0 ? "applied" : lc.outcomes[rs[rs.length - 1]].outcome,
      answered, reviewed, time, accepted, subsystems: [] as string[] };
  });
  // Only NAK rows: a store ingested before verdicts were extracted (or one without any verdict).
  const verdicts = (corpus.verdicts ?? []).some((v) => v.rule !== "nak");
  const out: SeriesAnalysis = { lifecycle: lc, groups, verdicts, subsystems: false,
    recompute: () => analyzeSeries(corpus, tr, reviews, isBot, censorAt, lc) };
  if (corpus.subsystems) withSubsystems(out, messages, corpus.subsystems);
  return out;
}

/**
 * Who may set a series' state with pw-bot, from MAINTAINERS (series/authority.ts); undefined
 * (the fallback: authors and appliers) when the corpus has no MAINTAINERS tables.
 */
function maintainerAuthority(corpus: Corpus): MaintainerAuthority | undefined {
  const { subsystems, maintainerRoles, sectionLists } = corpus;
  if (!subsystems || !maintainerRoles || !sectionLists) return undefined;
  const roles = new Map<string, Set<string>>();
  for (const r of maintainerRoles) { const x = roles.get(r.personId); if (x) x.add(r.subsystem); else roles.set(r.personId, new Set([r.subsystem])); }
  return { roles, subsystemsOf: (id) => subsystems.get(id) ?? [], sectionLists };
}

/** Each MAINTAINERS section's L: lists, by the short names messages carry (netdev@vger.kernel.org: netdev). */
export function sectionListNames(sections: { name: string; lists: string[] }[]): Map<string, string[]> {
  return new Map(sections.map((s) => [s.name, s.lists.map(listShortName)]));
}

/**
 * Give each series the MAINTAINERS sections its messages touch. The analysis run computes
 * message_subsystems after the core analysis (it needs the threads), then calls this.
 */
export function withSubsystems(s: SeriesAnalysis, messages: AnalysisMessage[], subs: Map<string, string[]>): void {
  const subsOf = subsystemsOf(messages, subs);
  s.lifecycle.grouping.groups.forEach((g, gi) => {
    s.groups[gi].subsystems = [...new Set(g.revisions.flatMap((r) => s.lifecycle.revisions[r].members.flatMap(subsOf)))].sort();
  });
  s.subsystems = true;
}

function subsystemsOf(messages: AnalysisMessage[], subs: Map<string, string[]> | undefined): (i: number) => string[] {
  if (!subs) return () => [];
  return (i) => subs.get(messages[i].id) ?? [];
}
