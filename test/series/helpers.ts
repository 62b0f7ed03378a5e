// Synthetic series postings and verdicts for the series lifecycle tests (all made up).
import type { AnalysisMessage } from "../../loaders/model/corpus.ts";
import type { VerdictRecord, VerdictKind } from "../../loaders/model/verdict.ts";
import { msg } from "../analysis/fixture.ts";

/**
 * One posting: a cover "[PATCH vN 0/m] title" with m patches threaded under it, or, for one
 * patch title and no cover, a lone "[PATCH vN] patch title". Ids: `${id}`, `${id}.1`...
 */
export function posting(id: string, author: string, date: number, version: number, title: string, patches: string[],
  o: { cover?: boolean; lists?: string[] } = {}): AnalysisMessage[] {
  const v = version > 1 ? ` v${version}` : "";
  const lists = o.lists ?? ["alpha"];
  if (patches.length === 1 && !o.cover) {
    return [msg(id, author, date, { subject: `[PATCH${v}] ${patches[0]}`, lists, patch: { version, index: null, total: null } })];
  }
  const m = patches.length;
  return [
    msg(id, author, date, { subject: `[PATCH${v} 0/${m}] ${title}`, lists, patch: { version, index: 0, total: m, isCover: true } }),
    ...patches.map((p, k) => msg(`${id}.${k + 1}`, author, date + (k + 1) * 1000,
      { subject: `[PATCH${v} ${k + 1}/${m}] ${p}`, irt: id, lists, patch: { version, index: k + 1, total: m } })),
  ];
}

/** A reply `id` from `from` to message `to` (references as a mail client writes them). */
export function reply(id: string, from: string, date: number, to: AnalysisMessage, o: { bot?: boolean } = {}): AnalysisMessage {
  return msg(id, from, date, { irt: to.id, refs: [...to.references, to.id], subject: `Re: ${to.subject}`, bot: o.bot, lists: to.lists });
}

export function verdict(messageId: string, kind: VerdictKind, rule: string, o: Partial<VerdictRecord> = {}): VerdictRecord {
  return { messageId, kind, rule, personId: null, email: null, name: null, tree: null, branch: null, scope: null, items: [], raw: null, ...o };
}
