// A thread's page data (thread/t-XX.json) written straight to its compact JSON text from a
// DetailSource: thread-detail-json.ts makes one from the Analysis in this thread, the thread-shards
// worker (thread-shards-run.ts) from its compact copy. Few imports: the worker loads this module.
// The format (docs/analysis.md "Thread shards"; src/components/thread-detail.js turns it back into
// the ThreadDetail object of artifacts.ts) holds each message as one array row, no key names:
//   [id, parent, from, date, depth, lists, subject, patch, author]   (trailing nulls dropped)
//   parent  index of the parent's row (-1: none); [parent id, latency_ms] when the parent is not a row (a cut thread)
//   from    index into `participants`; the person id when not among them (a cut thread)
//   date    ms after the detail's `t0` (null: undated)
//   lists   index into the detail's `lists` table
//   subject null when it is "Re: " + the parent row's subject (the parent's own when that starts
//           with "Re: "); a row without an earlier parent row: null when it equals the thread's subject
//   author  a forwarded patch's in-body author (PersonRef)
// Trailers are [kind, from, to, message_id, applies_to] and NAKs [from, to, message_id, source,
// cross_subsystem]: a person as an index into `participants` (else their PersonRef; to: null when
// unknown), a Message-ID as the index of its row (else the string). So a thread holds each
// Message-ID once and a reply's subject only where it changes. Latencies are the dates'
// differences (exact: dates are integer ms).
import type { AnalysisMessage } from "../model/corpus.ts";
import { DETAIL_ROWS } from "./bounded.ts";
import { capLength, clipText } from "../model/clip.ts";

const J = JSON.stringify;
/** A string artifactJson bounds as an id (capLength) or as display text (clipText). */
const id = (s: string) => J(capLength(s));
const num = (x: number | null) => (x === null ? "null" : J(x));

/** What a thread detail reads: the messages and threads of the analysis, and each person's ref as JSON text. */
export interface DetailSource {
  msgs: readonly Pick<AnalysisMessage, "id" | "from" | "date" | "author" | "lists" | "subject" | "patch">[];
  parent: ArrayLike<number>;
  depth: ArrayLike<number>;
  threads: readonly { root: number; rootIsPhantom: boolean; members: readonly number[] }[];
  /** artifactJson(personRef(a, id)). */
  ref(id: string): string;
}

/** A trailer as the writer takes it: kind, reviewer and author (person ids; author null: unknown), message_id, applies_to. */
export type TrailerRow = [kind: string, from: string, to: string | null, messageId: string, appliesTo: string];
/** A NAK: NAKer and author (person ids), message_id, source ("trailer" | "line"), cross_subsystem. */
export type NakRow = [from: string, to: string | null, messageId: string, source: string, crossSubsystem: boolean];
/** A thread's trailers and NAKs (already cut to DETAIL_ROWS; threadReviews in build-people.ts), and their full counts. */
export interface DetailReviews { trailers: TrailerRow[]; naks: NakRow[]; nTrailers: number; nNaks: number }
/** A thread without trailers or NAKs (most of them). */
export const NO_REVIEWS: DetailReviews = { trailers: [], naks: [], nTrailers: 0, nNaks: 0 };

/** The subject a reply to a message with subject `s` is written without (the page's copy: src/components/thread-detail.js). */
export const replySubject = (s: string): string => (s.startsWith("Re: ") ? s : `Re: ${s}`);

/**
 * `json(k, row, reviews, series)`: the detail text of thread k (src.threads[k]) with its row's text
 * `row` (artifactJson of threads.rows[k]), its trailers and NAKs, and its `series` member's JSON text (null: none).
 */
export function detailWriter(src: DetailSource): (k: number, row: string, reviews: DetailReviews, series: string | null) => string {
  const { msgs, parent, depth, ref } = src;
  // Each distinct lists array's JSON once (messages share the corpus' arrays).
  const listsText = new Map<readonly string[], string>();
  const listsJson = (l: readonly string[]) => { let r = listsText.get(l); if (r === undefined) listsText.set(l, (r = J(l.map((x) => capLength(x))))); return r; };
  return (k, row, reviews, series) => {
    const t = src.threads[k];
    let base = depth[t.root];
    if (t.rootIsPhantom) { base = Infinity; for (const i of t.members) base = Math.min(base, depth[i]); }
    // Participants in order of their first message, with their count and first date.
    const count = new Map<string, { n: number; first: number | null }>();
    for (const i of t.members) { const c = count.get(msgs[i].from); if (c) c.n++; else count.set(msgs[i].from, { n: 1, first: msgs[i].date }); }
    let members = t.members, parts = [...count];
    // boundThreadDetail's cut: messages in date order, the most active participants, the first trailers and NAKs.
    const cut = members.length > DETAIL_ROWS || parts.length > DETAIL_ROWS || reviews.nTrailers > DETAIL_ROWS || reviews.nNaks > DETAIL_ROWS;
    if (cut) {
      members = members.slice().sort((x, y) => (msgs[x].date ?? 0) - (msgs[y].date ?? 0)).slice(0, DETAIL_ROWS);
      parts = parts.slice().sort((x, y) => y[1].n - x[1].n).slice(0, DETAIL_ROWS);
    }
    const rowOf = new Map<number, number>(), partOf = new Map<string, number>();
    let t0: number | null = null, exactDates = true;
    for (let j = 0; j < members.length; j++) {
      rowOf.set(members[j], j);
      const d = msgs[members[j]].date;
      if (t0 === null && d !== null) t0 = d;
      if (d !== null && !Number.isSafeInteger(d)) exactDates = false;
    }
    // Dates relative to t0 only when they are integers (their differences are then exact).
    if (!exactDates) t0 = 0;
    parts.forEach(([p], j) => partOf.set(p, j));
    const listAt = new Map<string, number>(), lists: string[] = [], subjects: string[] = [];
    const threadSubject = clipText(msgs[t.root].subject);
    const out = [`{"thread":${row},"t0":${num(t0)},"msgs":[`];
    members.forEach((i, j) => {
      const m = msgs[i], p = parent[i], pp = m.patch, pj = p >= 0 ? rowOf.get(p) : undefined;
      const l = listsJson(m.lists);
      let li = listAt.get(l);
      if (li === undefined) { listAt.set(l, (li = lists.length)); lists.push(l); }
      const subject = (subjects[j] = clipText(m.subject));
      const expected = pj !== undefined && pj < j ? replySubject(subjects[pj]) : threadSubject;
      let parentText = "-1";
      if (pj !== undefined) parentText = J(pj);
      else if (p >= 0) { const pd = msgs[p].date; parentText = `[${id(msgs[p].id)},${m.date !== null && pd !== null ? J(m.date - pd) : "null"}]`; }
      const fi = partOf.get(m.from);
      // The optional tail: subject, patch, author, trailing nulls dropped.
      const patch = pp.isPatch ? id(`v${pp.version}${pp.index !== null ? ` ${pp.index}/${pp.total}` : ""}`) : "null";
      let tail = m.author !== undefined ? `,${ref(m.author)}` : "";
      if (tail || patch !== "null") tail = `,${patch}${tail}`;
      if (tail || subject !== expected) tail = `,${subject === expected ? "null" : J(subject)}${tail}`;
      out.push(`${j ? ",[" : "["}${id(m.id)},${parentText},${fi !== undefined ? fi : id(m.from)},${m.date === null ? "null" : J(m.date - t0!)},${depth[i] - base},${li}${tail}]`);
    });
    out.push(`],"lists":[${lists.join(",")}],"participants":[`);
    parts.forEach(([p, c], j) => { out.push(j ? "," : "", ref(p).slice(0, -1), `,"messages":${c.n},"first":${num(c.first)}}`); });
    // Trailers and NAKs name participants and rows by index.
    let ids: Map<string, number> | undefined;
    const msgRef = (x: string) => { ids ??= new Map(members.map((i, j) => [msgs[i].id, j])); const j = ids.get(x); return j !== undefined ? J(j) : id(x); };
    const who = (p: string | null) => { if (p === null) return "null"; const j = partOf.get(p); return j !== undefined ? J(j) : ref(p); };
    out.push(`],"trailers":[${reviews.trailers.map(([kind, from, to, m, applies]) => `[${id(kind)},${who(from)},${who(to)},${msgRef(m)},${msgRef(applies)}]`).join(",")}]`,
      `,"naks":[${reviews.naks.map(([from, to, m, source, cross]) => `[${who(from)},${who(to)},${msgRef(m)},${id(source)},${J(cross)}]`).join(",")}]`);
    if (series !== null) out.push(`,"series":${series}`);
    if (cut) out.push(`,"full_counts":${J({ messages: t.members.length, participants: count.size, trailers: reviews.nTrailers, naks: reviews.nNaks })}`);
    out.push("}");
    return out.join("");
  };
}
