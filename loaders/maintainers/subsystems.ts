// Subsystems of patches and people, from MAINTAINERS (pure; docs/maintainers.md "Subsystems"):
// - a patch maps to every section whose patterns match one of its files; THE REST (the catch-all
//   whose patterns start with "*") only when no other section matches;
// - a cover letter maps to the union of its series' patches;
// - a person holds M:/R: roles: matched by resolved address first, else by a name that exactly one
//   person carries (the evidence says which).
import type { Section } from "./parse.ts";
import type { SectionMatch, SectionMatcher } from "./match.ts";
import { nameKey } from "../identity/normalize.ts";

/** The sections of one patch's files with their match depth, best first; THE REST only when nothing else matches. */
export function patchMatches(matcher: SectionMatcher, files: Iterable<string>, memo?: Map<string, SectionMatch[]>): SectionMatch[] {
  // Successive versions of a series touch the same paths: each path is matched once per run.
  const best = new Map<number, SectionMatch>();
  for (const p of files) {
    let ms = memo?.get(p);
    if (!ms) { ms = matcher.match(p); memo?.set(p, ms); }
    for (const m of ms) {
      const b = best.get(m.section.index);
      if (!b || m.depth > b.depth) best.set(m.section.index, m);
    }
  }
  const all = [...best.values()].sort((a, b) => b.depth - a.depth || a.section.index - b.section.index);
  const specific = all.filter((m) => m.depth >= 0);
  return specific.length ? specific : all;
}

/** The sections of one patch's files, best first; THE REST only when nothing else matches. */
export function patchSections(matcher: SectionMatcher, files: Iterable<string>, memo?: Map<string, SectionMatch[]>): Section[] {
  return patchMatches(matcher, files, memo).map((m) => m.section);
}

export interface MessageForSubsystems {
  id: string;
  isPatch: boolean;
  isCover: boolean;
  seriesId: string | null;
  /** Files its diff touches; null: not parsed (a store from before message_files). */
  files: string[] | null;
}

/** A section a message maps to, and the depth of its best match (match.ts SectionMatch.depth). */
export interface NamedMatch { name: string; depth: number }

/** message id -> sections with depths, best first, for patches (their files) and cover letters (their series, each section at its best depth). */
export function messageSectionMatches(matcher: SectionMatcher, messages: MessageForSubsystems[]): Map<string, NamedMatch[]> {
  const out = new Map<string, NamedMatch[]>();
  const bySeries = new Map<string, Map<string, number>>();
  const memo = new Map<string, SectionMatch[]>();
  for (const m of messages) {
    if (!m.isPatch || m.isCover || !m.files?.length) continue;
    const found = patchMatches(matcher, m.files, memo).map((x) => ({ name: x.section.name, depth: x.depth }));
    if (!found.length) continue;
    out.set(m.id, found);
    if (m.seriesId) {
      let s = bySeries.get(m.seriesId);
      if (!s) bySeries.set(m.seriesId, (s = new Map()));
      for (const f of found) s.set(f.name, Math.max(f.depth, s.get(f.name) ?? -Infinity));
    }
  }
  for (const m of messages) {
    if (!m.isPatch || !m.isCover || !m.seriesId) continue;
    const s = bySeries.get(m.seriesId);
    if (s?.size) out.set(m.id, [...s].map(([name, depth]) => ({ name, depth })));
  }
  return out;
}

/** message id -> section names, for patches (their files) and cover letters (their series). */
export function messageSubsystems(matcher: SectionMatcher, messages: MessageForSubsystems[]): Map<string, string[]> {
  return new Map([...messageSectionMatches(matcher, messages)].map(([id, ms]) => [id, ms.map((x) => x.name)]));
}

export interface RolePerson { id: string; name: string; emails: string[] }

export interface RoleRow {
  personId: string;
  subsystem: string;
  role: "maintainer" | "reviewer";
  /** "address:x@y" (the M:/R: address is one of the person's) or "name:Some Name" (one person has that name). */
  evidence: string;
}

/**
 * M:/R: entries -> people. `personOfEmail` is the store's address map (after mailmap and
 * overrides). An entry whose address is unknown matches by name only when exactly one person
 * carries that name key; otherwise it stays unmatched (the person never posted, or the name is
 * shared).
 */
export function sectionRoles(sections: Section[], people: RolePerson[], personOfEmail: Map<string, string>): RoleRow[] {
  const byName = new Map<string, string | null>(); // null: ambiguous
  for (const p of people) {
    const k = nameKey(p.name);
    if (!k) continue;
    byName.set(k, byName.has(k) && byName.get(k) !== p.id ? null : p.id);
  }
  const out: RoleRow[] = [];
  const seen = new Set<string>();
  for (const s of sections) {
    for (const [role, entries] of [["maintainer", s.maintainers], ["reviewer", s.reviewers]] as const) {
      for (const e of entries) {
        let personId = e.email ? personOfEmail.get(e.email) : undefined;
        let evidence = `address:${e.email}`;
        if (!personId) {
          const k = nameKey(e.name);
          const byN = k ? byName.get(k) : undefined;
          if (!byN) continue;
          personId = byN;
          evidence = `name:${e.name}`;
        }
        const key = `${personId}\u0000${s.name}\u0000${role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push({ personId, subsystem: s.name, role, evidence });
      }
    }
  }
  return out;
}

/** Sections with no L: list in common (each with at least one): the patch spans subsystems. */
export function spansListsApart(sections: Section[]): boolean {
  const withLists = sections.filter((s) => s.lists.length > 0);
  for (let i = 0; i < withLists.length; i++) {
    for (let j = i + 1; j < withLists.length; j++) {
      if (!withLists[i].lists.some((l) => withLists[j].lists.includes(l))) return true;
    }
  }
  return false;
}
