// Where a person is "from" (docs/analysis.md "Home list and home subsystem"), pure:
// - home list: every list their mail reached, tracked or not, each message weighing 1/k on its k
//   lists; the top list must lead the next by at least one message's weight, else the verdict is
//   "cross-list" (someone whose mail all went to one cross-posted thread has no home list);
// - home subsystem: among the sections they maintain or review, the one with the most of their
//   activity, where a message's weight follows the FILES of its thread's patches (shared over the
//   thread's sections, the more specific a section's match the bigger its share) and only a message
//   whose thread touches none of their sections counts by its lists (shared over every section that
//   lists them); else the section their own patches touch most; else the section of the patches
//   they answer most; with fewer than MIN_MESSAGES messages and no role the verdict is
//   "insufficient", never a guess. Ties never fall to alphabetical order first: see `tieOrder`.
import { compilePattern } from "./pattern.ts";
import type { Section } from "./parse.ts";

export const CROSS_LIST = "cross-list";
export const INSUFFICIENT = "insufficient";
/** Fewer messages than this and no role: too little mail for a home subsystem. */
export const MIN_MESSAGES = 3;
const EPS = 1e-9;

/** Weights per key; the winner must lead by `margin`, else `tie`; null when empty. */
export function clearWinner(weights: Map<string, number>, margin: number, tie: string): string | null {
  const sorted = [...weights.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  if (!sorted.length || sorted[0][1] <= 0) return null;
  if (sorted.length > 1 && sorted[0][1] - sorted[1][1] < margin - EPS) return tie;
  return sorted[0][0];
}

/**
 * Home list of one person from the lists of each message they sent. Messages mostly share a few
 * list arrays (the store read shares them): each array's distinct lists are found once, and the
 * weights add up per list in message order as before (no Map lookup per list per message).
 */
export function homeList(messageLists: readonly (readonly string[])[]): string | null {
  const ids = new Map<string, number>(), w: number[] = [];
  const distinct = new Map<readonly string[], number[]>();
  for (const ls of messageLists) {
    let u = distinct.get(ls);
    if (!u) {
      u = [];
      for (let i = 0; i < ls.length; i++) {
        if (i > 0 && ls.lastIndexOf(ls[i], i - 1) >= 0) continue;
        let id = ids.get(ls[i]);
        if (id === undefined) { ids.set(ls[i], (id = ids.size)); w.push(0); }
        u.push(id);
      }
      distinct.set(ls, u);
    }
    for (let j = 0; j < u.length; j++) w[u[j]] += 1 / u.length;
  }
  const weights = new Map<string, number>();
  for (const [l, id] of ids) weights.set(l, w[id]);
  return clearWinner(weights, 1, CROSS_LIST);
}

/**
 * How much of the tree a section covers, from its F: patterns alone, for the tie-break "broader
 * section": its widest pattern, 2^-d with d the pattern's depth (a directory pattern "net/" is 1,
 * a file or glob one level deeper than its directory; THE REST's "*" is 0), then how many
 * patterns it has. So "drivers/media/mc/" outranks five single files.
 */
export function sectionBreadth(s: Pick<Section, "files">): Breadth {
  let widest = 0, patterns = 0;
  for (const f of s.files) {
    const p = compilePattern(f);
    if (!p) continue;
    patterns++;
    const dir = f.trim().endsWith("/") && p.components.every((c) => "literal" in c);
    widest = Math.max(widest, p.depth < 0 ? 1 : 2 ** -(dir ? p.depth : p.depth + 1));
  }
  return { widest, patterns };
}

export interface Breadth { widest: number; patterns: number }

/** The share of a patch each of its sections gets: weight depth+1 (an N: match is depth 0), summing to 1. */
export function patchShares(sections: { name: string; depth: number }[]): Map<string, number> {
  const w = sections.map((s) => Math.max(0, s.depth) + 1);
  const total = w.reduce((a, b) => a + b, 0);
  return new Map(sections.map((s, i) => [s.name, w[i] / total]));
}

export interface SectionFacts {
  /** The section's L: lists by the short names messages carry. */
  lists: string[];
  breadth: Breadth;
}

export interface HomeSubsystemInput {
  messages: number;
  /** Sections they hold a role in, in MAINTAINERS order (the last-resort tie-break). */
  roles: { subsystem: string; role: "maintainer" | "reviewer" }[];
  /** Their activity per role section (affiliation-homes.ts): file shares of their threads, list shares of messages whose threads touch none of their sections. */
  activity: Map<string, number>;
  /** Their home list (homeList), for the tie-break. */
  homeList?: string | null;
  /** Lists and breadth of the sections named here, for the tie-break. */
  sections?: Map<string, SectionFacts>;
  /** Sections of their own patches, each patch shared over its sections (patchShares). */
  ownPatches: Map<string, number>;
  /** Sections of the patches they replied to, weighted like ownPatches. */
  answered: Map<string, number>;
}

export interface HomeSubsystem { subsystem: string; evidence: string }

/**
 * Ties (equal weight) are broken, in order, by: the section whose L: lists include their home
 * list; a maintainer role over a reviewer one; the broader section (sectionBreadth); and only then
 * the order given (MAINTAINERS order), so equal candidates never fall to alphabetical luck first.
 * Negative: `a` goes first.
 */
function tieOrder(x: HomeSubsystemInput, role: Map<string, string>) {
  const onHome = (s: string) => (x.homeList && x.sections?.get(s)?.lists.includes(x.homeList) ? 1 : 0);
  const maint = (s: string) => (role.get(s) === "maintainer" ? 1 : 0);
  const wide = (s: string) => x.sections?.get(s)?.breadth ?? { widest: 0, patterns: 0 };
  return (a: string, b: string) => onHome(b) - onHome(a) || maint(b) - maint(a) ||
    wide(b).widest - wide(a).widest || wide(b).patterns - wide(a).patterns;
}

/** The key with the greatest weight (ties by `tie`, then input order); null when none is above 0. */
function best(keys: string[], weight: (k: string) => number, tie: (a: string, b: string) => number): string | null {
  let top: string | null = null;
  for (const k of keys) {
    const d = top === null ? 1 : weight(k) - weight(top);
    if (d > EPS || (Math.abs(d) <= EPS && tie(k, top!) < 0)) top = k;
  }
  return top !== null && weight(top) > EPS ? top : null;
}

export function homeSubsystem(x: HomeSubsystemInput): HomeSubsystem {
  const role = new Map<string, string>();
  for (const r of x.roles) if (role.get(r.subsystem) !== "maintainer") role.set(r.subsystem, r.role);
  const tie = tieOrder(x, role);
  const roleSections = [...role.keys()];
  const act = best(roleSections, (s) => x.activity.get(s) ?? 0, tie);
  if (act) return { subsystem: act, evidence: `${role.get(act)}; activity ${round(x.activity.get(act)!)}` };
  const own = best([...x.ownPatches.keys()], (s) => x.ownPatches.get(s)!, tie);
  if (own) return { subsystem: own, evidence: `own patches: ${round(x.ownPatches.get(own)!)}` };
  if (roleSections.length) {
    const r = best(roleSections, () => 1, tie)!;
    return { subsystem: r, evidence: `${role.get(r)}; no activity in its threads` };
  }
  if (x.messages < MIN_MESSAGES) return { subsystem: INSUFFICIENT, evidence: `${x.messages} messages (fewer than ${MIN_MESSAGES})` };
  const ans = best([...x.answered.keys()], (s) => x.answered.get(s)!, tie);
  if (ans) return { subsystem: ans, evidence: `replies to its patches: ${round(x.answered.get(ans)!)}` };
  return { subsystem: INSUFFICIENT, evidence: "no patches sent or answered" };
}

const round = (n: number) => Math.round(n * 100) / 100;
