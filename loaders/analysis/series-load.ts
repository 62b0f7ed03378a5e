// Reviewer load per maintainer: for each person with a MAINTAINERS role (M: or R: of a section),
// the series touching their sections (a message of the series maps to one of them) against the
// series they answered (sent a message under any revision) and the ones they applied. Needs the
// subsystem tables (message_subsystems, person_subsystems); without them there is no row.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { SeriesAnalysis } from "./series.ts";

/** The table's cut (series.json, the Series page, `threadgraph series --since`): the busiest rows, and sections named per person. */
export const LOAD_ROWS = 200, LOAD_SECTIONS = 20;

export interface MaintainerRole { personId: string; subsystem: string; role: "maintainer" | "reviewer" }

export interface LoadRow {
  person: string;
  subsystems: string[];
  /** Series (revision groups, bots' excluded) touching one of their sections. */
  touching: number;
  /** Of those, series they sent a message under (a reply, a verdict). */
  answered: number;
  /** Of those, series applied by them. */
  applied: number;
}

/**
 * Per revision group (by group index): who sent something under any of its revisions other than
 * a patch posting (a reply, a verdict): "answered" in the reviewer load, and revision_groups'
 * `responders` column (series-io.ts), which `threadgraph series --since` reads.
 */
export function groupResponders(messages: AnalysisMessage[], s: SeriesAnalysis): Set<string>[] {
  const lc = s.lifecycle;
  const spoke = lc.grouping.groups.map(() => new Set<string>());
  messages.forEach((m, i) => {
    const r = lc.revisionOf[i];
    if (r >= 0 && !m.patch.isPatch) spoke[lc.grouping.groupOf[r]].add(m.from);
  });
  return spoke;
}

/** A row per person whose sections some series (not by a bot) touches, busiest first (ties by id); build-series.ts keeps 200. */
export function reviewerLoad(messages: AnalysisMessage[], s: SeriesAnalysis, roles: MaintainerRole[], isBot: (id: string) => boolean): LoadRow[] {
  if (!roles.length) return [];
  const lc = s.lifecycle;
  const spoke = groupResponders(messages, s);
  const bySub = new Map<string, number[]>();
  for (const g of s.groups) {
    if (isBot(g.author)) continue;
    for (const sub of g.subsystems) { const l = bySub.get(sub); if (l) l.push(g.group); else bySub.set(sub, [g.group]); }
  }
  const subsOf = new Map<string, Set<string>>();
  for (const r of roles) { let x = subsOf.get(r.personId); if (!x) subsOf.set(r.personId, (x = new Set())); x.add(r.subsystem); }
  const rows: LoadRow[] = [];
  for (const [person, subs] of subsOf) {
    const touching = new Set<number>();
    for (const sub of subs) for (const g of bySub.get(sub) ?? []) if (s.groups[g].author !== person) touching.add(g);
    if (!touching.size) continue;
    let answered = 0, applied = 0;
    for (const g of touching) {
      if (spoke[g].has(person)) answered++;
      const a = s.groups[g].applied;
      if (a >= 0 && lc.outcomes[a].by === person) applied++;
    }
    rows.push({ person, subsystems: [...subs].sort(), touching: touching.size, answered, applied });
  }
  return rows.sort((x, y) => y.touching - x.touching || (x.person < y.person ? -1 : 1));
}
