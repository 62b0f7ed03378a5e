// Compact fact tables the pages filter in the browser (docs/site.md "Fact tables"): one row per
// message and per review, as integer columns, so any window, list set and bot setting is computed
// client-side without a rebuild. The encoding favours gzip: rows sorted by date, days as deltas,
// people numbered by activity (busy people get short numbers), threads as back-references to
// recently started threads. src/components/facts.js decodes it; the same definitions drive
// `threadgraph stats --since/--until` (analysis/window-stats.ts).
import { DAY } from "../model/window.ts";
import type { Analysis } from "./analyze.ts";
import { isNak, isReplyReview } from "./build-people.ts";

export const FACTS_SCHEMA = 1;

/** Message flag bits. */
export const FLAG = { patch: 1, reply: 2, bot: 4 } as const;
/** Review kinds in FactsArtifact.reviews.kind (a bot reviewer adds REVIEW_BOT). */
export const REVIEW_KIND = { review: 0, nak: 1 } as const;
export const REVIEW_BOT = 2;

export interface FactsArtifact {
  schema: number;
  /** Bit i of a lists mask is lists[i]. */
  lists: string[];
  /** Day number (days since 1970-01-01 UTC) the first day delta starts from. */
  day0: number;
  messages: {
    n: number;
    /** The first `dated` rows have a date; the rest are undated (they count only when no window is set). */
    dated: number;
    /** Day of each dated message, as the difference to the previous row's (the first to day0). */
    day: number[];
    lists: number[];
    /** Sender: a person index (people ordered by messages sent, most first). */
    person: number[];
    /**
     * Thread: its row in threads.json (threads by start date), as hi - row, where hi is 1 + the
     * highest row seen in earlier messages: 0 for a thread's first message, small for recent threads.
     */
    thread: number[];
    flags: number[];
  };
  /** bots: person indices of bots; row: each person's row in people.json (-1: none). */
  people: { n: number; bots: number[]; row: number[] };
  threads: { n: number };
  /** Reviews given in replies and NAKs (carried tags are not windowed figures). */
  reviews: {
    /** Message row carrying the review, as the difference to the previous review's row (rows ascending). */
    msg: number[];
    /** REVIEW_KIND, + REVIEW_BOT when the reviewer is a bot. */
    kind: number[];
    /** Lists of the review's thread (its `lists` in the reviews table). */
    lists: number[];
  };
}

/** `peopleRows`: the ids of people.json's rows, in order (so pages can name a person index). */
export function buildFacts(a: Analysis, peopleRows: readonly string[] = []): FactsArtifact {
  const msgs = a.corpus.messages;
  const lists = a.corpus.lists;
  const bit = new Map(lists.map((l, i) => [l, 2 ** i]));
  const maskOf = (ls: readonly string[]) => { let m = 0; for (const l of new Set(ls)) m += bit.get(l) ?? 0; return m; };
  // Row order: dated messages by date (then their corpus order), undated last.
  const order = Array.from(msgs.keys());
  order.sort((x, y) => {
    const dx = msgs[x].date, dy = msgs[y].date;
    if (dx === null || dy === null) return dx === dy ? x - y : dx === null ? 1 : -1;
    return dx - dy || x - y;
  });
  const rowOf = new Int32Array(msgs.length);
  order.forEach((i, r) => { rowOf[i] = r; });
  // People by messages sent (most first), ties by id so equal stores give equal bytes.
  const sent = new Map<string, number>();
  for (const m of msgs) sent.set(m.from, (sent.get(m.from) ?? 0) + 1);
  const personIdx = new Map([...sent.entries()].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).map(([id], k) => [id, k]));
  const n = msgs.length;
  const day: number[] = [], lmask = new Array<number>(n), person = new Array<number>(n), thread = new Array<number>(n), flags = new Array<number>(n);
  let hi = 0;
  let dated = 0, prevDay = 0, day0 = 0;
  order.forEach((i, r) => {
    const m = msgs[i];
    if (m.date !== null) {
      const d = Math.floor(m.date / DAY);
      if (dated === 0) day0 = prevDay = d;
      day.push(d - prevDay); prevDay = d; dated++;
    }
    lmask[r] = maskOf(m.lists);
    person[r] = personIdx.get(m.from)!;
    const t = a.tr.threadIndex.get(a.tr.threading.threadId[i])!;
    thread[r] = hi - t;
    if (t >= hi) hi = t + 1;
    flags[r] = (m.patch.isPatch ? FLAG.patch : 0) | (m.inReplyTo || m.references.length ? FLAG.reply : 0) | (a.bots.has(m.from) ? FLAG.bot : 0);
  });
  const rows = a.reviews.filter((r) => isReplyReview(r) || isNak(r)).map((r) => {
    const row = rowOf[msgIndex(a).get(r.messageId)!];
    return { row, kind: (isNak(r) ? REVIEW_KIND.nak : REVIEW_KIND.review) + (a.bots.has(r.reviewer) ? REVIEW_BOT : 0), lists: maskOf(r.lists) };
  }).sort((x, y) => x.row - y.row);
  let prevRow = 0;
  return {
    schema: FACTS_SCHEMA, lists, day0,
    messages: { n, dated, day, lists: lmask, person, thread, flags },
    people: { n: personIdx.size, bots: [...personIdx].filter(([id]) => a.bots.has(id)).map(([, k]) => k),
      row: (() => { const at = new Map(peopleRows.map((id, k) => [id, k])); return [...personIdx.keys()].map((id) => at.get(id) ?? -1); })() },
    threads: { n: a.tr.threads.length },
    reviews: {
      msg: rows.map((r) => { const d = r.row - prevRow; prevRow = r.row; return d; }),
      kind: rows.map((r) => r.kind), lists: rows.map((r) => r.lists),
    },
  };
}

/** Message id -> corpus index, built once per analysis. */
const indexCache = new WeakMap<Analysis, Map<string, number>>();
function msgIndex(a: Analysis): Map<string, number> {
  let m = indexCache.get(a);
  if (!m) indexCache.set(a, (m = new Map(a.corpus.messages.map((x, i) => [x.id, i]))));
  return m;
}
