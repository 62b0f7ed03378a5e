// The reviewer load's facts (series-table.json `load`, by facts-series.json's rows): enough for the Series page to compute the
// "Reviewer load per maintainer" table (series-load.ts's definition) for any window and lists in
// the browser (src/components/series-facts.js reviewerLoadRows). A series touches a person when
// one of its sections is one of theirs and they did not write it; per series only the people who
// did something (answered, applied, wrote it) are listed, the rest follows from the sections,
// which facts-series.json carries per series. Measured smaller gzipped than listing every touched
// person per series (docs/site.md, "The filter").
import type { Analysis } from "./analyze.ts";
import type { GroupRow } from "./series.ts";
import { factPersonIndex } from "./fact-index.ts";
import { groupResponders, LOAD_SECTIONS } from "./series-load.ts";
import { clipText } from "../model/clip.ts";

/** Bits of a series' person entry: `person index * 8 + bits`. */
export const LOAD_FLAG = { answered: 1, applied: 2, author: 4 } as const;

export interface SeriesLoadFacts {
  /**
   * People with a MAINTAINERS role (M:/R:) whose sections some series not by a bot touches, over
   * all data (any filter's rows are among them), busiest first. `person`: index in
   * facts-people.json, -1 for those not there (`named` gives them: [load index, id, name]).
   */
  person: number[];
  named: [number, string, string][];
  /**
   * Their sections by section name, as indices: below facts-series.json's subsystems.length into
   * its subsystems, from there into `section_names` (sections no series touches). The first
   * LOAD_SECTIONS (named in the table), then only those some series touches; concatenated, sections_n per person.
   */
  sections: number[];
  section_names: string[];
  sections_n: number[];
  /** Per series (fact-table row order): the touched people who answered it, applied it or wrote it, as index * 8 + LOAD_FLAG bits; m_n per series. */
  m: number[];
  m_n: number[];
}

/** The load block, or null without MAINTAINERS roles. `subsystems`: facts-series.json's section list. */
export function buildSeriesLoadFacts(a: Analysis, order: GroupRow[], subsystems: string[]): SeriesLoadFacts | null {
  const roles = a.corpus.maintainerRoles;
  if (!roles || !a.corpus.subsystems) return null;
  const lc = a.series.lifecycle;
  const sectionsOf = new Map<string, Set<string>>(), peopleOf = new Map<string, Set<string>>();
  for (const r of roles) {
    let s = sectionsOf.get(r.personId); if (!s) sectionsOf.set(r.personId, (s = new Set())); s.add(r.subsystem);
    let p = peopleOf.get(r.subsystem); if (!p) peopleOf.set(r.subsystem, (p = new Set())); p.add(r.personId);
  }
  // The people each series touches (all data, bots' series left out): who is shipped, in which order.
  const touchedBy = (g: GroupRow) => {
    const out = new Set<string>();
    for (const sub of g.subsystems) for (const p of peopleOf.get(sub) ?? []) if (p !== g.author) out.add(p);
    return out;
  };
  const human = order.map((g) => !a.bots.has(g.author));
  const count = new Map<string, number>();
  order.forEach((g, k) => { if (human[k]) for (const p of touchedBy(g)) count.set(p, (count.get(p) ?? 0) + 1); });
  const people = [...count].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([p]) => p);
  const idx = new Map(people.map((p, k) => [p, k]));
  const subIdx = new Map(subsystems.map((s, k) => [s, k]));
  const touchedSections = new Set(subsystems);
  const personIdx = factPersonIndex(a);
  const out: SeriesLoadFacts = { person: [], named: [], sections: [], sections_n: [], section_names: [], m: [], m_n: [] };
  people.forEach((p, k) => {
    const pi = personIdx.get(p) ?? -1;
    out.person.push(pi);
    if (pi < 0) out.named.push([k, p, clipText(a.people.get(p)?.name || a.people.get(p)?.email || p, 80)]);
    // By name; past the 20 the table names, only the sections some series touches (the count needs them).
    const secs = [...sectionsOf.get(p)!].sort().filter((s, k) => k < LOAD_SECTIONS || touchedSections.has(s));
    for (const s of secs) {
      if (!subIdx.has(s)) { subIdx.set(s, subsystems.length + out.section_names.length); out.section_names.push(s); }
      out.sections.push(subIdx.get(s)!);
    }
    out.sections_n.push(secs.length);
  });
  const spoke = groupResponders(a.corpus.messages, a.series);
  order.forEach((g, k) => {
    let n = 0;
    if (human[k]) {
      const appliedBy = g.applied >= 0 ? lc.outcomes[g.applied].by : null;
      const touched = new Set<string>();
      for (const sub of g.subsystems) for (const p of peopleOf.get(sub) ?? []) touched.add(p);
      const entries: number[] = [];
      for (const p of touched) {
        const bits = (spoke[g.group].has(p) ? LOAD_FLAG.answered : 0) | (appliedBy === p ? LOAD_FLAG.applied : 0) | (g.author === p ? LOAD_FLAG.author : 0);
        // Someone no other series touches is not shipped: their own series need no entry.
        const i = idx.get(p);
        if (bits && i !== undefined) entries.push(i * 8 + bits);
      }
      entries.sort((x, y) => x - y);
      for (const e of entries) out.m.push(e); // a loop: more people than a call has arguments must not crash
      n = entries.length;
    }
    out.m_n.push(n);
  });
  return out;
}
