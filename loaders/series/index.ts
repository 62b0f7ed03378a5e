// Series lifecycle stage: revisions (one per posting), revision groups (v1..vN of one piece of
// work) and each revision's outcome. Pure, over the corpus, its threading and the verdicts.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { VerdictRecord } from "../model/verdict.ts";
import type { ThreadResult } from "../thread/index.ts";
import { collectRevisions, type Revision, type RevisionLinks } from "./revisions.ts";
import { groupRevisions, type Grouping, type RevisionLink } from "./groups.ts";
import { revisionOutcomes, supersededBy, type NakMark, type RevisionOutcome } from "./outcomes.ts";
import { pwBotAuthority, type MaintainerAuthority } from "./authority.ts";
import { messageIndex } from "../model/message-index.ts";

export type { Revision, RevisionLinks } from "./revisions.ts";
export type { RevisionGroup, Grouping, JoinReason, RevisionLink } from "./groups.ts";
export type { Outcome, Evidence, RevisionOutcome, NakMark } from "./outcomes.ts";
export { seriesTitle } from "./title.ts";
export type { MaintainerAuthority } from "./authority.ts";

export interface SeriesLifecycle {
  revisions: Revision[];
  revisionOf: Int32Array;
  grouping: Grouping;
  outcomes: RevisionOutcome[];
  /** Per revision: someone other than its author/sender (and not a bot) replied under it. */
  answered: boolean[];
}

/**
 * `prior`: a lifecycle of the same messages, threading and links (read-only), whose revisions, links
 * between revisions and answered revisions are taken as they are: they do not depend on the
 * verdicts nor MAINTAINERS (the analysis computes the lifecycle again once MAINTAINERS is known,
 * and at 200k messages collecting the revisions was a third of it). Only the outcomes and groups are made again.
 */
export function buildSeriesLifecycle(messages: AnalysisMessage[], tr: ThreadResult, verdicts: VerdictRecord[], naks: NakMark[],
  isBot: (id: string) => boolean, links?: RevisionLinks, maintainers?: MaintainerAuthority, prior?: Pick<SeriesLifecycle, "revisions" | "revisionOf">): SeriesLifecycle {
  const { revisions, revisionOf } = prior ?? collectRevisions(messages, tr, links);
  // The links between revisions and who answered them do not depend on verdicts nor MAINTAINERS either.
  const reused = prior && independent.get(prior as SeriesLifecycle);
  // Applied in full closes a revision for grouping: decided from its own verdicts first.
  const authorised = pwBotAuthority(messages, revisions, revisionOf, verdicts, maintainers);
  const own = revisionOutcomes(messages, revisions, revisionOf, verdicts, naks, () => false, authorised);
  const linked = reused?.linked ?? revisionLinksOf(messages, revisions, revisionOf, isBot, links);
  const grouping = groupRevisions(revisions, (r) => own[r].outcome === "applied" && !own[r].partial, linked);
  // The next revision of the same group, or -1 (one pass over the groups: an indexOf per revision
  // was quadratic in a group's length, and long-lived titles make groups of hundreds).
  const nextOf = new Int32Array(revisions.length).fill(-1);
  for (const g of grouping.groups) for (let k = 0; k + 1 < g.revisions.length; k++) nextOf[g.revisions[k]] = g.revisions[k + 1];
  const next = (r: number) => nextOf[r];
  const outcomes = revisions.map((rev, r) => {
    const n = next(r);
    if (n < 0 || own[r].outcome === "applied" || own[r].outcome === "superseded") return own[r];
    const nr = revisions[n];
    return supersededBy(own[r], nr.id, nr.date, nr.sender);
  });
  const answered = reused?.answered ?? answeredRevisions(messages, revisions, revisionOf, isBot);
  const lc = { revisions, revisionOf, grouping, outcomes, answered };
  independent.set(lc, { linked, answered });
  return lc;
}

/** What a lifecycle computed that a recomputation over the same messages, threading and links reuses (see `prior`). */
const independent = new WeakMap<SeriesLifecycle, { linked: (r: number) => RevisionLink[]; answered: boolean[] }>();

/** Per revision: someone other than its author/sender (and not a bot) replied under it. */
function answeredRevisions(messages: AnalysisMessage[], revisions: Revision[], revisionOf: Int32Array, isBot: (id: string) => boolean): boolean[] {
  const answered = revisions.map(() => false);
  for (let i = 0; i < messages.length; i++) {
    const r = revisionOf[i], m = messages[i];
    if (r < 0 || answered[r] || m.patch.isPatch || m.isBot || isBot(m.from)) continue;
    if (m.from !== revisions[r].author && m.from !== revisions[r].sender) answered[r] = true;
  }
  return answered;
}

/**
 * Per revision, the earlier revisions it is linked to: its own "Link to v1:"/"Supersedes:" ids
 * (a posting names its predecessors), and the pointers of any message ("v2 is at <link>" in a
 * reply, "v1: <link>" in a posting). A pointer links the revision its message sits under with the
 * revision holding the linked message (its cover or a patch); the earlier of the two (by date,
 * then version) is the predecessor, so a forward and a backward link count alike. A bot's pointer
 * is none, and so is one whose later revision has a lower version than the earlier one (but v1: a
 * series renumbered after its RFC rounds). groupRevisions checks the rest (same author, already placed).
 */
function revisionLinksOf(messages: AnalysisMessage[], revisions: Revision[], revisionOf: Int32Array, isBot: (id: string) => boolean,
  links?: RevisionLinks): (r: number) => RevisionLink[] {
  // The patch (or cover) carrying an id: with unique ids the corpus' message index tells it (no
  // Map of every patch made here); with a repeated id, the last patch carrying it, as before.
  const all = messageIndex(messages);
  let idx: ReadonlyMap<string, number> = all;
  if (all.size !== messages.length) {
    const patches = new Map<string, number>();
    messages.forEach((m, i) => { if (m.patch.isPatch) patches.set(m.id, i); });
    idx = patches;
  }
  const revOf = (id: string) => { const i = idx.get(id); return i === undefined || !messages[i].patch.isPatch ? -1 : revisionOf[i]; };
  const out: RevisionLink[][] = revisions.map(() => []);
  revisions.forEach((rev, r) => {
    for (const id of rev.previous) { const p = revOf(id); if (p >= 0) out[r].push({ r: p, rule: "posting-link", messageId: messages[rev.head].id }); }
  });
  if (links) messages.forEach((m, i) => {
    const a = revisionOf[i];
    if (a < 0) return;
    const ps = links.get(m.id)?.pointers;
    if (!ps?.length || m.isBot || isBot(m.from)) return;
    for (const p of ps) {
      const b = revOf(p.id);
      if (b < 0 || b === a) continue;
      const ra = revisions[a], rb = revisions[b];
      if (ra.date === null || rb.date === null) continue;
      const [early, late] = ra.date < rb.date || (ra.date === rb.date && ra.version <= rb.version) ? [a, b] : [b, a];
      // A later revision never has a lower version, unless numbering restarted (v1 after an RFC series).
      if (revisions[late].version < revisions[early].version && revisions[late].version !== 1) continue;
      out[late].push({ r: early, rule: p.rule, messageId: m.id });
    }
  });
  return (r) => out[r];
}
