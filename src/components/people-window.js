// Every person's figures under the global filter, in the browser: the People page's columns and the
// person page's counts (person-window.js picks one person), by build-people.ts's definitions, from
// facts.json, facts-people.json and facts-people-cols.json (+ facts-reply-times.json for the median
// reply, loaded once that column is shown: person-facts.ts buildPeopleColsFacts). With no filter
// they equal people.json (test/site/people-window.test.ts), which a filtered page does not load.
// Plain JS, so Node tests run the very code the pages run.
import { FLAG, dayOf, maskOf, keepRows, keptReviews, carriedPerPerson, isNakReview } from "./facts.js";

const DAY = 86400000;
const undelta = (xs, base = 0) => { const out = new Float64Array(xs.length); for (let i = 0, v = base; i < xs.length; i++) { v += xs[i]; out[i] = v; } return out; };

/**
 * facts-people-cols.json (and facts-reply-times.json, when given; else addReplyTimes later) as
 * per-row columns over the decoded facts `f`: started (a non-phantom thread's root), authoredBy (a
 * patch that is no cover letter: its author's person index, else -1), forwarded (1: sent for its
 * in-body author), the first replies, the reply edges with no bot at either end (replyRow) and
 * their minutes (replyMinutes, null until loaded), and the roster (peopleRoster).
 */
export function decodePeopleCols(f, cols, times = null) {
  const started = new Uint8Array(f.n), authoredBy = new Int32Array(f.n).fill(-1), forwarded = new Uint8Array(f.n);
  for (let r = 0; r < f.n; r++) {
    started[r] = f.flags[r] & FLAG.reply ? 0 : 1;
    if (f.flags[r] & FLAG.patch) authoredBy[r] = f.person[r];
  }
  for (const r of undelta(cols.started_flip)) started[r] ^= 1;
  for (const r of undelta(cols.covers)) authoredBy[r] = -1;
  undelta(cols.forwarded.row).forEach((r, i) => { authoredBy[r] = cols.forwarded.author[i]; forwarded[r] = 1; });
  const pc = {
    started, authoredBy, forwarded,
    firstDay: undelta(cols.first.day), firstLists: Int32Array.from(cols.first.lists), firstResponder: Int32Array.from(cols.first.responder),
    replyRow: Int32Array.from(undelta(cols.replies)), replyMinutes: null, roster: cols.roster,
  };
  return times ? addReplyTimes(pc, times) : pc;
}

/** facts-reply-times.json's minutes into decoded columns (one per replyRow edge), once: the People page loads them on demand. */
export function addReplyTimes(pc, times) {
  if (times.minutes.length !== pc.replyRow.length) throw new Error(`facts-reply-times.json has ${times.minutes.length} reply times for ${pc.replyRow.length} replies: the site's files come from different analyses`);
  pc.replyMinutes ??= Int32Array.from(times.minutes);
  return pc;
}

/**
 * The People page's rows under a filter, without people.json: { id, name, email, bot, k } for
 * each of its rows, k the fact-table person index (-1: a person the fact tables do not hold, who
 * sent nothing). fp: facts-people.json as loadFactsPeople gives it ([{ name, id }] by person index); pc: decodePeopleCols.
 */
export function peopleRoster(f, fp, pc) {
  const email = new Map(pc.roster.email.person.map((k, i) => [k, pc.roster.email.email[i]]));
  const out = [];
  for (let k = 0; k < f.people; k++) if (f.peopleRow[k] >= 0) out.push({ id: fp[k].id, name: fp[k].name, email: email.get(k) ?? fp[k].id, bot: !!f.botPerson[k], k });
  const o = pc.roster.others, bots = new Set(o.bots);
  o.id.forEach((id, i) => out.push({ id, name: o.name[i], email: o.email[i], bot: bots.has(i), k: -1 }));
  return out;
}

/** build-people.ts quantile: the value at floor(q * n) of the sorted values (null: none). */
export const quantile = (sorted, q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : null);

/** Reply times (whole minutes, -1: none) -> { timed, medianMinutes, p90Minutes }: one person's, on both pages. */
export function replyTimes(minutes) {
  const m = minutes.filter((x) => x >= 0).sort((a, b) => a - b);
  return { timed: m.length, medianMinutes: quantile(m, 0.5), p90Minutes: quantile(m, 0.9) };
}

/**
 * Does a first reply count under the filter? By its thread's start day and lists (survival.js
 * observations), whatever the bot setting (bots never start nor answer an observed thread).
 */
export function firstReplyKept(f, filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to), mask = maskOf(f, filter.lists);
  return (day, lists) => !((from !== null && day < from) || (to !== null && day >= to) || (mask !== null && (lists & mask) === 0));
}

/**
 * Per fact-table person (Int32Arrays): messages, per list (perList[i]: f.lists[i]), threads
 * started, patches authored (cover letters left out; a forwarded patch counts for its in-body
 * author), patches sent for others, reviews and NAKs given and received, carried tags (when the
 * facts have them), lastDay (Float64Array, NaN: no dated message) and first replies. Each counts
 * when its message row is kept (keepRows), reviews by keptReviews, first replies by firstReplyKept.
 */
export function peopleCounts(f, filter, pc, kept = keepRows(f, filter)) {
  const { keep } = kept, P = f.people, nl = f.lists.length;
  const z = () => new Int32Array(P);
  const messages = z(), started = z(), patches = z(), forOthers = z(), perList = f.lists.map(z), lastDay = new Float64Array(P).fill(NaN);
  // Home list weights (analyze.ts homeLists): 1/k to each of the k tracked lists a message reached, summed in row (= corpus) order.
  const weight = new Float64Array(P * nl);
  for (let r = 0; r < f.n; r++) {
    if (!keep[r]) continue;
    const p = f.person[r], m = f.listMask[r];
    messages[p]++;
    let k = 0;
    for (let i = 0; i < nl; i++) if (m & (1 << i)) { perList[i][p]++; k++; }
    for (let i = 0; i < nl; i++) if (m & (1 << i)) weight[p * nl + i] += 1 / k;
    if (pc.started[r]) started[p]++;
    if (pc.authoredBy[r] >= 0) { patches[pc.authoredBy[r]]++; if (pc.forwarded[r]) forOthers[p]++; }
    if (!Number.isNaN(f.day[r]) && !(f.day[r] <= lastDay[p])) lastDay[p] = f.day[r];
  }
  const reviewsGiven = z(), reviewsReceived = z(), naksGiven = z(), naksReceived = z();
  for (const i of keptReviews(f, filter)) {
    const nak = isNakReview(f, i), by = f.reviewer[i], to = f.reviewAuthor[i];
    if (by >= 0) (nak ? naksGiven : reviewsGiven)[by]++;
    if (to >= 0) (nak ? naksReceived : reviewsReceived)[to]++;
  }
  const firstReplies = z(), firstOk = firstReplyKept(f, filter);
  for (let i = 0; i < pc.firstDay.length; i++) if (firstOk(pc.firstDay[i], pc.firstLists[i])) firstReplies[pc.firstResponder[i]]++;
  const carried = f.carriedRow ? carriedPerPerson(f, filter) : null;
  return { messages, perList, home: homeOf(weight, P, nl), started, patches, forOthers, reviewsGiven, reviewsReceived, naksGiven, naksReceived, lastDay, firstReplies, carried };
}

/** analyze.ts homeLists over the weights: the list with the most, a tie within float noise "several lists" (index nl in f.homes), -1: no tracked list. */
function homeOf(weight, P, nl) {
  const home = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) {
    let best = -1, second = -1;
    for (let i = 0; i < nl; i++) {
      const w = weight[p * nl + i];
      if (w <= 0) continue;
      if (best < 0 || w > weight[p * nl + best]) { second = best; best = i; } else if (second < 0 || w > weight[p * nl + second]) second = i;
    }
    home[p] = best < 0 ? -1 : second >= 0 && weight[p * nl + best] - weight[p * nl + second] < 1e-9 ? nl : best;
  }
  return home;
}

/**
 * Per fact-table person: replies sent (their kept rows with a reply edge, no bot at either end) and
 * their reply times (replyTimes; null while the minutes are not loaded).
 */
export function peopleReplies(f, pc, keep) {
  const sent = new Int32Array(f.people), minutes = pc.replyMinutes ? new Map() : null;
  for (let i = 0; i < pc.replyRow.length; i++) {
    const r = pc.replyRow[i];
    if (!keep[r]) continue;
    const p = f.person[r];
    sent[p]++;
    if (!minutes) continue;
    const l = minutes.get(p);
    if (l) l.push(pc.replyMinutes[i]); else minutes.set(p, [pc.replyMinutes[i]]);
  }
  const times = minutes && new Map([...minutes].map(([p, m]) => [p, replyTimes(m)]));
  return { sent, times };
}

/**
 * The People page's rows under a filter: each roster row (peopleRoster) with every windowed column
 * of people.json under the filter: home (their home list in the filter), messages, lists,
 * threads_started, patches_authored, patches_for_others, replies_sent, reviews_given/received,
 * reviews_carried(_received), naks_given/received, first_replies, median_reply_ms (to the minute;
 * undefined while the reply times are not loaded), last (the day of their last message in it).
 * Roster rows the fact tables do not hold (k -1) sent nothing in any window: zeros.
 */
export function peopleRowsInFilter(f, roster, filter, pc, kept = keepRows(f, filter)) {
  const c = peopleCounts(f, filter, pc, kept), rep = peopleReplies(f, pc, kept.keep);
  return roster.map((p) => {
    const k = p.k, at = (xs) => (k < 0 || !xs ? 0 : xs[k]);
    const lists = {};
    if (k >= 0) f.lists.forEach((l, i) => { if (c.perList[i][k]) lists[l] = c.perList[i][k]; });
    const med = !rep.times ? undefined : k < 0 ? null : rep.times.get(k)?.medianMinutes ?? null;
    const home = k < 0 || c.home[k] < 0 ? null : f.homes[c.home[k]];
    return { ...p, home, messages: at(c.messages), lists, threads_started: at(c.started), patches_authored: at(c.patches), patches_for_others: at(c.forOthers),
      replies_sent: at(rep.sent), reviews_given: at(c.reviewsGiven), reviews_received: at(c.reviewsReceived),
      reviews_carried: at(c.carried?.given), reviews_carried_received: at(c.carried?.received),
      naks_given: at(c.naksGiven), naks_received: at(c.naksReceived), first_replies: at(c.firstReplies),
      median_reply_ms: med == null ? med : med * 60000,
      last: k < 0 || Number.isNaN(c.lastDay[k]) ? null : c.lastDay[k] * DAY };
  });
}
