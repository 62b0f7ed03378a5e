// Compact fact tables the pages filter in the browser (docs/site.md "Fact tables"): one row per
// message and per review, as integer columns, so any window, list set and bot setting is computed
// client-side without a rebuild. The encoding favours gzip: rows sorted by date, days as deltas,
// people numbered by activity (busy people get short numbers), threads as back-references to
// recently started threads. src/components/facts.js decodes it; the same definitions drive
// `threadgraph stats --since/--until` (analysis/window-stats.ts).
import { DAY } from "../model/window.ts";
import type { Analysis } from "./analyze.ts";
import { isCarriedReview } from "./build-people.ts";
import { authorOf } from "../model/corpus.ts";
import { CROSS_LIST_HOME } from "./artifacts.ts";
import { clipText } from "../model/clip.ts";
import { messageIndex } from "../model/message-index.ts";
import { factPersonIndex, factReviewOrder, factRows, listMasker } from "./fact-index.ts";

export const FACTS_SCHEMA = 1;

/** Message flag bits. */
export const FLAG = { patch: 1, reply: 2, bot: 4 } as const;
/** Review kinds in FactsArtifact.reviews.kind (a bot reviewer adds REVIEW_BOT); NAKs are the kinds >= 3. */
export const REVIEW_KIND: Record<string, number> = { "reviewed-by": 0, "acked-by": 1, "tested-by": 2, "nacked-by": 3, "nak-line": 4 };
export const REVIEW_BOT = 8;

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
  /**
   * Senders first (by messages sent), then people who only receive replies (authors of forwarded
   * patches). bots: indices of bots; row: each one's row in people.json (-1: none); home: index
   * into `homes` of their home list (-1: none).
   */
  people: { n: number; bots: number[]; row: number[]; home: number[] };
  /** Home list labels: the lists, then CROSS_LIST_HOME. */
  homes: string[];
  /** Reply edges (graph/replies.ts), by the reply's message row; the replier is that row's sender. */
  replies: {
    /** Reply's message row, as the difference to the previous edge's (rows ascending). */
    msg: number[];
    /** Person replied to (the parent's author). */
    to: number[];
    /** Lists of the reply and its parent (what the flows count). */
    lists: number[];
    /** Minutes from parent to reply (-1: a date unknown). */
    minutes: number[];
  };
  /** First-reply observations (analysis/survival.ts), by start. */
  obs: {
    /** 0: thread, 1: series. */
    kind: number[];
    /** Start day, as the difference to the previous observation's (the first to day0). */
    day: number[];
    lists: number[];
    /** Minutes to the first reply (answered) or to the end of observation (censored), times 2, + 1 when answered. */
    time: number[];
    /** Person who answered first (-1: none). */
    responder: number[];
  };
  threads: { n: number };
  /**
   * Reviewed/Acked/Tested-by carried inside patches (build-people.ts isCarriedReview), one row per
   * tag, by the carrying patch's row. Under a filter a tag counts by that patch's day, its thread's
   * lists (the lists of the thread's messages: facts.js threadListMasks) and (bots off) a reviewer
   * who is not a bot, as reviews do. Written to facts-carried.json (few pages need it).
   */
  carried: {
    /** The carrying patch's message row, as the difference to the previous tag's (0: the same patch). */
    msg: number[];
    /** Person indices of the reviewer and of the patch's author (-1: the patch's sender, as usual). */
    reviewer: number[];
    author: number[];
  };
  /** Reviews given in replies and NAKs (carried tags: `carried`). */
  reviews: {
    /** Message row carrying the review, as the difference to the previous review's row (rows ascending). */
    msg: number[];
    /** REVIEW_KIND, + REVIEW_BOT when the reviewer is a bot. */
    kind: number[];
    /** Person indices of the reviewer and of the reviewed author (-1: unknown). */
    reviewer: number[];
    author: number[];
    /** Lists of the review's thread (its `lists` in the reviews table). */
    lists: number[];
  };
}

/** `peopleRows`: the ids of people.json's rows, in order (so pages can name a person index). */
export function buildFacts(a: Analysis, peopleRows: readonly string[] = []): FactsArtifact {
  const msgs = a.corpus.messages;
  const lists = a.corpus.lists;
  const maskOf = listMasker(lists);
  const { order, rowOf } = factRows(a);
  // People by messages sent (most first), ties by id so equal stores give equal bytes.
  const personIdx = factPersonIndex(a);
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
  // Reviews given in replies and NAKs, by row: the order fact-index.ts keeps for every builder.
  const at = messageIndex(msgs);
  const rows = factReviewOrder(a).map((k) => {
    const r = a.reviews[k];
    return { row: rowOf[at.get(r.messageId)!], kind: REVIEW_KIND[r.kind] + (a.bots.has(r.reviewer) ? REVIEW_BOT : 0), lists: maskOf(r.lists),
      reviewer: personIdx.get(r.reviewer) ?? -1, author: r.author === null ? -1 : personIdx.get(r.author) ?? -1 };
  });
  let prevRow = 0;
  const carried = a.reviews.filter(isCarriedReview).map((r) => {
    const i = at.get(r.messageId)!, m = msgs[i];
    // A carried tag's author is the carrying patch's (reviews.ts), never null; most often its sender.
    return { row: rowOf[i], reviewer: personIdx.get(r.reviewer)!, author: r.author === m.from ? -1 : personIdx.get(r.author ?? authorOf(m))! };
  }).sort((x, y) => x.row - y.row || x.reviewer - y.reviewer);
  let prevCarried = 0;
  const edges = a.replies.map((e) => ({ row: rowOf[e.child], e })).sort((x, y) => x.row - y.row);
  let prevEdge = 0;
  const homes = [...lists, CROSS_LIST_HOME];
  const obs = [...a.observations].sort((x, y) => x.start - y.start || (x.key < y.key ? -1 : 1));
  let prevObsDay = day0;
  const homeIdx = new Map(homes.map((h, k) => [h, k]));
  return {
    schema: FACTS_SCHEMA, lists, day0,
    messages: { n, dated, day, lists: lmask, person, thread, flags },
    people: { n: personIdx.size, bots: [...personIdx].filter(([id]) => a.bots.has(id)).map(([, k]) => k),
      row: (() => { const at = new Map(peopleRows.map((id, k) => [id, k])); return [...personIdx.keys()].map((id) => at.get(id) ?? -1); })(),
      home: [...personIdx.keys()].map((id) => homeIdx.get(a.home.get(id) ?? "") ?? -1) },
    homes,
    replies: {
      msg: edges.map(({ row }) => { const d = row - prevEdge; prevEdge = row; return d; }),
      to: edges.map(({ e }) => personIdx.get(e.to)!),
      lists: edges.map(({ e }) => maskOf(msgs[e.parent].lists, maskOf(e.lists))),
      minutes: edges.map(({ e }) => (e.latency === null ? -1 : Math.round(e.latency / 60000))),
    },
    obs: {
      kind: obs.map((o) => (o.kind === "thread" ? 0 : 1)),
      day: obs.map((o) => { const d = Math.floor(o.start / DAY); const v = d - prevObsDay; prevObsDay = d; return v; }),
      lists: obs.map((o) => maskOf(o.lists)),
      time: obs.map((o) => 2 * Math.max(0, Math.round(o.time / 60000)) + (o.answered ? 1 : 0)),
      responder: obs.map((o) => (o.responder === null ? -1 : personIdx.get(o.responder) ?? -1)),
    },
    threads: { n: a.tr.threads.length },
    carried: {
      msg: carried.map((c) => { const d = c.row - prevCarried; prevCarried = c.row; return d; }),
      reviewer: carried.map((c) => c.reviewer), author: carried.map((c) => c.author),
    },
    reviews: {
      msg: rows.map((r) => { const d = r.row - prevRow; prevRow = r.row; return d; }),
      kind: rows.map((r) => r.kind), lists: rows.map((r) => r.lists),
      reviewer: rows.map((r) => r.reviewer), author: rows.map((r) => r.author),
    },
  };
}

/** Names of the people of buildFacts (same order), for labels: loaded only by pages that name people. */
/** Names, and ids (the person page is person.html?e=<id>). */
export interface FactsPeopleArtifact { name: string[]; id: string[] }

export function buildFactsPeople(a: Analysis): FactsPeopleArtifact {
  const ids = [...factPersonIndex(a).keys()];
  return {
    name: ids.map((id) => clipText(a.people.get(id)?.name || a.people.get(id)?.email || id, 80)),
    id: ids,
  };
}
