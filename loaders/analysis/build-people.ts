// people.json + every person's detail, threads.json + every thread's detail (written as shards by
// shards.ts), responsiveness.json, reviews.json.
import type { Analysis } from "./analyze.ts";
import type { KmCurve, PeopleArtifact, PersonDetail, PersonRow, ResponsivenessArtifact, ReviewRef, ReviewsArtifact, ThreadDetail, ThreadRow, ThreadsArtifact } from "./artifacts.ts";
import type { ReviewRow } from "./reviews.ts";
import { kaplanMeier, type Observation } from "./survival.ts";
import { threadKey } from "./keys.ts";
import { homeLabels, personRef } from "./build-graph.ts";
import { monthOf } from "../graph/build.ts";
import { messageIndex } from "../model/message-index.ts";
import { peopleIndex } from "./person-index.ts";
import { slotSize, type SlotGroups } from "./group-slots.ts";

const DAY = 86400_000;

/** A NAK (a Nacked-by trailer or a NAK line). Comparisons, not a Set: it runs for every review row in a dozen filters and counts. */
export const isNak = (r: ReviewRow) => r.kind === "nacked-by" || r.kind === "nak-line";
/** A netdev "pw-bot: changes-requested"/"reject" verdict: NAK evidence under its own kind, counted apart from NAKs. */
export const isPwVerdict = (r: ReviewRow) => r.source === "pw-bot";
/** A Reviewed/Acked/Tested-by (in a reply or carried), not a NAK nor a pw-bot verdict. */
export const isTrailerReview = (r: ReviewRow) => !isNak(r) && !isPwVerdict(r);
/** A review given in a reply (Reviewed/Acked/Tested-by): what every site total counts as "reviews given". */
export const isReplyReview = (r: ReviewRow) => !isNak(r) && r.source === "reply" && r.author !== null;
/** A Reviewed/Acked/Tested-by carried inside a later patch version (given earlier, maybe outside the window). */
export const isCarriedReview = (r: ReviewRow) => !isNak(r) && r.source === "carried";

/** Reviews given in replies, carried and NAKs among the review rows of slot `k` of `g` (a.reviews indexes), in one pass (isReplyReview, isCarriedReview, isNak). */
function reviewCounts(reviews: readonly ReviewRow[], g: SlotGroups, k: number): { reply: number; carried: number; nak: number } {
  let reply = 0, carried = 0, nak = 0;
  for (let j = g.at[k]; j < g.at[k + 1]; j++) {
    const r = reviews[g.items[j]];
    if (isNak(r)) nak++;
    else if (isReplyReview(r)) reply++;
    else if (isCarriedReview(r)) carried++;
  }
  return { reply, carried, nak };
}

export function quantile(sorted: number[], q: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function groupBy<T>(xs: T[], key: (x: T) => string | null): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of xs) { const k = key(x); if (k === null) continue; const l = m.get(k); if (l) l.push(x); else m.set(k, [x]); }
  return m;
}

/**
 * Rows of every thread, and each one's detail on demand (`detail(k)`: row k's): the shard writer
 * serialises each detail as it is made, so ~all the corpus's messages are not held twice as
 * detail objects (at 200k messages they outlived many young-generation GCs, a third of the time).
 */
export function buildThreadsArtifacts(a: Analysis): { threads: ThreadsArtifact; detail: (k: number) => ThreadDetail; reviewsOf: (k: number) => ReviewRow[] } {
  const msgs = a.corpus.messages;
  const threadObs = new Map(a.observations.filter((o) => o.kind === "thread").map((o) => [o.key, o]));
  const revByThread = groupBy(a.reviews, (r) => r.threadId);
  const rows: ThreadRow[] = a.tr.threads.map((t, ti) => {
    const revs = revByThread.get(t.id) ?? [];
    const homes: Record<string, number> = Object.create(null);
    for (const p of t.participants) if (!a.bots.has(p)) { const h = a.home.get(p) ?? "other"; homes[h] = (homes[h] ?? 0) + 1; }
    const o = threadObs.get(t.id);
    return {
      id: t.id, key: threadKey(a, ti), subject: t.subject, author: t.rootIsPhantom ? null : personRef(a, t.author), root_missing: t.rootIsPhantom,
      messages: t.members.length, participants: t.participants.length, lists: t.lists, start: t.start, end: t.end,
      depth: t.depth, series_id: t.seriesId, is_series: t.isSeries, first_reply_ms: o?.answered ? o.time : null,
      // Same definition as responsiveness.json: observed (root present, dated, not a bot) and no reply yet.
      unanswered: o ? !o.answered : null,
      reviews: revs.filter(isTrailerReview).length, naks: revs.filter(isNak).length, homes, detail: true,
    };
  });
  const detail = (ti: number): ThreadDetail => {
    const row = rows[ti], t = a.tr.threads[ti];
    let base = a.tr.threading.depth[t.root];
    if (t.rootIsPhantom) { base = Infinity; for (const i of t.members) base = Math.min(base, a.tr.threading.depth[i]); }
    const count = new Map<string, { n: number; first: number | null }>();
    const messages = t.members.map((i) => {
      const m = msgs[i];
      const p = a.tr.threading.parent[i];
      const c = count.get(m.from) ?? { n: 0, first: m.date };
      c.n++; count.set(m.from, c);
      const pp = m.patch;
      return {
        id: m.id, parent: p >= 0 ? msgs[p].id : null, from: m.from, date: m.date,
        // A forwarded patch: the in-body author, besides the sender in `from`.
        ...(m.author !== undefined ? { author: personRef(a, m.author) } : {}),
        latency_ms: p >= 0 && m.date !== null && msgs[p].date !== null ? m.date - msgs[p].date! : null,
        lists: m.lists, subject: m.subject, depth: a.tr.threading.depth[i] - base,
        patch: pp.isPatch ? `v${pp.version}${pp.index !== null ? ` ${pp.index}/${pp.total}` : ""}` : null,
      };
    });
    return {
      thread: row, messages,
      participants: [...count.entries()].map(([id, c]) => ({ ...personRef(a, id), messages: c.n, first: c.first })),
      ...threadReviews(a, revByThread.get(t.id) ?? []),
    };
  };
  return { threads: { rows }, detail, reviewsOf: (k) => revByThread.get(a.tr.threads[k].id) ?? [] };
}

/** A thread detail's trailers and NAKs, from the thread's review rows. */
export function threadReviews(a: Analysis, revs: readonly ReviewRow[]): Pick<ThreadDetail, "trailers" | "naks"> {
  return {
    trailers: revs.filter(isTrailerReview).map((r) => ({ kind: r.kind, from: personRef(a, r.reviewer), to: r.author ? personRef(a, r.author) : null,
      message_id: r.messageId, applies_to: r.appliesTo === "series" ? `series ${r.seriesId}` : r.target ?? "" })),
    naks: revs.filter(isNak).map((r) => ({ from: personRef(a, r.reviewer), to: r.author ? personRef(a, r.author) : null,
      message_id: r.messageId, source: r.kind === "nak-line" ? "line" as const : "trailer" as const, cross_subsystem: r.crossSubsystem })),
  };
}

/**
 * A person detail's content in order, before serialisation: `activity` [month, list, messages],
 * `out`/`in` [person id, replies] (top 25), review and NAK rows (the first 1,000 reviews), their
 * reply latencies' count, median and 90th percentile, `threads` their biggest 50 (thread indexes).
 */
export interface PersonDetailParts {
  row: PersonRow; emails: string[]; activity: [string, string, number][]; out: [string, number][]; in: [string, number][];
  reviewsGiven: ReviewRow[]; reviewsReceived: ReviewRow[]; naksGiven: ReviewRow[]; naksReceived: ReviewRow[];
  replies: number; median: number | null; p90: number | null; threads: number[];
}

/**
 * Rows of every person (bots included, flagged) and each one's detail on demand, like the threads'
 * (buildThreadsArtifacts): `ids` in the order details are written, `emails(id)` their addresses.
 * People are numbered once (person-index.ts) and their messages, replies and reviews grouped by
 * that number in typed arrays: no Map of arrays per person, nothing computed twice per person.
 */
export function buildPeopleArtifacts(a: Analysis): { people: PeopleArtifact; ids: string[]; emails: (id: string) => string[]; detail: (id: string) => PersonDetail;
  detailParts: (id: string) => PersonDetailParts; messageIndex: (id: string) => number | undefined } {
  const msgs = a.corpus.messages;
  const x = peopleIndex(a), { index, idOf, count, human } = x;
  // Message index by id, for review targets' subjects on person pages (the one shared index).
  const indexOf = (id: string) => messageIndex(msgs).get(id);
  // Threads each person started, counted once (not a scan of every thread per person).
  const startedBy = new Int32Array(count);
  for (const t of a.tr.threads) if (!t.rootIsPhantom) { const k = index.get(t.sender); if (k !== undefined && k < count) startedBy[k]++; }
  // Thread index of each message, and the distinct threads of a person's messages (first seen
  // first) by marking each thread with the call's stamp: no Set of thread ids per person, twice.
  const msgThread = Int32Array.from(a.tr.threading.threadId, (tid) => a.tr.threadIndex.get(tid)!);
  // Each message's date (NaN: none) read once in corpus order: a person's messages are scattered
  // over the corpus, and reading each one's object again per person was cache misses.
  const dates = Float64Array.from(msgs, (m) => (m.date === null ? NaN : m.date));
  const mark = new Int32Array(a.tr.threads.length);
  let stamp = 0;
  const threadsOf = (k: number): number[] => {
    const out: number[] = [], g = x.byPerson;
    stamp++;
    for (let j = g.at[k]; j < g.at[k + 1]; j++) { const ti = msgThread[g.items[j]]; if (mark[ti] !== stamp) { mark[ti] = stamp; out.push(ti); } }
    return out;
  };
  const rows: PersonRow[] = new Array(count);
  // Reply latencies (>= 0) sorted per person, once: their count, median and 90th percentile.
  const replies = new Int32Array(count), median = new Float64Array(count), p90 = new Float64Array(count);
  const lat = new Float64Array(human.length);
  const rev = (g: SlotGroups, k: number) => { const out: ReviewRow[] = []; for (let j = g.at[k]; j < g.at[k + 1]; j++) out.push(a.reviews[g.items[j]]); return out; };
  for (let k = 0; k < count; k++) {
    const id = idOf[k], mine = x.byPerson, p = a.people.get(id);
    // A loop, not Math.min(...dates): a prolific sender (a bot) would overflow the call stack.
    let first = Infinity, last = -Infinity;
    for (let j = mine.at[k]; j < mine.at[k + 1]; j++) {
      const d = dates[mine.items[j]];
      if (d < first) first = d;
      if (d > last) last = d;
    }
    let series = 0;
    if (slotSize(x.authored, k)) {
      const s = new Set<string>();
      for (let j = x.authored.at[k]; j < x.authored.at[k + 1]; j++) { const id = a.tr.series[x.authored.items[j]]; if (id !== null) s.add(id); }
      series = s.size;
    }
    let n = 0;
    const from = x.sent.at[k];
    for (let j = from; j < x.sent.at[k + 1]; j++) { const l = human[x.sent.items[j]].latency; if (l !== null && l >= 0) lat[from + n++] = l; }
    const sorted = lat.subarray(from, from + n).sort();
    replies[k] = n;
    median[k] = n ? sorted[Math.min(n - 1, Math.floor(0.5 * n))] : NaN;
    p90[k] = n ? sorted[Math.min(n - 1, Math.floor(0.9 * n))] : NaN;
    const messages = slotSize(mine, k), mt = a.metrics.nodes.get(id), gc = reviewCounts(a.reviews, x.given, k), rc = reviewCounts(a.reviews, x.received, k);
    // The reference's fields named, not spread: a spread followed by ~30 more properties made each
    // row a dictionary-mode object (slow to build, and JSON.stringify's slow path for every row).
    const ref = personRef(a, id);
    rows[k] = {
      id: ref.id, key: ref.key, name: ref.name, home: ref.home, email: p?.email ?? id, bot: a.bots.has(id), messages, lists: a.personLists.get(id) ?? {},
      threads: threadsOf(k).length, threads_started: startedBy[k],
      patches_authored: slotSize(x.authored, k), patches_for_others: x.forOthers[k], series_authored: series,
      first: first === Infinity ? null : first, last: last === -Infinity ? null : last,
      replies_sent: slotSize(x.sent, k), replies_received: slotSize(x.recv, k),
      active: messages > 0 && !a.bots.has(id),
      reviews_given: gc.reply, reviews_received: rc.reply, reviews_carried: gc.carried, reviews_carried_received: rc.carried,
      naks_given: gc.nak, naks_received: rc.nak,
      first_replies: x.firsts[k], median_reply_ms: n ? median[k] : null,
      pagerank: mt?.pagerank ?? null, community: mt?.community ?? null, detail: true,
    };
  }
  // "YYYY-MM" of a day, made once per day (not a string per message).
  const months = new Map<number, string>();
  const monthAt = (date: number) => { const d = Math.floor(date / DAY); let m = months.get(d); if (m === undefined) months.set(d, (m = monthOf(date))); return m; };
  // The top 25 others of a person's replies [id, replies], most first, ties in first-seen order (counted by person index).
  const tally = new Int32Array(idOf.length), seen = new Int32Array(idOf.length);
  let corrStamp = 0;
  const corr = (g: SlotGroups, k: number, other: Int32Array): [string, number][] => {
    const order: number[] = [];
    corrStamp++;
    for (let j = g.at[k]; j < g.at[k + 1]; j++) { const o = other[g.items[j]]; if (seen[o] !== corrStamp) { seen[o] = corrStamp; tally[o] = 0; order.push(o); } tally[o]++; }
    return order.sort((p, q) => tally[q] - tally[p]).slice(0, 25).map((o) => [idOf[o], tally[o]]);
  };
  // Each thread's message count, read from a typed array by the sorts of every person's threads (not from each thread object per comparison).
  const threadSize = Int32Array.from(a.tr.threads, (t) => t.members.length);
  // What a detail holds, before it becomes objects (detail) or JSON text (person-detail-json.ts).
  const detailParts = (id: string): PersonDetailParts => {
    const k = index.get(id)!, row = rows[k], mine = x.byPerson;
    // [month, list, messages] in first-seen order (then sorted by month), counted by month then
    // list: no "month|list" key string per message and list.
    const act = new Map<string, Map<string, [string, string, number]>>(), activity: [string, string, number][] = [];
    for (let j = mine.at[k]; j < mine.at[k + 1]; j++) {
      const m = msgs[mine.items[j]];
      if (m.date === null) continue;
      const month = monthAt(m.date);
      let byList = act.get(month);
      if (!byList) act.set(month, (byList = new Map()));
      for (const l of m.lists) {
        let c = byList.get(l);
        if (!c) { byList.set(l, (c = [month, l, 0])); activity.push(c); }
        c[2]++;
      }
    }
    const g = rev(x.given, k), r = rev(x.received, k);
    return {
      row, emails: a.people.get(id)?.emails ?? [row.email],
      activity: activity.sort((x, y) => (x[0] < y[0] ? -1 : 1)),
      out: corr(x.sent, k, x.toIdx), in: corr(x.recv, k, x.fromIdx),
      reviewsGiven: g.filter(isTrailerReview).slice(0, 1000), reviewsReceived: r.filter(isTrailerReview).slice(0, 1000),
      naksGiven: g.filter(isNak), naksReceived: r.filter(isNak),
      replies: replies[k], median: replies[k] ? median[k] : null, p90: replies[k] ? p90[k] : null,
      threads: threadsOf(k).sort((x, y) => threadSize[y] - threadSize[x]).slice(0, 50),
    };
  };
  const detail = (id: string): PersonDetail => {
    const d = detailParts(id), row = d.row;
    const ref = (x: ReviewRow, other: string | null): ReviewRef => {
      const t = a.tr.threads[a.tr.threadIndex.get(x.threadId)!];
      const target = x.target !== null ? indexOf(x.target) : undefined;
      return { kind: x.kind, other: personRef(a, other ?? ""), message_id: x.messageId, thread_id: x.threadId,
        thread_key: threadKey(a, a.tr.threadIndex.get(x.threadId)!), subject: t.subject, date: x.date, lists: x.lists,
        source: x.source, target_id: x.target, target_subject: target !== undefined ? msgs[target].subject : null };
    };
    return {
      person: row, emails: d.emails,
      activity: d.activity.map(([month, list, messages]) => ({ month, list, messages })),
      correspondents_out: d.out.map(([o, w]) => ({ ...personRef(a, o), w })),
      correspondents_in: d.in.map(([o, w]) => ({ ...personRef(a, o), w })),
      reviews_given: d.reviewsGiven.map((x) => ref(x, x.author)),
      reviews_received: d.reviewsReceived.map((x) => ref(x, x.reviewer)),
      naks_given: d.naksGiven.map((x) => ref(x, x.author)),
      naks_received: d.naksReceived.map((x) => ref(x, x.reviewer)),
      response: { replies: d.replies, median_ms: d.median, p90_ms: d.p90, first_replies: row.first_replies },
      threads: d.threads.map((ti) => { const t = a.tr.threads[ti]; return { id: t.id, key: threadKey(a, ti), subject: t.subject, messages: t.members.length, start: t.start, started: t.sender === id && !t.rootIsPhantom }; }),
    };
  };
  // The rows' order is the page's; `ids` (first seen) is the details' (shard bytes stay as they were).
  const order = idOf.slice(0, count), sortedRows = rows.slice();
  sortedRows.sort((x, y) => y.messages - x.messages || (x.id < y.id ? -1 : 1));
  return { people: { rows: sortedRows }, ids: order, emails: (id) => a.people.get(id)?.emails ?? [rows[index.get(id)!].email], detail, detailParts, messageIndex: indexOf };
}

/** Days for which the number at risk is given (the page shows up to 60). */
const RISK_DAYS = 60;
function curve(group: string, kind: "thread" | "series", obs: Observation[]): KmCurve {
  const km = kaplanMeier(obs);
  // Thin the steps for the browser: at most ~400 points per curve, always keeping the last.
  const step = Math.max(1, Math.ceil(km.points.length / 400));
  const keep = (i: number) => i % step === 0 || i === km.points.length - 1;
  const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
  const points = km.points.filter((_, i) => keep(i)).map(([t, s]) => [t, r5(s)] as [number, number]);
  const band = km.band.filter((_, i) => keep(i)).map(([, lo, hi]) => [r5(lo), r5(hi)] as [number, number]);
  const at_risk_days = Array.from({ length: RISK_DAYS + 1 }, (_, d) => (d === 0 ? km.n : km.riskAt(d * DAY)));
  return { group, kind, n: km.n, events: km.events, censored: km.censored, points, band, at_risk_days, median_ms: km.median,
    unanswered: { d1: km.at(DAY), d7: km.at(7 * DAY), d30: km.at(30 * DAY) } };
}

export function buildResponsiveness(a: Analysis): ResponsivenessArtifact {
  const curves: KmCurve[] = [];
  for (const kind of ["thread", "series"] as const) {
    const obs = a.observations.filter((o) => o.kind === kind);
    if (!obs.length) continue;
    curves.push(curve("all", kind, obs));
    for (const l of a.corpus.lists) { const s = obs.filter((o) => o.lists.includes(l)); if (s.length) curves.push(curve(`list:${l}`, kind, s)); }
    for (const [m, s] of groupBy(obs, (o) => monthOf(o.start))) curves.push(curve(`month:${m}`, kind, s));
  }
  const first_responders: ResponsivenessArtifact["first_responders"] = [];
  for (const l of ["*", ...a.corpus.lists]) {
    const obs = a.observations.filter((o) => o.kind === "thread" && o.responder && (l === "*" || o.lists.includes(l)));
    for (const [id, os] of [...groupBy(obs, (o) => o.responder).entries()].sort((x, y) => y[1].length - x[1].length).slice(0, 25)) {
      const t = os.map((o) => o.time).sort((x, y) => x - y);
      first_responders.push({ list: l, person: personRef(a, id), first_replies: os.length, median_ms: quantile(t, 0.5) });
    }
  }
  return { window_end: a.windowEnd, curves, first_responders };
}

export function buildReviews(a: Analysis): ReviewsArtifact {
  const lists = a.corpus.lists;
  const li = new Map(lists.map((l, i) => [l, i]));
  const pairs = new Map<string, ReviewsArtifact["pairs"][number]>();
  const homes = homeLabels(lists);
  const hi = new Map(homes.map((l, i) => [l, i]));
  const matrix = homes.map(() => homes.map(() => 0));
  const totals = { reviewed: 0, acked: 0, tested: 0, naks: 0, cross_subsystem_naks: 0, carried: 0, pw_bot_changes_requested: 0, pw_bot_rejected: 0 };
  for (const r of a.reviews) {
    if (isNak(r)) { totals.naks++; if (r.crossSubsystem) totals.cross_subsystem_naks++; continue; }
    if (isPwVerdict(r)) { if (r.kind === "pw-bot-rejected") totals.pw_bot_rejected++; else totals.pw_bot_changes_requested++; continue; }
    if (isCarriedReview(r)) totals.carried++;
    if (!isReplyReview(r)) continue; // aggregates count reviews given in replies (in the window)
    const k = `${r.reviewer}\u0000${r.author!}`;
    const p = pairs.get(k) ?? { reviewer: personRef(a, r.reviewer), author: personRef(a, r.author!), reviewed: 0, acked: 0, tested: 0, lists: [] };
    if (r.kind === "reviewed-by") { p.reviewed++; totals.reviewed++; }
    if (r.kind === "acked-by") { p.acked++; totals.acked++; }
    if (r.kind === "tested-by") { p.tested++; totals.tested++; }
    for (const l of r.lists) if (li.has(l) && !p.lists.includes(l)) p.lists.push(l);
    pairs.set(k, p);
    const h = a.home.get(r.reviewer), g = a.home.get(r.author!);
    if (h && g) matrix[hi.get(h)!][hi.get(g)!]++;
  }
  const evidence = (r: ReviewRow) => ({
    from: personRef(a, r.reviewer), to: r.author ? personRef(a, r.author) : null, message_id: r.messageId, thread_id: r.threadId,
    thread_key: threadKey(a, a.tr.threadIndex.get(r.threadId)!), subject: a.tr.threads[a.tr.threadIndex.get(r.threadId)!].subject,
    date: r.date, lists: r.lists, cross_subsystem: r.crossSubsystem,
  });
  const naks = a.reviews.filter(isNak).map((r) => ({ ...evidence(r), source: r.kind === "nak-line" ? "line" as const : "trailer" as const }));
  const pw_bot = a.reviews.filter(isPwVerdict).map((r) => ({ ...evidence(r), kind: r.kind === "pw-bot-rejected" ? "rejected" as const : "changes-requested" as const }));
  return { lists, home_lists: homes, pairs: [...pairs.values()].sort((x, y) => y.reviewed + y.acked + y.tested - x.reviewed - x.acked - x.tested), home_matrix: matrix, naks, pw_bot, totals };
}
