// The people of the person pages numbered once, and what each one sent, wrote, replied and
// reviewed grouped by that number (group-slots.ts), for build-people.ts: every figure and detail
// part reads its person's slice instead of a Map of arrays keyed by id.
import type { Analysis } from "./analyze.ts";
import type { ReplyEdge } from "../graph/replies.ts";
import { authorOf } from "../model/corpus.ts";
import { groupSlots, type SlotGroups } from "./group-slots.ts";

export interface PeopleIndex {
  /** Person id -> number; ids 0..count-1 are the people with a row, in first-seen order: known people, senders, patch authors, reviewers, reviewed authors. */
  index: Map<string, number>;
  idOf: string[];
  count: number;
  /** Reply edges with no bot at either end; fromIdx/toIdx: their ends' numbers (people replied to without a row get numbers after `count`). */
  human: ReplyEdge[];
  fromIdx: Int32Array; toIdx: Int32Array;
  /** Message indexes each person sent; patches (not cover letters) each one wrote (a forwarded patch counts for its in-body From:). */
  byPerson: SlotGroups; authored: SlotGroups;
  /** Indexes into `human` by replier and by the person replied to; into a.reviews by reviewer and by reviewed author. */
  sent: SlotGroups; recv: SlotGroups; given: SlotGroups; received: SlotGroups;
  /** Patches each person sent for someone else; first replies to threads (survival.ts observations). */
  forOthers: Int32Array; firsts: Int32Array;
}

export function peopleIndex(a: Analysis): PeopleIndex {
  const msgs = a.corpus.messages, index = new Map<string, number>(), idOf: string[] = [];
  const at = (id: string) => { let k = index.get(id); if (k === undefined) { index.set(id, (k = idOf.length)); idOf.push(id); } return k; };
  for (const id of a.people.keys()) at(id);
  const sender = new Int32Array(msgs.length), author = new Int32Array(msgs.length).fill(-1);
  for (let i = 0; i < msgs.length; i++) sender[i] = at(msgs[i].from);
  for (let i = 0; i < msgs.length; i++) { const p = msgs[i].patch; if (p.isPatch && !p.isCover) author[i] = at(authorOf(msgs[i])); }
  const reviewer = Int32Array.from(a.reviews, (r) => at(r.reviewer)), reviewed = Int32Array.from(a.reviews, (r) => (r.author === null ? -1 : at(r.author)));
  const count = idOf.length;
  const forOthers = new Int32Array(count);
  for (let i = 0; i < msgs.length; i++) if (author[i] >= 0 && msgs[i].author !== undefined) forOthers[sender[i]]++;
  const human = a.replies.filter((e) => !e.bot);
  const fromIdx = Int32Array.from(human, (e) => at(e.from)), toIdx = Int32Array.from(human, (e) => at(e.to));
  const firsts = new Int32Array(count);
  for (const o of a.observations) if (o.kind === "thread" && o.responder) { const k = index.get(o.responder); if (k !== undefined && k < count) firsts[k]++; }
  const slots = idOf.length;
  return { index, idOf, count, human, fromIdx, toIdx, forOthers, firsts,
    byPerson: groupSlots(sender, slots), authored: groupSlots(author, slots),
    sent: groupSlots(fromIdx, slots), recv: groupSlots(toIdx, slots), given: groupSlots(reviewer, slots), received: groupSlots(reviewed, slots) };
}
