// A thread's page data (ThreadDetail, in the thread shards) written straight to its JSON text:
// the same bytes as artifactJson(boundThreadDetail(detail)) (build-people.ts builds that object,
// the reference test/analysis/thread-detail-json.test.ts compares with), without an object per
// message nor artifactJson's walk over them. At ~200k messages the detail objects were most of the
// thread shards' time and a large share of the analysis' garbage collection.
import type { Analysis } from "./analyze.ts";
import type { ThreadRow } from "./artifacts.ts";
import type { ReviewRow } from "./reviews.ts";
import { artifactJson, DETAIL_ROWS } from "./bounded.ts";
import { personRef } from "./build-graph.ts";
import { threadReviews } from "./build-people.ts";
import { capLength, clipText } from "../model/clip.ts";

const J = JSON.stringify;
/** A string artifactJson bounds as an id (capLength) or as display text (clipText). */
const id = (s: string) => J(capLength(s));
const text = (s: string) => J(clipText(s));
const num = (x: number | null) => (x === null ? "null" : J(x));

/**
 * `json(k, series, row)`: the detail text of thread k (a.tr.threads[k]) with its row's text `row`
 * (artifactJson of threads.rows[k]) and its optional series part (null: none).
 */
export function threadDetailJson(a: Analysis, reviewsOf: (k: number) => readonly ReviewRow[]):
  (k: number, series: unknown, row: string) => string {
  const msgs = a.corpus.messages, { parent, depth } = a.tr.threading;
  const refs = new Map<string, string>(), lists = new Map<readonly string[], string>();
  const ref = (p: string) => { let r = refs.get(p); if (r === undefined) refs.set(p, (r = artifactJson(personRef(a, p)))); return r; };
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
  return (k, series, row) => {
    const t = a.tr.threads[k];
    let base = depth[t.root];
    if (t.rootIsPhantom) { base = Infinity; for (const i of t.members) base = Math.min(base, depth[i]); }
    // Participants in order of their first message, with their count and first date.
    const count = new Map<string, { n: number; first: number | null }>();
    for (const i of t.members) { const c = count.get(msgs[i].from); if (c) c.n++; else count.set(msgs[i].from, { n: 1, first: msgs[i].date }); }
    let members = t.members, parts = [...count];
    const { trailers, naks } = threadReviews(a, reviewsOf(k));
    // boundThreadDetail's cut: messages in date order, the most active participants, the first trailers and NAKs.
    const cut = members.length > DETAIL_ROWS || parts.length > DETAIL_ROWS || trailers.length > DETAIL_ROWS || naks.length > DETAIL_ROWS;
    if (cut) {
      members = members.slice().sort((x, y) => (msgs[x].date ?? 0) - (msgs[y].date ?? 0)).slice(0, DETAIL_ROWS);
      parts = parts.slice().sort((x, y) => y[1].n - x[1].n).slice(0, DETAIL_ROWS);
    }
    const out = [`{"thread":${row},"messages":[`];
    members.forEach((i, j) => { out.push(j ? "," : "", message(i, base)); });
    out.push(`],"participants":[`);
    parts.forEach(([p, c], j) => { out.push(j ? "," : "", ref(p).slice(0, -1), `,"messages":${c.n},"first":${num(c.first)}}`); });
    // Most threads have neither: "[]" without a call.
    const list = (xs: unknown[]) => (xs.length ? artifactJson(cut ? xs.slice(0, DETAIL_ROWS) : xs) : "[]");
    out.push(`],"trailers":${list(trailers)},"naks":${list(naks)}`);
    if (series !== null) out.push(`,"series":${artifactJson(series)}`);
    if (cut) out.push(`,"full_counts":${J({ messages: t.members.length, participants: count.size, trailers: trailers.length, naks: naks.length })}`);
    out.push("}");
    return out.join("");
  };
}

/** The JSON text of each thread row, made once: threads.json, its parts, the top rows and the details all hold it. */
export function threadRowJson(rows: readonly ThreadRow[]): string[] {
  return rows.map((r) => artifactJson(r));
}
