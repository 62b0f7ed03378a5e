// Trailer provenance and NAKs. A Reviewed/Acked/Tested-by in a reply is a review given by the
// trailer's person to the author of the nearest patch above the reply; on a cover letter it
// applies to the whole series. Trailers inside patches themselves were carried over from earlier
// reviews (source "carried"). Quoted trailers never reach here (parse drops them).
// NAKs: Nacked-by trailers and free-text NAK lines in non-patch messages (parse sets nakLine
// outside quotes), one per (NAKer, target).
// pw-bot verdicts: netdev's "pw-bot: changes-requested"/"cr" and "pw-bot: reject" lines (parse
// reads them outside quotes, the verdicts view holds them) are explicit verdicts, NAK evidence
// beside Nacked-by and NAK lines but under their own kinds, so pages count them apart.
// A NAK (or pw-bot verdict) on a thread that reached 2+ tracked lists is cross-subsystem.
// The reviewed/NAKed person is the patch's author (authorOf: the in-body From: of a forwarded
// patch), not the maintainer who sent it.
import { authorOf, type AnalysisMessage, type AnalysisPwVerdict, type AnalysisTrailer } from "../model/corpus.ts";
import { threadIndexOf, type ThreadResult } from "../thread/index.ts";
import type { VerdictRecord } from "../model/verdict.ts";
import { messageIndex } from "../model/message-index.ts";

export type ReviewKind = "reviewed-by" | "acked-by" | "tested-by" | "nacked-by" | "nak-line"
  | "pw-bot-changes-requested" | "pw-bot-rejected";
const REVIEW_KINDS = new Set(["reviewed-by", "acked-by", "tested-by", "nacked-by"]);
/** NAK evidence: NAKs, and the pw-bot verdicts that turn a patch down or ask for changes. */
const NAK_EVIDENCE = new Set<string>(["nacked-by", "nak-line", "pw-bot-changes-requested", "pw-bot-rejected"]);

export interface ReviewRow {
  messageId: string;         // message carrying the trailer / NAK line
  kind: ReviewKind;
  reviewer: string;          // person id
  author: string | null;     // author of the reviewed patch (null when unknown)
  target: string | null;     // reviewed message id (patch or cover)
  appliesTo: "patch" | "series" | "thread";
  seriesId: string | null;
  threadId: string;
  lists: string[];           // lists of the thread
  date: number | null;
  source: "reply" | "carried" | "line" | "pw-bot";
  crossSubsystem: boolean;
}

export function reviewRows(messages: AnalysisMessage[], trailers: AnalysisTrailer[], tr: ThreadResult, tracked: Set<string>,
  pwVerdicts: AnalysisPwVerdict[] = []): { rows: ReviewRow[]; unresolved: number } {
  const idx = messageIndex(messages);
  const threadOf = threadIndexOf(tr);
  const threadLists = (i: number) => tr.threads[threadOf[i]].lists;
  const crossOf = (lists: string[]) => lists.filter((l) => tracked.has(l)).length >= 2;
  // Nearest real ancestor that is a patch (or cover); -1 if none.
  const patchAbove = (i: number): number => {
    for (let p = tr.threading.parent[i], n = 0; p >= 0 && n < 10_000; p = tr.threading.parent[p], n++) {
      if (messages[p].patch.isPatch) return p;
    }
    return -1;
  };
  const rows: ReviewRow[] = [];
  let unresolved = 0;
  const add = (i: number, kind: ReviewKind, reviewer: string, source: ReviewRow["source"]) => {
    const m = messages[i];
    const carried = source === "carried";
    const target = carried ? i : patchAbove(i);
    const lists = threadLists(i);
    const t = target >= 0 ? messages[target] : null;
    // Without a patch above, a NAK still targets the parent's author (a NAK of an idea).
    const parent = tr.threading.parent[i];
    const nak = NAK_EVIDENCE.has(kind);
    const author = t ? authorOf(t) : nak ? (parent >= 0 ? authorOf(messages[parent]) : null) : null;
    if (!t && !nak) { unresolved++; return; }
    if (author === reviewer) return; // self-review is not a review
    rows.push({
      messageId: m.id, kind, reviewer, author, target: t ? t.id : parent >= 0 ? messages[parent].id : null,
      appliesTo: t ? (t.patch.isCover ? "series" : "patch") : "thread",
      seriesId: t ? tr.series[target] : null, threadId: tr.threading.threadId[i], lists, date: m.date,
      source, crossSubsystem: nak && crossOf(lists),
    });
  };
  for (const t of trailers) {
    if (!REVIEW_KINDS.has(t.kind)) continue;
    const i = idx.get(t.messageId);
    if (i === undefined) { unresolved++; continue; }
    const reviewer = t.personId ?? t.email;
    const m = messages[i];
    // A Nacked-by inside a patch or cover letter was carried over: the NAK itself was given in a
    // reply (counted there, when in the window). NAKs count in non-patch messages only.
    if (t.kind === "nacked-by" && m.patch.isPatch) continue;
    add(i, t.kind as ReviewKind, reviewer, m.patch.isPatch ? "carried" : "reply");
  }
  // One NAK per (message, NAKer): a free-text NAK line in a message that also carries that
  // person's Nacked-by trailer is the same NAK; the trailer row stays as the evidence.
  const trailerNaks = new Set(rows.filter((r) => r.kind === "nacked-by").map((r) => `${r.messageId}\u0000${r.reviewer}`));
  messages.forEach((m, i) => {
    if (m.nakLine && !m.patch.isPatch && !trailerNaks.has(`${m.id}\u0000${m.from}`)) add(i, "nak-line", m.from, "line");
  });
  // pw-bot lines are the sender's verdict; one per (message, kind) however often it is repeated
  const seen = new Set<string>();
  for (const v of pwVerdicts) {
    const i = idx.get(v.messageId);
    const k = `${v.messageId}\u0000${v.kind}`;
    if (i === undefined || seen.has(k) || messages[i].patch.isPatch) continue;
    seen.add(k);
    add(i, v.kind === "rejected" ? "pw-bot-rejected" : "pw-bot-changes-requested", messages[i].from, "pw-bot");
  }
  return { rows: dedupeNaks(rows), unresolved };
}


/** The stored verdicts that are NAK evidence: pw-bot changes-requested and reject (docs/analysis.md). */
export function pwNakVerdicts(verdicts: readonly VerdictRecord[] | undefined): AnalysisPwVerdict[] {
  const out: AnalysisPwVerdict[] = [];
  for (const v of verdicts ?? []) {
    if (v.rule === "pw-bot" && (v.kind === "changes-requested" || v.kind === "rejected")) out.push({ messageId: v.messageId, kind: v.kind });
  }
  return out;
}

/**
 * One NAK per (NAKer, target): the same person NAKing the same patch again (a second reply, a
 * NAK line after a Nacked-by) is one NAK; the earliest is kept. The same for each pw-bot kind,
 * apart from NAKs (a NAK and a "pw-bot: cr" by one person are two pieces of evidence). Reviews
 * are left as they are.
 */
function dedupeNaks(rows: ReviewRow[]): ReviewRow[] {
  const first = new Map<string, ReviewRow>();
  const group = (r: ReviewRow) => (r.kind === "nacked-by" || r.kind === "nak-line" ? "nak" : r.kind);
  for (const r of rows) {
    if (!NAK_EVIDENCE.has(r.kind)) continue;
    const k = `${group(r)}\u0000${r.reviewer}\u0000${r.target ?? `thread:${r.threadId}`}`;
    const f = first.get(k);
    if (!f || (r.date ?? Infinity) < (f.date ?? Infinity)) first.set(k, r);
  }
  const keep = new Set(first.values());
  return rows.filter((r) => !NAK_EVIDENCE.has(r.kind) || keep.has(r));
}
