// Revision groups: the postings v1..vN of one piece of work. First what the mail says itself
// (read at ingest, parse/b4-links.ts and parse/revision-pointers.ts): a link between two
// revisions of the same author ("- Link to v1: <lore URL>", "Supersedes: <id>" in a posting; "v2
// is at <link>", "Superseded by <link>" in a reply under one of them) joins the later one to the
// earlier one's group; the same b4 change-id by the same author joins its group. Otherwise: same author, and the same normalised title (the head's
// title, or, for a respin that gained or lost a cover letter, one of the patches' titles). A
// revision continues the group whose latest revision it matches, when all of these hold
// (docs/analysis.md, "Series lifecycle"):
//   - the latest revision was not applied in full (an applied series is finished work: the same
//     subject later is a new series);
//   - it was posted at most MAX_GAP after it;
//   - its version is higher, or the same version with at least one patch title in common (a
//     resend); the same title at the same version with other patches is another series.
// Otherwise it starts a new group. Two authors never share a group.
import type { Revision } from "./revisions.ts";

export const MAX_GAP = 365 * 86400_000;
/**
 * Groups tried per title, most recent first: a sender who posts thousands of unrelated series
 * under one title must not cost thousands times thousands checks (the recent ones are the
 * candidates anyway: an older group's latest revision is older still).
 */
const CANDIDATES = 8;

export interface RevisionGroup {
  /** The first revision's id. */
  id: string;
  /** Indexes into the revisions, in posting order. */
  revisions: number[];
}

/** Why a revision joined its group: the rule, and the message that carries the link (links only). */
export interface JoinReason { rule: "link" | "change-id" | "title"; linkRule: string | null; messageId: string | null }

/** An earlier revision a revision is linked to, and the evidence (message id + rule). */
export interface RevisionLink { r: number; rule: string; messageId: string }

export interface Grouping {
  groups: RevisionGroup[];
  /** Per revision index: index into `groups`. */
  groupOf: Int32Array;
  /** Per revision index: how it joined its group (null: it started the group). */
  joinedBy: (JoinReason | null)[];
}

function overlaps(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return false;
  const s = new Set(a);
  return b.some((t) => s.has(t));
}

/** A revision's distinct non-empty titles, its head's first (a Set only for many patches). */
function titlesOf(r: Revision): string[] {
  const out: string[] = [];
  const seen = r.patchTitles.length > 16 ? new Set<string>() : null;
  for (let i = -1; i < r.patchTitles.length; i++) {
    const t = i < 0 ? r.title : r.patchTitles[i];
    if (t === "" || (seen ? seen.has(t) : out.includes(t))) continue;
    seen?.add(t);
    out.push(t);
  }
  return out;
}

/**
 * `closed(r)`: revision r was applied in full, so nothing continues it (by title). `linked(r)`: the
 * earlier revisions r is linked to (its own `previous` Message-IDs, and pointers in replies).
 */
export function groupRevisions(revisions: Revision[], closed: (r: number) => boolean, linked: (r: number) => RevisionLink[] = () => []): Grouping {
  const order = revisions.map((_, i) => i).filter((i) => revisions[i].date !== null)
    .sort((a, b) => revisions[a].date! - revisions[b].date! || revisions[a].version - revisions[b].version || a - b);
  // Undated revisions cannot be placed in time: each is its own group.
  const undated = revisions.map((_, i) => i).filter((i) => revisions[i].date === null);
  const groups: RevisionGroup[] = [];
  const groupOf = new Int32Array(revisions.length).fill(-1);
  const joinedBy: (JoinReason | null)[] = revisions.map(() => null);
  // author -> title -> groups whose revisions carry that title, most recent last (two Maps: no
  // author+title string made per title of every revision).
  const byTitle = new Map<string, Map<string, number[]>>();
  const continues = (g: number, r: number): boolean => {
    const revs = groups[g].revisions;
    const last = revisions[revs[revs.length - 1]], cur = revisions[r];
    if (closed(revs[revs.length - 1])) return false;
    if (cur.date! - last.date! > MAX_GAP) return false;
    if (cur.version > last.version) return true;
    return cur.version === last.version && (overlaps(cur.patchTitles, last.patchTitles) || (cur.title === last.title && cur.patches <= 1 && last.patches <= 1));
  };
  const byChangeId = new Map<string, number>();
  for (const r of order) {
    const rev = revisions[r];
    // Explicit links first: the most recent earlier revision it names that is already placed.
    let best = -1;
    let why: JoinReason | null = null;
    // Same author only: a "Supersedes:"/"Link to v1:" line naming someone else's posting must not
    // make it "superseded" (anyone can write one).
    for (const l of linked(r)) {
      const p = l.r;
      if (p !== r && groupOf[p] >= 0 && revisions[p].author === rev.author && revisions[p].date! <= rev.date! && groupOf[p] > best) {
        best = groupOf[p];
        why = { rule: "link", linkRule: l.rule, messageId: l.messageId };
      }
    }
    const cid = rev.changeId === null ? null : `${rev.author}\u0000${rev.changeId}`;
    if (best < 0 && cid !== null && (best = byChangeId.get(cid) ?? -1) >= 0) why = { rule: "change-id", linkRule: null, messageId: null };
    const ks = titlesOf(rev);
    let mine = byTitle.get(rev.author);
    if (best < 0 && mine) for (const k of ks) {
      const cands = mine.get(k);
      if (!cands) continue;
      for (let j = cands.length - 1; j >= Math.max(0, cands.length - CANDIDATES); j--) {
        const g = cands[j];
        if (g > best && continues(g, r)) { best = g; why = { rule: "title", linkRule: null, messageId: null }; break; }
      }
    }
    if (best < 0) { best = groups.length; groups.push({ id: revisions[r].id, revisions: [] }); why = null; }
    joinedBy[r] = why;
    groups[best].revisions.push(r);
    groupOf[r] = best;
    if (cid !== null) byChangeId.set(cid, best);
    if (ks.length && !mine) byTitle.set(rev.author, (mine = new Map()));
    for (const k of ks) {
      const l = mine!.get(k);
      if (!l) mine!.set(k, [best]); else if (l[l.length - 1] !== best) l.push(best);
    }
  }
  for (const r of undated) { groupOf[r] = groups.length; groups.push({ id: revisions[r].id, revisions: [r] }); }
  return { groups, groupOf, joinedBy };
}
