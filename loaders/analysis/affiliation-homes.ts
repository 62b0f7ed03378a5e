// The inputs of each sender's home list and home subsystem (maintainers/home.ts has the rules;
// docs/analysis.md "Home list and home subsystem"), built from the analysed corpus:
// - a thread's section shares: the mean, over its patches, of each patch's shares (patchShares:
//   a patch weighs 1 over its sections, the more specific match the bigger share), so a series
//   touching 38 sections says little about each, and a drivers/cxl/ patch a lot about CXL;
// - a message counts for the person's role sections by its thread's shares; only when the thread
//   touches none of their sections does it count by its lists, 1/k on each of its k lists; a role
//   section then gains the weight of its own list, its first L: (later ones are lists it Cc's; a
//   section naming three lists is no likelier a home). The catch-all section's lists (THE REST:
//   linux-kernel) say nothing about a subsystem and are skipped.
import type { Analysis } from "./analyze.ts";
import type { PersonHome } from "./affiliations.ts";
import type { Section } from "../maintainers/parse.ts";
import type { NamedMatch, RoleRow } from "../maintainers/subsystems.ts";
import { authorOf } from "../model/corpus.ts";
import { homeList, homeSubsystem, patchShares, sectionBreadth, type SectionFacts } from "../maintainers/home.ts";

const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);

/** thread id -> section -> share (summing to 1 per mapped thread): the mean over its patches (its cover letters when it has no patch). */
export function threadShares(a: Analysis, matches: Map<string, NamedMatch[]>): Map<string, Map<string, number>> {
  const acc = new Map<string, { patches: Map<string, number>; n: number; covers: Map<string, number>; c: number }>();
  a.corpus.messages.forEach((m, i) => {
    const found = matches.get(m.id);
    if (!found) return;
    const t = a.tr.threading.threadId[i];
    let x = acc.get(t);
    if (!x) acc.set(t, (x = { patches: new Map(), n: 0, covers: new Map(), c: 0 }));
    const into = m.patch.isCover ? x.covers : x.patches;
    for (const [s, w] of patchShares(found)) bump(into, s, w);
    if (m.patch.isCover) x.c++; else x.n++;
  });
  const out = new Map<string, Map<string, number>>();
  for (const [t, x] of acc) {
    const [sum, n] = x.n ? [x.patches, x.n] : [x.covers, x.c];
    out.set(t, new Map([...sum].map(([s, w]) => [s, w / n])));
  }
  return out;
}

/** THE REST: a section whose patterns start with "*" (match.ts depth -1). */
const isCatchAll = (s: Section) => s.files.some((f) => f.trim().startsWith("*"));

/** Home list and home subsystem of every sender. `sectionLists`: each section's L: lists by the names in `listsOf`. */
export function personHomes(a: Analysis, listsOf: string[][], matches: Map<string, NamedMatch[]>, roles: RoleRow[],
  sections: Section[], sectionLists: Map<string, string[]>): PersonHome[] {
  const msgs = a.corpus.messages;
  const shares = threadShares(a, matches);
  const general = new Set(sections.filter(isCatchAll).flatMap((s) => sectionLists.get(s.name) ?? []));
  const rolesOf = new Map<string, RoleRow[]>();
  for (const r of roles) rolesOf.set(r.personId, [...(rolesOf.get(r.personId) ?? []), r]);
  interface Acc { lists: string[][]; activity: Map<string, number>; listOnly: Map<string, number>; own: Map<string, number>; answered: Map<string, number>; n: number }
  const acc = new Map<string, Acc>();
  const get = (p: string) => {
    let x = acc.get(p);
    if (!x) acc.set(p, (x = { lists: [], activity: new Map(), listOnly: new Map(), own: new Map(), answered: new Map(), n: 0 }));
    return x;
  };
  // Without MAINTAINERS (no roles, no matched patch) only the lists count: no lookups for the rest.
  const noRoles = rolesOf.size === 0, noShares = shares.size === 0, noMatches = matches.size === 0;
  const { threadId } = a.tr.threading;
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i];
    const x = get(m.from);
    x.n++;
    x.lists.push(listsOf[i]);
    if (noRoles && noMatches) continue;
    const mine = noRoles ? undefined : rolesOf.get(m.from);
    const inThread = noShares ? undefined : shares.get(threadId[i]);
    if (mine) {
      const byFiles = mine.filter((r) => inThread?.has(r.subsystem));
      if (byFiles.length) for (const r of new Set(byFiles.map((r) => r.subsystem))) bump(x.activity, r, inThread!.get(r)!);
      else {
        const k = Math.max(1, listsOf[i].length);
        for (const l of listsOf[i]) if (!general.has(l)) bump(x.listOnly, l, 1 / k);
      }
    }
    const own = noMatches ? undefined : matches.get(m.id);
    if (own && m.patch.isPatch && !m.patch.isCover) {
      const author = get(authorOf(m));
      for (const [s, w] of patchShares(own)) bump(author.own, s, w);
    } else if (!m.patch.isPatch && inThread) {
      for (const [s, w] of inThread) bump(x.answered, s, w);
    }
  }
  const facts = new Map<string, SectionFacts>();
  const factsOf = (names: Iterable<string>) => {
    for (const n of names) if (!facts.has(n)) facts.set(n, { lists: sectionLists.get(n) ?? [], breadth: sectionBreadth(byName.get(n) ?? { files: [] }) });
  };
  const byName = new Map(sections.map((s) => [s.name, s]));
  const out: PersonHome[] = [];
  for (const [personId, x] of acc) {
    const rs = rolesOf.get(personId) ?? [];
    // a section's list evidence: the weight of its own list, its first L: (DAX: nvdimm, then linux-cxl
    // for Cc; TRACING [RUST]: linux-trace-kernel, then rust-for-linux), never the union of its lists
    for (const s of new Set(rs.map((r) => r.subsystem))) {
      const own = (sectionLists.get(s) ?? []).find((l) => !general.has(l));
      const w = own ? x.listOnly.get(own) ?? 0 : 0;
      if (w > 0) bump(x.activity, s, w);
    }
    const home = homeList(x.lists);
    let hs = null;
    if (sections.length) {
      factsOf(rs.map((r) => r.subsystem)); factsOf(x.own.keys()); factsOf(x.answered.keys());
      hs = homeSubsystem({ messages: x.n, roles: rs, activity: x.activity, homeList: home, sections: facts, ownPatches: x.own, answered: x.answered });
    }
    out.push({ personId, homeList: home, homeSubsystem: hs?.subsystem ?? null, evidence: hs?.evidence ?? null, organisation: null });
  }
  return out;
}
