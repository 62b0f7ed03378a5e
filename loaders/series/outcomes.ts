// Outcome of each revision, from its verdicts (the store's verdicts table: patchwork-bot
// notices, pw-bot lines, maintainers' "applied" replies; quoted text never reaches it) and NAKs:
//   applied            an 'applied'/'accepted' verdict under the revision (partial when only some
//                      of its patches were: a summary item without a commit, or patch-scoped
//                      verdicts that do not cover every patch). Final: wins over everything else.
//   changes_requested / rejected / deferred
//                      the latest such verdict (a NAK counts as rejected);
//   superseded         a later revision of its group exists (or a 'superseded' verdict);
//   pending            none of the above by the end of observation.
// A pw-bot line counts only from someone netdev's mailbot would obey (authority.ts): anyone
// else's stays in the evidence, marked ignored, and decides nothing.
// A verdict belongs to the revision it answers: the nearest cover or patch above it in the
// thread (a verdict on patch n/m belongs to that series' revision). A verdict inside a patch
// (carried text) is not one.
import type { AnalysisMessage } from "../model/corpus.ts";
import type { VerdictRecord, VerdictKind } from "../model/verdict.ts";
import type { Revision } from "./revisions.ts";
import type { PwBotAuthority } from "./authority.ts";
import { messageIndex } from "../model/message-index.ts";

export type Outcome = "applied" | "changes_requested" | "rejected" | "deferred" | "superseded" | "pending";

export interface Evidence {
  messageId: string; rule: string; kind: VerdictKind | "nak"; date: number | null;
  /** Why it decided nothing though found: 'pw-bot-not-authorised' (absent: it counted). */
  ignored?: string;
}

export interface RevisionOutcome {
  outcome: Outcome;
  /** What the revision's own verdicts said, before a later revision superseded it (null: none). */
  verdict: Outcome | null;
  at: number | null;
  by: string | null;
  tree: string | null;
  /** Message id and rule of the deciding evidence (null: pending, or superseded by a later revision). */
  evidence: Evidence | null;
  partial: boolean;
  appliedPatches: number;
  /** All evidence found for the revision, in date order. */
  all: Evidence[];
}

/** A NAK (reviews.ts row): who and where. */
export interface NakMark { messageId: string; reviewer: string }

const STATE: Partial<Record<VerdictKind, Outcome>> = {
  "changes-requested": "changes_requested", rejected: "rejected", deferred: "deferred", "awaiting-upstream": "deferred",
};
/** Same date: the stronger word wins. */
const RANK: Record<string, number> = { rejected: 3, changes_requested: 2, deferred: 1 };

/**
 * The outcome of a revision without evidence (most of them), as a literal: a spread of a shared
 * object per revision was most of decide's time. The keys in the order decide's `base` gives them
 * (tree, partial, appliedPatches, all, then the rest), which supersededBy keeps.
 */
function noEvidence(outcome: "superseded" | "pending"): RevisionOutcome {
  return { tree: null, partial: false, appliedPatches: 0, all: [], outcome, verdict: null, at: null, by: null, evidence: null };
}

/**
 * `own` superseded by a later revision posted at `date` by `by` (its id `messageId`): what
 * `{ ...own, outcome, at, by, tree, evidence }` gives for an outcome decide made from `base` or
 * noEvidence (applied and superseded ones are never superseded again), without the spread.
 */
export function supersededBy(own: RevisionOutcome, messageId: string, date: number | null, by: string): RevisionOutcome {
  return { tree: null, partial: own.partial, appliedPatches: own.appliedPatches, all: own.all, outcome: "superseded", verdict: own.verdict,
    at: date, by, evidence: { messageId, rule: "later-revision", kind: "superseded", date } };
}

interface Attached { v: VerdictRecord | null; nak: NakMark | null; i: number }

/**
 * Outcome per revision. `revisionOf` maps message index -> revision index (collectRevisions);
 * `later(r)`: a later revision of r's group exists.
 */
export function revisionOutcomes(messages: AnalysisMessage[], revisions: Revision[], revisionOf: Int32Array,
  verdicts: VerdictRecord[], naks: NakMark[], later: (r: number) => boolean, authorised: PwBotAuthority = () => true): RevisionOutcome[] {
  const idx = messageIndex(messages);
  const attached: Attached[][] = revisions.map(() => []);
  const attach = (messageId: string, a: (i: number) => Attached) => {
    const i = idx.get(messageId);
    if (i === undefined || messages[i].patch.isPatch) return; // not in the corpus, or carried inside a patch
    const r = revisionOf[i];
    if (r >= 0) attached[r].push(a(i));
  };
  for (const v of verdicts) attach(v.messageId, (i) => ({ v, nak: null, i }));
  for (const n of naks) attach(n.messageId, (i) => ({ v: null, nak: n, i }));
  return revisions.map((rev, r) => decide(messages, rev, attached[r], later(r), (p) => authorised(r, p)));
}

/** The revision member a message answers: its nearest ancestor among the members (by references), else the head. */
function answeredMember(messages: AnalysisMessage[], rev: Revision, i: number, ids: Map<string, number>): number {
  const m = messages[i];
  const refs = [...(m.inReplyTo ? [m.inReplyTo] : []), ...[...m.references].reverse()];
  for (const id of refs) { const j = ids.get(id); if (j !== undefined) return j; }
  return rev.head;
}

function decide(messages: AnalysisMessage[], rev: Revision, everything: Attached[], hasLater: boolean, authorised: (p: string) => boolean): RevisionOutcome {
  // Most revisions have no verdict nor NAK at all: pending or superseded, no closure made for them.
  if (!everything.length) return noEvidence(hasLater ? "superseded" : "pending");
  const date = (a: Attached) => messages[a.i].date;
  everything.sort((a, b) => (date(a) ?? Infinity) - (date(b) ?? Infinity) || a.i - b.i);
  const byOf = (a: Attached) => a.v ? (a.v.personId ?? (messages[a.i].isBot ? null : messages[a.i].from)) : a.nak!.reviewer;
  const counts = (a: Attached) => a.v?.rule !== "pw-bot" || authorised(byOf(a) ?? messages[a.i].from);
  const ev = (a: Attached): Evidence => ({ messageId: messages[a.i].id, rule: a.v ? a.v.rule : "nak", kind: a.v ? a.v.kind : "nak", date: date(a),
    ...(counts(a) ? {} : { ignored: "pw-bot-not-authorised" }) });
  const all = everything.map(ev);
  const found = everything.filter(counts);
  // Applied: whole-series verdicts count their summary; patch-scoped ones the patch they answer.
  const applied = found.filter((a) => a.v && (a.v.kind === "applied" || a.v.kind === "accepted"));
  if (applied.length) {
    const patchIdx = rev.members.filter((j) => !messages[j].patch.isCover);
    const done = new Set<number>();
    const ids = new Map(rev.members.map((j) => [messages[j].id, j]));
    let whole = false, partialSummary = false, summaryApplied = 0;
    for (const a of applied) {
      const target = answeredMember(messages, rev, a.i, ids);
      const scope = a.v!.scope ?? (target === rev.head ? "series" : "patch");
      if (scope !== "patch") {
        const items = a.v!.items;
        if (items.length && items.some((it) => it.commit === null)) {
          partialSummary = true;
          summaryApplied = Math.max(summaryApplied, items.filter((it) => it.commit !== null).length);
        } else whole = true;
      } else done.add(target);
    }
    // A patch answered on its own is not among a partial summary's items (those answer the cover).
    const appliedPatches = whole ? rev.patches : Math.min(rev.patches, done.size + summaryApplied);
    const partial = !whole && (partialSummary || appliedPatches < patchIdx.length);
    const first = applied[0];
    return { outcome: "applied", verdict: "applied", at: date(first), by: byOf(first), tree: first.v!.tree, evidence: ev(first),
      partial, appliedPatches, all };
  }
  let last: Attached | null = null, lastState: Outcome | null = null;
  for (const a of found) {
    const s: Outcome | undefined = a.nak ? "rejected" : a.v!.kind === "superseded" ? "superseded" : STATE[a.v!.kind];
    if (!s) continue;
    // Date order: a later one replaces; one at the same date only when it is as strong.
    if (!last || (date(a) ?? 0) > (date(last) ?? 0) || (RANK[s] ?? 0) >= (RANK[lastState!] ?? 0)) { last = a; lastState = s; }
  }
  const base = { tree: null, partial: false, appliedPatches: 0, all };
  if (hasLater) return { ...base, outcome: "superseded", verdict: lastState, at: null, by: null, evidence: null };
  if (last) return { ...base, outcome: lastState!, verdict: lastState, at: date(last), by: byOf(last), evidence: ev(last) };
  return { ...base, outcome: "pending", verdict: null, at: null, by: null, evidence: null };
}
