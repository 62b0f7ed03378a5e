// Page artifacts: the JSON files `threadgraph analyze` writes and src/data/site.zip.ts serves.
// This file is the contract between analysis (H3) and the pages (H5). Pages read them as
//   FileAttachment("data/site/<file>").json()      (from src/index.md; adjust ../ for subfolders)
// All dates are epoch milliseconds UTC; durations are milliseconds. Person and thread ids are
// the store's ids; `key` is a file-name-safe form of the id used for the detail files.
// Everything from email (names, subjects) is untrusted text: render it as text, never as HTML.
// It is also bounded (analysis/bounded.ts): display text is cut to a few hundred characters with
// combining-mark runs collapsed, other strings to 998; detail lists to DETAIL_ROWS rows.
// Additive changes only: new optional fields may appear; existing fields keep their meaning.

import type { PersonSeries, threadSeries } from "./build-series.ts";

/**
 * Bump when a field or file changes meaning: a site dir of another schema is never served as a
 * cache (run.ts siteDirVersion). 2: compact thread shards (docs/analysis.md "Thread shards").
 */
export const ARTIFACT_SCHEMA = 2;

/** File names inside the archive (data/site/...). */
export const FILES = {
  meta: "meta.json",
  graph: "graph.json",
  graphNodesCsv: "graph-nodes.csv",
  graphEdgesCsv: "graph-edges.csv",
  graphGexf: "graph.gexf",
  graphGraphml: "graph.graphml",
  people: "people.json",
  threads: "threads.json",
  reviews: "reviews.json",
  /** Patch series lifecycle: SeriesArtifact in build-series.ts. */
  series: "series.json",
  /**
   * Shards (analysis/shards.ts; XX = model/shard.ts shardName): thread id -> compact ThreadDetail (thread-detail-writer.ts),
   * Message-ID -> thread id (0: the message's own id), series group id -> the series part its threads' details name,
   * person id -> PersonDetail, address -> person id.
   */
  threadShard: (xx: string) => `thread/t-${xx}.json`,
  messageShard: (xx: string) => `message/m-${xx}.json`,
  threadSeriesShard: (xx: string) => `thread/s-${xx}.json`,
  personShard: (xx: string) => `person/p-${xx}.json`,
  /** Thread id -> {person id: home list, home subsystem, organisation} of its participants (written once subsystems are known). */
  threadAffiliationShard: (xx: string) => `thread/a-${xx}.json`,
  addressShard: (xx: string) => `address/e-${xx}.json`,
  /** Site search: thread rows in SEARCH_CHUNKS files (x = one hex digit), their Message-IDs apart (loaded only for shown results), people in one. */
  searchThreads: (x: string) => `search/threads-${x}.json`,
  searchIds: (x: string) => `search/ids-${x}.json`,
  searchPeople: "search/people.json",
  /** Fact tables the pages filter in the browser (facts.ts). */
  facts: "facts.json",
  /** The fact tables' reply edges and first-reply observations (facts.ts), apart: few pages need them. */
  factsReplies: "facts-replies.json",
  factsObs: "facts-obs.json",
  /** Reviewed/Acked/Tested-by carried inside patches (facts.ts), apart: only Reviews, People and person pages load them. */
  factsCarried: "facts-carried.json",
  /** What the People page (and person page) need besides facts.json for every person column under a filter, incl. the reply edges' rows and the roster (person-facts.ts buildPeopleColsFacts). */
  factsPeopleCols: "facts-people-cols.json",
  /** The minutes of facts-people-cols.json's reply edges, same order (person-facts.ts): the People page's median reply under a filter, loaded once that column is shown. */
  factsReplyTimes: "facts-reply-times.json",
  /** Names and keys of the fact tables' people (facts.ts). */
  factsPeople: "facts-people.json",
  /** Each fact-table person's home subsystem and organisation (facts-affiliations.ts), written once subsystems are known. */
  factsAffiliations: "facts-affiliations.json",
  /** Per patch its sections, per review its section and organisations (facts-subsystems.ts): the Subsystems and Organisations pages' fact tables. */
  factsSubsystems: "facts-subsystems.json",
  /** threads.json in THREAD_PARTS contiguous row ranges, so a page loads only the rows it shows (no slash: site.zip holds top-level names only). */
  threadPart: (k: number) => `threads-part-${k}.json`,
  /** The THREADS_TOP biggest threads' rows (with their row index): the usual top tables need no part. */
  threadsTop: "threads-top.json",
  /** The THREADS_CROSS biggest threads that reached several lists and are not in threads-top.json: the Across page's cross-posted table needs no part. */
  threadsCross: "threads-cross.json",
  /** The series fact table and the Series page's table text (facts-series.ts), written beside series.json. */
  factsSeries: "facts-series.json",
  seriesTable: "series-table.json",
  /** Graph metrics per window bucket, all time and each quarter (graph-buckets.ts): the index, each bucket's columns in a part (graph-bucket-parts.ts). */
  graphBuckets: "graph-buckets.json",
  graphBucketPart: (k: number) => `graph-buckets-part-${k}.json`,
} as const;

/** Parts of threads.json (a fixed count: pages name each file literally, as Framework needs). */
export const THREAD_PARTS = 16;
export const THREADS_TOP = 500;
export const THREADS_CROSS = 1000;

/** threads-top.json: the biggest threads by messages, each with `row`, its index in threads.json. */
export interface ThreadsTopArtifact { total: number; rows: (ThreadRow & { row: number })[] }

/** A part of threads.json: rows first .. first + rows.length - 1 (rows of THREAD_PARTS equal ranges). */
export interface ThreadsPartArtifact { first: number; total: number; rows: ThreadRow[] }

/**
 * Home "list" of people whose messages reached the tracked lists equally (no list dominates):
 * shown as its own category, never folded into the first list of the config.
 */
export const CROSS_LIST_HOME = "cross-list";

/** A person as referenced from other artifacts (enough to label and link). */
export interface PersonRef {
  id: string;
  key: string;
  name: string;
  /**
   * Home list: the tracked list where they post most, each message weighing 1/k on the k tracked
   * lists it reached; CROSS_LIST_HOME ("cross-list") when the top lists tie; null if they never
   * posted on a tracked list (e.g. a patch author who never sent mail).
   */
  home: string | null;
}

/**
 * meta.json — one line of provenance for every page ("window, lists, sources, refreshed"), the
 * headline counts, and `empty: true` (with `hint`) when the store holds nothing, in which case
 * every other artifact exists but is empty. `store_version` is Store.version() at analysis time.
 */
export interface MetaArtifact {
  schema: number;
  empty: boolean;
  /** Plain-text instructions shown when empty (how to ingest or sync). */
  hint: string | null;
  refreshed_at: number;
  store_version: string;
  /**
   * start/end: the report window's bounds when set (`since`/`until` as given, until exclusive),
   * else the first and last message dates in the store (null when empty).
   */
  window: { start: number | null; end: number | null; since?: string | null; until?: string | null };
  /** Tracked list names, in display order. */
  lists: string[];
  /** Named by list and kind ("netdev (mbox)"), never by a local path; kind: mbox, Maildir, public-inbox, lore HTTP, lore thread, other. */
  sources: { source: string; kind?: string; list: string | null; messages: number }[];
  counts: {
    /** people: active in the window (sent 1+ message, not a bot); people_listed: rows of people.json. */
    messages: number; threads: number; series: number; people: number; people_listed?: number;
    /** reviews: Reviewed/Acked/Tested-by given in replies; reviews_carried: tags carried in patches. */
    reviews_carried?: number;
    graph_people: number; reply_edges: number; reply_messages: number;
    reviews: number; naks: number; bots: number;
  };
  /**
   * Gone: every person and thread now has page data (shards, analysis/shards.ts), so nothing
   * lists them here (at full-history scale these lists alone were hundreds of KB on every page).
   */
  person_keys?: string[];
  thread_keys?: string[];
  /** Seconds spent computing the artifacts. */
  elapsed_s: number;
}

/**
 * activity.json — weekly rows per list (and list "*" for all lists together). Weeks start on
 * Monday (UTC). A "new" person posted for the first time in the store that week (messages before
 * the report window count: the whole store's history); "returning" ones posted before. Cross-post share = messages reaching 2+ tracked lists / messages.
 */
export interface ActivityRow {
  week: number;              // Monday 00:00 UTC
  list: string;              // list name, or "*" for all
  messages: number;
  threads_started: number;
  threads_active: number;
  people: number;
  new_people: number;
  returning_people: number;
  crossposted: number;
  crosspost_share: number;   // 0..1
  /** Days of this week inside the report window (< 7: a partial week at the window's edge). */
  days?: number;
}
export interface ActivityArtifact {
  rows: ActivityRow[];
  /**
   * First message date in the whole store per list ("*": any list). "New" means new to the store,
   * so weeks soon after a list's history starts show mostly "new" people (nothing earlier to compare).
   */
  history_start?: Record<string, number | null>;
}

/**
 * graph.json — the default reply graph (bots excluded from metrics; bot nodes are included with
 * bot: true and null metrics so the explorer can toggle them). A -> B: A replied to a message of B.
 * Layout: ForceAtlas2 with a deterministic seed. Edges are pruned for size by `pruning.rule`;
 * graph-nodes.csv and graph-edges.csv hold the full tables (and graph.gexf/graph.graphml for Gephi).
 * Edges reference nodes by index into `nodes`. `m` holds per-month weights as flat pairs
 * [monthIndex, count, ...] into `months` so pages can filter by time window; `l` holds list
 * indexes into `lists` (lists where the replies happened).
 */
export interface GraphNode extends PersonRef {
  bot: boolean;
  messages: number;
  /** Messages per list name. */
  lists: Record<string, number>;
  in_w: number; out_w: number;      // replies received/sent, bot replies excluded (a bot node: all its replies)
  degree: number;                   // distinct neighbours (either direction; bots excluded likewise)
  pagerank: number | null;
  betweenness: number | null;       // normalised 0..1; approximate on large graphs (see meta)
  community: number | null;         // Louvain community id (0 = largest)
  core: number | null;              // k-core number (undirected)
  x: number; y: number;
  /** The person's index in the fact tables (fact-index.ts factPersonIndex; -1: none), so the page needs no facts-people.json to filter. */
  f: number;
}
export interface GraphEdge {
  s: number; t: number;             // node indexes: s replied to t
  w: number;
  // (The first and last reply's dates are in graph-edges.csv: the page filters by `m`, and they were a third of graph.json.)
  l: number[];
  m: number[];
}
export interface GraphArtifact {
  lists: string[];
  months: string[];                 // "YYYY-MM"
  nodes: GraphNode[];
  edges: GraphEdge[];
  communities: { id: number; size: number; top: string[]; home: string | null }[];
  pruning: { rule: string; total_edges: number; kept_edges: number };
  /** nodes/edges: the default graph (bots excluded); *_with_bots: everything in `nodes`/`edges`. */
  stats: { nodes: number; edges: number; nodes_with_bots?: number; edges_with_bots?: number; reciprocity: number; betweenness_exact: boolean; betweenness_samples: number | null };
}

/**
 * people.json — one row per person (bots included, flagged). `detail` is always true: every
 * person has page data (person.html?e=<id>). Response figures are about answering others first (see responsiveness).
 */
export interface PersonRow extends PersonRef {
  email: string;
  bot: boolean;
  messages: number;
  lists: Record<string, number>;
  threads: number;
  threads_started: number;           // threads whose root they sent
  // Optional: artifacts written before these figures existed lack them.
  patches_authored?: number;         // patches (not cover letters) they wrote, whoever sent them (in-body From:)
  patches_for_others?: number;       // patches they sent whose author is someone else
  series_authored?: number;          // patch series with at least one patch they wrote
  first: number | null; last: number | null;
  replies_sent: number; replies_received: number;
  /** Sent at least one message in the window and not a bot: the site's "people" count. */
  active?: boolean;
  /** Reviewed/Acked/Tested-by given in replies (the site totals' "reviews given"); received: on patches they authored. */
  reviews_given: number; reviews_received: number;
  /** Reviewed/Acked/Tested-by tags carried inside later patch versions (not in the site's review totals). */
  reviews_carried?: number; reviews_carried_received?: number;
  naks_given: number; naks_received: number;
  first_replies: number;             // threads where they were the first non-author, non-bot replier
  median_reply_ms: number | null;    // median latency of their replies to others
  pagerank: number | null;
  community: number | null;
  detail: boolean;
}
export interface PeopleArtifact { rows: PersonRow[] }

/**
 * PersonDetail (in person/p-XX.json, keyed by person id) — everything person.html shows: monthly activity per list, top
 * correspondents (out: they replied to; in: replied to them), reviews given and received, NAKs,
 * response times, and their biggest threads.
 */
export interface ReviewRef {
  kind: string;                      // reviewed-by | acked-by | tested-by | nacked-by | nak-line
  other: PersonRef;                  // the author (for given) or the reviewer (for received)
  message_id: string;                // the message carrying the trailer
  thread_key: string | null;         // the thread's key (always set now; links use thread_id)
  thread_id: string;
  subject: string;                   // the thread's subject
  date: number | null;
  lists: string[];
  /** "reply" (given in a reply), "carried" (carried inside a patch), "line" (free-text NAK). */
  source?: string;
  /** The reviewed message (patch, cover letter; for a NAK without one, the parent) and its own subject. */
  target_id?: string | null;
  target_subject?: string | null;
}
export interface PersonDetail {
  person: PersonRow;
  emails: string[];
  activity: { month: string; list: string; messages: number }[];
  correspondents_out: (PersonRef & { w: number })[];
  correspondents_in: (PersonRef & { w: number })[];
  reviews_given: ReviewRef[];
  reviews_received: ReviewRef[];
  naks_given: ReviewRef[];
  naks_received: ReviewRef[];
  response: { replies: number; median_ms: number | null; p90_ms: number | null; first_replies: number };
  threads: { id: string; key: string | null; subject: string; messages: number; start: number | null; started: boolean }[];
  /** Their patch series by outcome, and what they applied for others (build-series.ts personSeries); absent: none. */
  series?: PersonSeries | null;
  /** Their replies and first replies as fact-table references (person-facts.ts), for the page's filter; absent: none. */
  facts?: PersonFacts | null;
}

/**
 * A person's reply edges (no bot at either end) and first replies, by facts.json message row
 * (ascending, as differences to the previous one; the first to 0): out: replies they sent, with
 * the person replied to (fact-table index) and minutes to the reply (-1: unknown or negative);
 * in: replies to them (the replier is the row's sender); first: threads they answered first, by
 * the thread's start day (differences, the first to 0) and lists mask (facts.json `lists` bits).
 */
export interface PersonFacts {
  out: { row: number[]; to: number[]; minutes: number[] };
  in: { row: number[] };
  first: { day: number[]; lists: number[] };
}

/**
 * threads.json — one row per thread (root = stable thread id: the root Message-ID, or the
 * phantom root's id). `first_reply_ms` is the time to the first reply by someone who is neither
 * the author nor a bot (null if unanswered). `detail` is always true: every thread has page data
 * (thread.html?m=<any of its Message-IDs>).
 */
export interface ThreadRow {
  id: string;
  key: string;
  subject: string;
  author: PersonRef | null;
  /** The root is not in the store (the first stored message is already a reply): no author, not "started" by anyone. */
  root_missing?: boolean;
  messages: number;
  participants: number;
  lists: string[];
  start: number | null; end: number | null;
  depth: number;
  series_id: string | null;
  is_series: boolean;
  first_reply_ms: number | null;
  /**
   * true: observed by responsiveness.json (root present and dated, author not a bot) and nobody
   * answered by the window end; false: answered; null: not observed (root missing, bot author).
   */
  unanswered?: boolean | null;
  reviews: number;
  naks: number;
  /** Thread engagement: participants (bots excluded) counted by home list ("other" = no tracked list). */
  homes: Record<string, number>;
  detail: boolean;
}
export interface ThreadsArtifact { rows: ThreadRow[] }

/**
 * ThreadDetail (in thread/t-XX.json, keyed by thread id) — the reply tree (messages in date order with parent and latency to the
 * parent; parent null for the root or when the parent is missing from the store), participants
 * with their home list, and the trailers and NAKs given in the thread. Link each message to
 * https://lore.kernel.org/r/<id>.
 */
export interface ThreadMessage {
  id: string;
  parent: string | null;
  from: string;                      // person id of the sender (see participants)
  /** A forwarded patch's in-body author, when someone other than the sender. */
  author?: PersonRef;
  date: number | null;
  latency_ms: number | null;         // date - parent's date
  lists: string[];
  subject: string;
  depth: number;
  patch: string | null;              // "v2 3/7" for patches, null otherwise
}
export interface ThreadDetail {
  thread: ThreadRow;
  messages: ThreadMessage[];
  participants: (PersonRef & { messages: number; first: number | null })[];
  trailers: { kind: string; from: PersonRef; to: PersonRef | null; message_id: string; applies_to: string }[];
  naks: { from: PersonRef; to: PersonRef | null; message_id: string; source: "trailer" | "line"; cross_subsystem: boolean }[];
  /**
   * Present when a list above was cut to keep the page small (see analysis/bounded.ts): the real
   * sizes. `messages` then holds the first ones in date order, `participants` the most active.
   */
  full_counts?: { messages: number; participants: number; trailers: number; naks: number };
  /** The revision history and outcome of the series whose posting starts the thread (build-series.ts threadSeries); absent: none. */
  series?: ReturnType<typeof threadSeries>;
}

/**
 * bridges.json — cross-list engagement. `people`: everyone active on 2+ lists with per-list
 * counts. `pairs`: per list pair, shared participants and threads cross-posted to both.
 * `flow_home_to_list[h][l]`: replies by people whose home is home_lists[h] on messages that reached
 * lists[l]. `flow_home_to_home[h][g]`: replies by home-h people to home-g people (both over
 * home_lists). `people[].messages`: unique messages sent (a cross-post counts once).
 * `crossposted`: threads reaching 2+ lists, with participants counted by home list.
 */
export interface BridgesArtifact {
  lists: string[];
  /** Labels of the matrices' home rows (and flow_home_to_home columns): `lists` + CROSS_LIST_HOME. */
  home_lists?: string[];
  /**
   * `participation`: participation coefficient over the tracked lists (analysis/bridging.ts);
   * `bridge`: it and the messages reach `bridge_rule`. Sorted bridges first, then by participation.
   */
  people: (PersonRef & { lists: Record<string, number>; nlists: number; messages: number; participation: number; bridge: boolean })[];
  bridge_rule: { min_messages: number; min_participation: number };
  pairs: { a: string; b: string; shared_people: number; crossposted_threads: number; replies_a_to_b: number; replies_b_to_a: number }[];
  flow_home_to_list: number[][];
  flow_home_to_home: number[][];
  crossposted: { id: string; key: string | null; subject: string; lists: string[]; messages: number; by_home: Record<string, number>; participants: PersonRef[] }[];
}

/**
 * responsiveness.json — time to first reply (by neither the author nor a bot) for threads and
 * for patch series. Kaplan–Meier curves per group ("all", "list:<name>", "month:YYYY-MM"),
 * threads still unanswered are censored at the window end. `unanswered` = KM estimate of the
 * share still unanswered at 1, 7 and 30 days. `first_responders`: who answers first, per list.
 */
export interface KmCurve {
  group: string;
  kind: "thread" | "series";
  n: number; events: number; censored: number;
  /** Step points: at time t_ms the survival (share still unanswered) drops to s. Starts at [0, 1]. */
  points: [t_ms: number, s: number][];
  /** 95% confidence band of S at each of `points` (Greenwood, log-log scale): [low, high]. */
  band?: [low: number, high: number][];
  /** Threads (or series) still at risk (not answered, not censored) after d whole days, d = 0..60. */
  at_risk_days?: number[];
  median_ms: number | null;
  unanswered: { d1: number; d7: number; d30: number };
}
export interface ResponsivenessArtifact {
  window_end: number | null;
  curves: KmCurve[];
  first_responders: { list: string; person: PersonRef; first_replies: number; median_ms: number | null }[];
}

/**
 * reviews.json — trailer provenance aggregated: who gave Reviewed/Acked/Tested-by to whom
 * (cover-letter trailers apply to the whole series; quoted trailers are ignored upstream), a
 * reviewer-home x author-home matrix, and every NAK with the cross-subsystem flag (the NAKed
 * thread reached 2+ tracked lists).
 */
export interface ReviewsArtifact {
  lists: string[];
  pairs: { reviewer: PersonRef; author: PersonRef; reviewed: number; acked: number; tested: number; lists: string[] }[];
  home_matrix: number[][];           // [reviewer home][author home], over `home_lists`
  home_lists?: string[];             // `lists` + CROSS_LIST_HOME
  naks: { from: PersonRef; to: PersonRef | null; message_id: string; thread_id: string; thread_key: string | null; subject: string; date: number | null; lists: string[]; source: "trailer" | "line"; cross_subsystem: boolean }[];
  /** netdev "pw-bot: changes-requested"/"reject" verdicts in replies (one per person, kind and patch), apart from `naks`. */
  pw_bot?: { from: PersonRef; to: PersonRef | null; message_id: string; thread_id: string; thread_key: string | null; subject: string; date: number | null; lists: string[]; kind: "changes-requested" | "rejected"; cross_subsystem: boolean }[];
  /** reviewed/acked/tested: given in replies; carried: tags carried inside patches (not in the other totals); pw_bot_*: rows of `pw_bot`. */
  totals: { reviewed: number; acked: number; tested: number; naks: number; cross_subsystem_naks: number; carried?: number; pw_bot_changes_requested?: number; pw_bot_rejected?: number };
}

/**
 * upset.json — participant overlap: for each exact combination of lists, how many people posted
 * on exactly those lists (bots excluded), plus per-list set sizes.
 */
export interface UpsetArtifact {
  lists: string[];
  sets: { list: string; people: number }[];
  combos: { lists: string[]; people: number; messages: number }[];
}
