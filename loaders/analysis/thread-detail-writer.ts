// A thread's page data (ThreadDetail, in the thread shards) written straight to its JSON text from
// a DetailSource: thread-detail-json.ts makes one from the Analysis in this thread, the thread-shards
// worker (thread-shards-run.ts) from its compact copy. Few imports: the worker loads this module.
import type { AnalysisMessage } from "../model/corpus.ts";
import { DETAIL_ROWS } from "./bounded.ts";
import { capLength, clipText } from "../model/clip.ts";

const J = JSON.stringify;
/** A string artifactJson bounds as an id (capLength) or as display text (clipText). */
const id = (s: string) => J(capLength(s));
const text = (s: string) => J(clipText(s));
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

/** A thread's trailers and NAKs as the detail holds them (JSON texts, already cut to DETAIL_ROWS), and their full counts. */
export interface DetailReviews { trailers: string; naks: string; nTrailers: number; nNaks: number }
/** A thread without trailers or NAKs (most of them). */
export const NO_REVIEWS: DetailReviews = { trailers: "[]", naks: "[]", nTrailers: 0, nNaks: 0 };

/**
 * `json(k, row, reviews, series)`: the detail text of thread k (src.threads[k]) with its row's text
 * `row` (artifactJson of threads.rows[k]), its trailers and NAKs, and its series part as JSON text (null: none).
 */
export function detailWriter(src: DetailSource): (k: number, row: string, reviews: DetailReviews, series: string | null) => string {
  const { msgs, parent, depth, ref } = src;
  const lists = new Map<readonly string[], string>();
  const listsJson = (l: readonly string[]) => { let r = lists.get(l); if (r === undefined) lists.set(l, (r = J(l.map((x) => capLength(x))))); return r; };
  const message = (i: number, base: number): string => {
    const m = msgs[i], p = parent[i], pp = m.patch;
    const pd = p >= 0 ? msgs[p].date : null;
    const patch = pp.isPatch ? id(`v${pp.version}${pp.index !== null ? ` ${pp.index}/${pp.total}` : ""}`) : "null";
    return `{"id":${id(m.id)},"parent":${p >= 0 ? id(msgs[p].id) : "null"},"from":${id(m.from)},"date":${num(m.date)}` +
      (m.author !== undefined ? `,"author":${ref(m.author)}` : "") +
      `,"latency_ms":${p >= 0 && m.date !== null && pd !== null ? J(m.date - pd) : "null"},"lists":${listsJson(m.lists)}` +
      `,"subject":${text(m.subject)},"depth":${J(depth[i] - base)},"patch":${patch}}`;
  };
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
    const out = [`{"thread":${row},"messages":[`];
    members.forEach((i, j) => { out.push(j ? "," : "", message(i, base)); });
    out.push(`],"participants":[`);
    parts.forEach(([p, c], j) => { out.push(j ? "," : "", ref(p).slice(0, -1), `,"messages":${c.n},"first":${num(c.first)}}`); });
    out.push(`],"trailers":${reviews.trailers},"naks":${reviews.naks}`);
    if (series !== null) out.push(`,"series":${series}`);
    if (cut) out.push(`,"full_counts":${J({ messages: t.members.length, participants: count.size, trailers: reviews.nTrailers, naks: reviews.nNaks })}`);
    out.push("}");
    return out.join("");
  };
}
