// One person's figures under the global filter, in the browser, from the fact tables (facts.js):
// their messages kept by the filter (window, lists, bots), the threads they wrote in, replies and
// reviews by the headline rules. The person page shows these instead of its shard's all-data
// figures when a filter is set. Plain JS, so Node tests run the very code the page runs.
import { FLAG, dayOf, keepRows, keptReviews, isNakReview } from "./facts.js";

const DAY = 86400000;

/** The person's index in the fact tables (facts-people.json ids), or -1. */
export function factsIndexOf(people, id) {
  for (let i = 0; i < people.length; i++) if (people[i].id === id) return i;
  return -1;
}

/**
 * p: the person's fact-table index. Returns counts, messages per thread row (Map), monthly activity
 * per list ([{ month, list, messages }], as the shard's `activity`), correspondents (Map person -> replies).
 */
export function personWindow(f, filter, p, kept = keepRows(f, filter)) {
  const { keep } = kept;
  const perThread = new Map(), act = new Map();
  let messages = 0, started = 0, patches = 0;
  for (let r = 0; r < f.n; r++) {
    if (!keep[r] || f.person[r] !== p) continue;
    messages++;
    const t = f.thread[r];
    perThread.set(t, (perThread.get(t) ?? 0) + 1);
    // A message that replies to nothing is its thread's root (same-second rows have no reliable order).
    if (!(f.flags[r] & FLAG.reply)) started++;
    if (f.flags[r] & FLAG.patch) patches++;
    if (Number.isNaN(f.day[r])) continue;
    const month = new Date(f.day[r] * DAY).toISOString().slice(0, 7);
    const lists = f.lists.filter((_, i) => f.listMask[r] & (1 << i));
    for (const l of lists.length ? lists : ["other"]) { const k = `${month}\u0000${l}`; act.set(k, (act.get(k) ?? 0) + 1); }
  }
  const out = new Map(), inn = new Map();
  let repliesSent = 0, repliesReceived = 0;
  for (let i = 0; i < f.replyRow.length; i++) {
    const r = f.replyRow[i];
    if (!keep[r]) continue;
    if (f.person[r] === p) { repliesSent++; out.set(f.replyTo[i], (out.get(f.replyTo[i]) ?? 0) + 1); }
    if (f.replyTo[i] === p) { repliesReceived++; inn.set(f.person[r], (inn.get(f.person[r]) ?? 0) + 1); }
  }
  let reviewsGiven = 0, reviewsReceived = 0, naksGiven = 0, naksReceived = 0;
  for (const i of keptReviews(f, filter)) {
    const nak = isNakReview(f, i);
    if (f.reviewer[i] === p) nak ? naksGiven++ : reviewsGiven++;
    if (f.reviewAuthor[i] === p) nak ? naksReceived++ : reviewsReceived++;
  }
  const activity = [...act].map(([k, messages]) => { const [month, list] = k.split("\u0000"); return { month, list, messages }; });
  return { messages, threads: perThread.size, started, patches, repliesSent, repliesReceived, reviewsGiven, reviewsReceived, naksGiven, naksReceived,
    perThread, activity, out, in: inn };
}

/** Does a shard row (review, thread) dated `ms` with `lists` pass the filter's window and lists? */
export function inFilter(filter, ms, lists) {
  const day = ms == null ? null : Math.floor(ms / DAY);
  const from = dayOf(filter.from), to = dayOf(filter.to);
  if ((from !== null || to !== null) && day === null) return false;
  if (from !== null && day < from) return false;
  if (to !== null && day >= to) return false;
  return !filter.lists || !lists || lists.some((l) => filter.lists.includes(l));
}
