// One person's figures under the global filter, in the browser, from the fact tables (facts.js):
// their messages kept by the filter (window, lists, bots), the threads they wrote in, reviews and
// carried tags by the headline rules, and (from their shard's fact references, person-facts.ts)
// replies, correspondents, reply times and first replies; the counts are people-window.js's (the
// People page's). The person page shows these instead of
// its shard's all-data figures when a filter is set; with no filter they equal those
// (test/site/person-window.test.ts). Plain JS, so Node tests run the very code the page runs.
import { dayOf, keepRows, keptCarried } from "./facts.js";
import { peopleCounts, replyTimes, firstReplyKept } from "./people-window.js";

const DAY = 86400000;

/** The person's index in the fact tables (facts-people.json ids), or -1. */
export function factsIndexOf(people, id) {
  for (let i = 0; i < people.length; i++) if (people[i].id === id) return i;
  return -1;
}

/**
 * p: the person's fact-table index; pc: decodePeopleCols (people-window.js). Returns their counts
 * (people-window.js peopleCounts: the People page's definitions), messages per thread row (Map)
 * and monthly activity per list ([{ month, list, messages }], as the shard's `activity`).
 */
export function personWindow(f, filter, p, pc, kept = keepRows(f, filter)) {
  const { keep } = kept;
  const perThread = new Map(), act = new Map();
  for (let r = 0; r < f.n; r++) {
    if (!keep[r] || f.person[r] !== p) continue;
    const t = f.thread[r];
    perThread.set(t, (perThread.get(t) ?? 0) + 1);
    if (Number.isNaN(f.day[r])) continue;
    const month = new Date(f.day[r] * DAY).toISOString().slice(0, 7);
    const lists = f.lists.filter((_, i) => f.listMask[r] & (1 << i));
    for (const l of lists.length ? lists : ["other"]) { const k = `${month}\u0000${l}`; act.set(k, (act.get(k) ?? 0) + 1); }
  }
  const c = peopleCounts(f, filter, pc, kept), at = (xs) => (p < 0 ? 0 : xs[p]);
  const activity = [...act].map(([k, messages]) => { const [month, list] = k.split("\u0000"); return { month, list, messages }; });
  return { messages: at(c.messages), threads: perThread.size, started: at(c.started), patches: at(c.patches), forOthers: at(c.forOthers),
    reviewsGiven: at(c.reviewsGiven), reviewsReceived: at(c.reviewsReceived), naksGiven: at(c.naksGiven), naksReceived: at(c.naksReceived), perThread, activity };
}

/**
 * A person's replies under a filter, from their shard's fact references (pf: PersonDetail.facts,
 * person-facts.ts; null: none): a reply counts when its message row is kept (keepRows), a first
 * reply when its thread started in the window on a chosen list (survival.js observations).
 * out / in: Map fact-table person -> replies (to them / from them); reply times in whole minutes.
 */
export function personReplies(f, filter, pf, kept = keepRows(f, filter)) {
  const { keep } = kept;
  const out = new Map(), inn = new Map(), minutes = [];
  let repliesSent = 0, repliesReceived = 0, firstReplies = 0;
  const o = pf?.out ?? { row: [], to: [], minutes: [] }, inc = pf?.in ?? { row: [] }, fr = pf?.first ?? { day: [], lists: [] };
  for (let i = 0, r = 0; i < o.row.length; i++) {
    r += o.row[i];
    if (!keep[r]) continue;
    repliesSent++;
    out.set(o.to[i], (out.get(o.to[i]) ?? 0) + 1);
    minutes.push(o.minutes[i]);
  }
  for (let i = 0, r = 0; i < inc.row.length; i++) {
    r += inc.row[i];
    if (!keep[r]) continue;
    repliesReceived++;
    inn.set(f.person[r], (inn.get(f.person[r]) ?? 0) + 1);
  }
  const firstOk = firstReplyKept(f, filter);
  for (let i = 0, d = 0; i < fr.day.length; i++) { d += fr.day[i]; if (firstOk(d, fr.lists[i])) firstReplies++; }
  return { repliesSent, repliesReceived, out, in: inn, ...replyTimes(minutes), firstReplies };
}

/** Correspondents as the shard's rows: the 25 with the most replies, { id, name, home, w } (names: facts-people.json). */
export function correspondentRows(f, people, counts) {
  return [...counts].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, 25)
    .map(([k, w]) => ({ id: people[k]?.id, name: people[k]?.name ?? "?", home: f.homes[f.home[k]] ?? null, w }));
}

/** Tags carried inside patches under a filter (keptCarried): given by person p, and received (on their patches). */
export function personCarried(f, filter, p) {
  let given = 0, received = 0;
  for (const i of keptCarried(f, filter)) { if (f.carriedReviewer[i] === p) given++; if (f.carriedAuthor[i] === p) received++; }
  return { given, received };
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
