// facts-subsystems.json: the fact tables the Subsystems and Organisations pages filter in the
// browser (src/components/affiliation-figures.js), beside facts.json: per patch its MAINTAINERS
// sections and its author's organisation, per review (facts.json's reviews, same order) the
// reviewed patch's section and both organisations at the review's date, and who maintains which
// section. Written with the affiliations (affiliation-artifacts.ts), since facts.json is built
// before they are known. affiliation-artifacts.ts computes the same figures for all data: a test
// holds the two equal.
import type { Analysis } from "./analyze.ts";
import type { Affiliations } from "./affiliations.ts";
import { factPersonIndex, factReviewOrder, factRowOf } from "./fact-index.ts";
import { authorOf } from "../model/corpus.ts";

export const FACTS_SUBSYSTEMS_SCHEMA = 1;

export interface FactsSubsystemsArtifact {
  schema: number;
  /** Affiliations status ("ok", "no-maintainers", "no-files"), or "no-data" when no store was analysed. */
  status: string;
  hint: string | null;
  /** MAINTAINERS sections parsed, roles held by people here, patches ingested before files were recorded. */
  sections: number; roles: number; unparsed_patches: number;
  /** Section names (most patches first), and organisation names (most uses first). */
  names: string[];
  orgs: string[];
  /** Patches (not covers), by facts.json message row, ascending. */
  patches: {
    /** Row, as the difference to the previous patch's row. */
    msg: number[];
    /** Section indices, the best-ranked first ([]: maps to none). */
    sec: number[][];
    /** The author's current organisation (-1: none). */
    org: number[];
  };
  /** Per facts.json review, same order: the reviewed patch's best-ranked section and the organisations at the dates (-1: unknown). */
  reviews: { section: number[]; rorg: number[]; aorg: number[] };
  /** Maintainers (facts person index) and the sections they maintain. */
  maintainers: { person: number[]; sec: number[][] };
}

export const isPatchNotCover = (m: Analysis["corpus"]["messages"][number]) => m.patch.isPatch && !m.patch.isCover;

/** Labels by how often they occur (most first, ties by name), and each one's index. */
function labels(counts: Map<string, number>): { names: string[]; at: Map<string, number> } {
  const names = [...counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([k]) => k);
  return { names, at: new Map(names.map((k, i) => [k, i])) };
}
const bump = (m: Map<string, number>, k: string | null | undefined) => { if (k) m.set(k, (m.get(k) ?? 0) + 1); };

/** `a` null: no store analysed (every table empty). */
export function buildFactsSubsystems(a: Analysis | null, r: Affiliations | null, hint: string | null): FactsSubsystemsArtifact {
  if (!a) return { schema: FACTS_SUBSYSTEMS_SCHEMA, status: "no-data", hint, sections: 0, roles: 0, unparsed_patches: 0, names: [], orgs: [],
    patches: { msg: [], sec: [], org: [] }, reviews: { section: [], rorg: [], aorg: [] }, maintainers: { person: [], sec: [] } };
  const msgs = a.corpus.messages;
  const rowOf = factRowOf(a);
  const home = new Map((r?.homes ?? []).map((h) => [h.personId, h]));
  const secsOf = (id: string | null) => (id && r ? r.messageSubsystems.get(id) : undefined) ?? [];
  const patchIdx: number[] = [];
  for (let i = 0; i < msgs.length; i++) if (isPatchNotCover(msgs[i])) patchIdx.push(i);
  patchIdx.sort((x, y) => rowOf[x] - rowOf[y]);
  const order = r ? factReviewOrder(a) : [];
  const secCount = new Map<string, number>(), orgCount = new Map<string, number>();
  for (const i of patchIdx) { for (const s of secsOf(msgs[i].id)) bump(secCount, s); bump(orgCount, home.get(authorOf(msgs[i]))?.organisation); }
  for (const i of order) { const x = r!.reviews[i]; bump(secCount, secsOf(x.target)[0]); bump(orgCount, x.reviewerOrg); bump(orgCount, x.authorOrg); }
  const maintained = new Map<string, Set<string>>();
  for (const x of r?.roles ?? []) if (x.role === "maintainer") maintained.set(x.personId, (maintained.get(x.personId) ?? new Set()).add(x.subsystem));
  for (const secs of maintained.values()) for (const s of secs) if (!secCount.has(s)) secCount.set(s, 0);
  const sec = labels(secCount), org = labels(orgCount);
  const orgIdx = (o: string | null | undefined) => (o ? org.at.get(o)! : -1);
  let prev = 0;
  const person = factPersonIndex(a);
  const ms = [...maintained].filter(([id]) => person.has(id)).sort((x, y) => person.get(x[0])! - person.get(y[0])!);
  return {
    schema: FACTS_SUBSYSTEMS_SCHEMA, status: r?.status ?? "no-data", hint: !r || r.status === "no-maintainers" ? hint : null,
    sections: r?.sections.length ?? 0, roles: r?.roles.length ?? 0, unparsed_patches: r?.unparsedPatches ?? 0,
    names: sec.names, orgs: org.names,
    patches: {
      msg: patchIdx.map((i) => { const d = rowOf[i] - prev; prev = rowOf[i]; return d; }),
      sec: patchIdx.map((i) => secsOf(msgs[i].id).map((s) => sec.at.get(s)!)),
      org: patchIdx.map((i) => orgIdx(home.get(authorOf(msgs[i]))?.organisation)),
    },
    reviews: {
      section: order.map((i) => { const s = secsOf(r!.reviews[i].target)[0]; return s ? sec.at.get(s)! : -1; }),
      rorg: order.map((i) => orgIdx(r!.reviews[i].reviewerOrg)),
      aorg: order.map((i) => orgIdx(r!.reviews[i].authorOrg)),
    },
    maintainers: { person: ms.map(([id]) => person.get(id)!), sec: ms.map(([, s]) => [...s].map((x) => sec.at.get(x)!).sort((p, q) => p - q)) },
  };
}
