// The fact tables (facts.json, written by loaders/analysis/facts.ts) decoded into typed columns,
// and the window figures every page computes from them in the browser. The definitions are the
// ones `threadgraph stats --since/--until` uses (docs/analysis.md "Windowed figures"):
// a message counts when its day is in [from, to), it reached a selected list, and (bots off) its
// sender is not a bot; threads and people are those of the counted messages (people never
// include bots); reviews and NAKs count by their message's day, their thread's lists and (bots
// off) a reviewer who is not a bot. Without from/to, undated messages count too.
// Plain JS with no imports, so Node tests run the very code the pages run.
const DAY = 86400000;
export const FLAG = { patch: 1, reply: 2, bot: 4 };
/** Review kinds (facts.ts REVIEW_KIND); + REVIEW_BOT when the reviewer is a bot. */
export const REVIEW_KINDS = ["reviewed-by", "acked-by", "tested-by", "nacked-by", "nak-line"];
const REVIEW_BOT = 8, isNakKind = (k) => (k & 7) >= 3;

/** Typed columns from the artifact; `day` is absolute (days since 1970-01-01), NaN when undated. */
export function decodeFacts(art) {
  const m = art.messages, n = m.n;
  const day = new Float64Array(n).fill(NaN);
  for (let r = 0, d = art.day0; r < m.dated; r++) { d += m.day[r]; day[r] = d; }
  const thread = new Int32Array(n);
  for (let r = 0, hi = 0; r < n; r++) { const t = hi - m.thread[r]; thread[r] = t; if (t >= hi) hi = t + 1; }
  const botPerson = new Uint8Array(art.people.n);
  for (const k of art.people.bots) botPerson[k] = 1;
  // First dated day of each person and first row of each thread: "new" people, "new" threads.
  const personFirstDay = new Float64Array(art.people.n).fill(NaN), threadFirstRow = new Int32Array(art.threads.n).fill(-1);
  for (let r = 0; r < n; r++) {
    const p = m.person[r];
    if (r < m.dated && Number.isNaN(personFirstDay[p])) personFirstDay[p] = day[r];
    if (threadFirstRow[thread[r]] < 0) threadFirstRow[thread[r]] = r;
  }
  const rv = art.reviews, reviewRow = new Int32Array(rv.msg.length);
  for (let i = 0, r = 0; i < rv.msg.length; i++) { r += rv.msg[i]; reviewRow[i] = r; }
  const rp = art.replies ?? { msg: [], to: [], lists: [], minutes: [] }, replyRow = new Int32Array(rp.msg.length);
  for (let i = 0, r = 0; i < rp.msg.length; i++) { r += rp.msg[i]; replyRow[i] = r; }
  // Carried tags (facts-carried.json, loaded by the pages that show them): author -1 is the patch's sender.
  const ca = art.carried ?? { msg: [], reviewer: [], author: [] }, carriedRow = new Int32Array(ca.msg.length), carriedAuthor = new Int32Array(ca.msg.length);
  for (let i = 0, r = 0; i < ca.msg.length; i++) { r += ca.msg[i]; carriedRow[i] = r; carriedAuthor[i] = ca.author[i] < 0 ? m.person[r] : ca.author[i]; }
  const ob = art.obs ?? { kind: [], day: [], lists: [], time: [], responder: [] }, obsDay = new Float64Array(ob.day.length);
  for (let i = 0, d = art.day0; i < ob.day.length; i++) { d += ob.day[i]; obsDay[i] = d; }
  return {
    obsKind: Uint8Array.from(ob.kind), obsDay, obsLists: Int32Array.from(ob.lists), obsTime: Float64Array.from(ob.time), obsResponder: Int32Array.from(ob.responder),
    carriedRow, carriedReviewer: Int32Array.from(ca.reviewer), carriedAuthor,
    replyRow, replyTo: Int32Array.from(rp.to), replyLists: Int32Array.from(rp.lists), replyMinutes: Int32Array.from(rp.minutes),
    homes: art.homes ?? [...art.lists, "cross-list"], home: Int32Array.from(art.people.home ?? []),
    lists: art.lists, n, dated: m.dated, day, thread, botPerson, personFirstDay, threadFirstRow,
    listMask: Int32Array.from(m.lists), person: Int32Array.from(m.person), flags: Uint8Array.from(m.flags),
    people: art.people.n, threads: art.threads.n, peopleRow: Int32Array.from(art.people.row ?? []),
    reviewRow, reviewKind: Uint8Array.from(rv.kind), reviewLists: Int32Array.from(rv.lists),
    reviewer: Int32Array.from(rv.reviewer ?? []), reviewAuthor: Int32Array.from(rv.author ?? []),
    firstDay: m.dated ? day[0] : null, lastDay: m.dated ? day[m.dated - 1] : null,
  };
}

/** "YYYY-MM-DD" -> day number, or null for empty / invalid (a day that does not exist, like 02-30, too). */
export function dayOf(iso) {
  if (typeof iso !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === iso ? Math.floor(t / DAY) : null;
}
export const isoOfDay = (d) => new Date(d * DAY).toISOString().slice(0, 10);

/** The list mask of a filter's lists (null: every message, also those on no tracked list). */
export function maskOf(f, lists) {
  if (!lists) return null;
  let mask = 0;
  f.lists.forEach((l, i) => { if (lists.includes(l)) mask |= 1 << i; });
  return mask;
}

/**
 * The message rows a filter keeps, as a Uint8Array of 0/1 (and their count).
 * filter: { from, to: "YYYY-MM-DD" | null (to exclusive), lists: string[] | null, bots: boolean }.
 */
export function keepRows(f, filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to), mask = maskOf(f, filter.lists);
  const windowed = from !== null || to !== null;
  const keep = new Uint8Array(f.n);
  let count = 0;
  for (let r = 0; r < f.n; r++) {
    const d = f.day[r];
    if (windowed && (Number.isNaN(d) || (from !== null && d < from) || (to !== null && d >= to))) continue;
    if (mask !== null && (f.listMask[r] & mask) === 0) continue;
    if (!filter.bots && f.flags[r] & FLAG.bot) continue;
    keep[r] = 1; count++;
  }
  return { keep, count };
}

/** The headline figures (data-kpi names) of a filter; `kept`: keepRows' result when the page has it. */
export function windowCounts(f, filter, kept = keepRows(f, filter)) {
  const { keep, count } = kept;
  const threads = new Uint8Array(f.threads), people = new Uint8Array(f.people);
  let nThreads = 0, nPeople = 0;
  for (let r = 0; r < f.n; r++) {
    if (!keep[r]) continue;
    const t = f.thread[r], p = f.person[r];
    if (!threads[t]) { threads[t] = 1; nThreads++; }
    if (!people[p] && !f.botPerson[p]) { people[p] = 1; nPeople++; }
  }
  let reviews = 0, naks = 0;
  for (const i of keptReviews(f, filter)) if (isNakKind(f.reviewKind[i])) naks++; else reviews++;
  return { messages: count, threads: nThreads, people: nPeople, reviews, naks };
}

/** Kept messages per thread (index: the thread's row in threads.json). */
export function messagesPerThread(f, keep) {
  const out = new Int32Array(f.threads);
  for (let r = 0; r < f.n; r++) if (keep[r]) out[f.thread[r]]++;
  return out;
}

/** Kept messages per person (index: person index; people.json row via f.peopleRow). */
export function messagesPerPerson(f, keep) {
  const out = new Int32Array(f.people);
  for (let r = 0; r < f.n; r++) if (keep[r]) out[f.person[r]]++;
  return out;
}

/** Who posts on which lists (the upset chart's { lists, sets, combos }), over the kept messages, bots left out. */
export function listOverlap(f, keep) {
  const nl = f.lists.length;
  const mask = new Int32Array(f.people), per = Array.from({ length: nl }, () => new Int32Array(f.people));
  for (let r = 0; r < f.n; r++) {
    if (!keep[r]) continue;
    const p = f.person[r], m = f.listMask[r];
    if (f.botPerson[p]) continue;
    mask[p] |= m;
    for (let i = 0; i < nl; i++) if (m & (1 << i)) per[i][p]++;
  }
  const sets = f.lists.map((list) => ({ list, people: 0 }));
  const combos = new Map();
  for (let p = 0; p < f.people; p++) {
    if (!mask[p]) continue;
    const idx = [];
    for (let i = 0; i < nl; i++) if (mask[p] & (1 << i)) { idx.push(i); sets[i].people++; }
    const c = combos.get(mask[p]) ?? { lists: idx.map((i) => f.lists[i]), people: 0, messages: 0 };
    c.people++; c.messages += idx.reduce((s, i) => s + per[i][p], 0);
    combos.set(mask[p], c);
  }
  return { lists: f.lists, sets, combos: [...combos.values()].sort((x, y) => y.people - x.people) };
}

/**
 * Reply flows between home lists over the kept replies (their message kept, neither side a bot):
 * home_to_list[h][j] replies by people of home h on messages reaching list j (the reply's or its
 * parent's lists); home_to_home[h][g] replies by home h to people of home g. `groups`: another
 * grouping of the people ({ of: person -> group or -1, labels }; person-groups.js), home lists by default.
 */
export function replyFlows(f, keep, groups = { of: f.home, labels: f.homes }) {
  const home = groups.of, nh = groups.labels.length, nl = f.lists.length;
  const toList = Array.from({ length: nh }, () => new Array(nl).fill(0)), toHome = Array.from({ length: nh }, () => new Array(nh).fill(0));
  for (let i = 0; i < f.replyRow.length; i++) {
    const r = f.replyRow[i];
    if (!keep[r]) continue;
    const from = f.person[r], to = f.replyTo[i];
    if (f.botPerson[from] || f.botPerson[to]) continue;
    const h = home[from];
    if (h < 0) continue;
    for (let j = 0; j < nl; j++) if (f.replyLists[i] & (1 << j)) toList[h][j]++;
    const g = home[to];
    if (g >= 0) toHome[h][g]++;
  }
  return { homes: groups.labels, lists: f.lists, home_to_list: toList, home_to_home: toHome };
}

/**
 * The reviews (and NAKs) a filter keeps, by the headline's rules (windowCounts): indices into the
 * review columns. Pages aggregate them (matrix, pairs) with the people's home lists.
 */
export function keptReviews(f, filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to), mask = maskOf(f, filter.lists);
  const windowed = from !== null || to !== null;
  const out = [];
  for (let i = 0; i < f.reviewRow.length; i++) {
    const d = f.day[f.reviewRow[i]], k = f.reviewKind[i];
    if (windowed && (Number.isNaN(d) || (from !== null && d < from) || (to !== null && d >= to))) continue;
    if (mask !== null && (f.reviewLists[i] & mask) === 0) continue;
    if (!filter.bots && k & REVIEW_BOT) continue;
    out.push(i);
  }
  return out;
}

/** Each thread's lists mask (its messages' lists, as the reviews table's `lists`), made once per decoded facts. */
export function threadListMasks(f) {
  if (f.threadLists) return f.threadLists;
  const out = new Int32Array(f.threads);
  for (let r = 0; r < f.n; r++) out[f.thread[r]] |= f.listMask[r];
  return (f.threadLists = out);
}

/**
 * The carried tags a filter keeps (indices into the carried columns), by the reviews' rules: the
 * carrying patch's day in the window, its thread on a chosen list, (bots off) a reviewer who is
 * not a bot. Needs the facts decoded with facts-carried.json (loadFacts({ carried: true })).
 */
export function keptCarried(f, filter) {
  const from = dayOf(filter.from), to = dayOf(filter.to), mask = maskOf(f, filter.lists);
  const windowed = from !== null || to !== null, lists = mask === null ? null : threadListMasks(f);
  const out = [];
  for (let i = 0; i < f.carriedRow.length; i++) {
    const r = f.carriedRow[i], d = f.day[r];
    if (windowed && (Number.isNaN(d) || (from !== null && d < from) || (to !== null && d >= to))) continue;
    if (lists !== null && (lists[f.thread[r]] & mask) === 0) continue;
    if (!filter.bots && f.botPerson[f.carriedReviewer[i]]) continue;
    out.push(i);
  }
  return out;
}

/** Carried tags per person under a filter: { given, received } Int32Arrays by fact-table person index. */
export function carriedPerPerson(f, filter) {
  const given = new Int32Array(f.people), received = new Int32Array(f.people);
  for (const i of keptCarried(f, filter)) { given[f.carriedReviewer[i]]++; received[f.carriedAuthor[i]]++; }
  return { given, received };
}

export const reviewKindOf = (f, i) => REVIEW_KINDS[f.reviewKind[i] & 7];
export const isNakReview = (f, i) => isNakKind(f.reviewKind[i]);

/** Indices of the n largest positive counts, largest first (ties: lower index first). */
export function topIndices(counts, n) {
  const idx = [];
  for (let i = 0; i < counts.length; i++) if (counts[i] > 0) idx.push(i);
  idx.sort((a, b) => counts[b] - counts[a] || a - b);
  return idx.slice(0, n);
}
