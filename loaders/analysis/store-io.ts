// The analysis stage's only contact with the store: read the corpus (messages, people,
// trailers, verdicts views) and the subsystem/organisation input (one scan of the messages view
// for both), and write the derived tables (message_threads, threads, replies, reviews, headline).
import type { DerivedColumns, Store } from "../store/api.ts";
import { NO_PATCH, type AnalysisMessage, type Corpus } from "../model/corpus.ts";
import type { Analysis } from "./analyze.ts";
import { headlineCounts } from "./headline.ts";
import { REVISION_SET, revisionLinksOf, VERDICT_SET, verdictsOf, writeSeriesTables } from "./series-io.ts";
import { decodeRowSets, eachRow, mapRows, queryRowSets, rowCount, rowsOf, sharedArrays, stringInterner, type RowSet, type RowTexts } from "./read-rows.ts";
import { allWritten } from "./all-written.ts";
import { nextTurn } from "./next-turn.ts";
import { addressedCollector, AFFILIATION_ROW_COLUMNS, AFFILIATION_SETS, affiliationInputOf, affiliationMessageColumns,
  type AffiliationInput, type AffiliationLists } from "./affiliation-input.ts";

/** "Re: [PATCH 2/5] ..." is a reply to a patch, not a patch: parse tags it from the subject alone. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw|fwd?)\s*(\[\d+\])?\s*:/i;

/** Sources whose ids mark a single-thread fetch (`threadgraph thread`). */
const FETCH_SOURCE = /^(lore-thread|thread):/;

type Str = string | null;
type Num = number | null;
type Strs = string[] | null;

/** The corpus' columns of each message's row (select-list items over the messages view), in the order corpusOf reads them. */
const CORPUS_COLUMNS = ["message_id", "epoch_ms(date) AS date",
  // The sender: its person, else its address; the author only where it is someone else (a forwarded patch's).
  "coalesce(person_id, from_email) AS sender", "nullif(author_person_id, coalesce(person_id, from_email, '(unknown)')) AS author",
  // In-Reply-To is nearly always the last reference: then 1 (JSON), not the id again.
  "subject", `CASE WHEN in_reply_to = "references"[-1] THEN '1'::JSON ELSE to_json(in_reply_to) END AS irt`, '"references"',
  // As JSON text keys to shared arrays (sharedArrays); sources as positions in SOURCE_NAMES.
  "to_json(lists)::VARCHAR AS lists", "to_json(list_transform(sources, s -> list_position(d.names, s)))::VARCHAR AS sources",
  "is_patch", "patch_version", "patch_index", "patch_total", "is_cover", "nak_line", "is_bot"];

/**
 * Each message's sources come as positions (1-based) in this, every source once: the message's
 * row holds a few digits instead of the archives' long ids. Read in the same statement (one snapshot).
 */
const SOURCE_NAMES = "SELECT DISTINCT source FROM arrivals";

const CORPUS_SETS = {
  people: { select: "SELECT person_id, name, emails, is_bot FROM people", cols: ["person_id", "name", "emails", "is_bot"], order: "person_id" },
  // The person is mostly the address itself: then 1 (JSON), not the address again.
  trailers: { select: `SELECT message_id, kind, person_id, CASE WHEN person_id = email THEN '1'::JSON ELSE to_json(person_id) END AS pid,
      name, email FROM trailers`, cols: ["message_id", "kind", "pid", "name", "email"], order: "message_id, kind, person_id, name, email" },
  sources: { select: "SELECT source, any_value(list) AS list, count(DISTINCT message_id) AS messages FROM arrivals GROUP BY source",
    cols: ["source", "list", "messages"], order: "source" },
  verdicts: VERDICT_SET,
  revisions: REVISION_SET,
} satisfies Record<string, RowSet>;

/** affiliation: read by DuckDB while the caller analyses the corpus. */
export interface AnalysisInput { corpus: Corpus | null; affiliation: Promise<AffiliationInput> | null }

/**
 * What the analysis reads from the store: the corpus (when `trackedLists` is given) and the
 * subsystem/organisation input (when `affiliation` is). The messages view (a join of messages,
 * arrivals, addresses and people) is scanned once for both: each message's row carries the
 * corpus' columns and its list addresses. The rest of each comes in one statement apiece.
 */
export async function readAnalysisInput(store: Store, trackedLists: string[] | null, affiliation: AffiliationLists | null): Promise<AnalysisInput> {
  const cols = [...(trackedLists ? CORPUS_COLUMNS : ["message_id"]), ...(affiliation ? affiliationMessageColumns(affiliation) : [])];
  const name = (c: string) => c.slice(c.lastIndexOf(" ") + 1).replace(/"/g, "");
  const names = trackedLists ? `, (SELECT list(source ORDER BY source) AS names FROM (${SOURCE_NAMES})) d` : "";
  const texts = await queryRowSets(store, {
    messages: { select: `SELECT ${cols.join(", ")} FROM messages${names}`, cols: cols.map(name),
      order: trackedLists ? "date NULLS LAST, message_id" : "message_id" },
    sources: { select: trackedLists ? SOURCE_NAMES : "SELECT NULL AS source WHERE false", cols: ["source"], order: "source" },
  });
  // The other statements are queued before this thread decodes the rows: DuckDB reads the corpus' sets meanwhile,
  // then the affiliation input while this thread builds the corpus and analyses it. Chained, so they run in this order.
  const corpusSets = trackedLists ? queryRowSets(store, CORPUS_SETS) : null;
  corpusSets?.catch(() => {}); // awaited below, after the rows are decoded: a failure meanwhile is not unhandled
  const affSets = affiliation ? (corpusSets ?? Promise.resolve()).then(() => queryRowSets(store, AFFILIATION_SETS), () => queryRowSets(store, AFFILIATION_SETS)) : null;
  affSets?.catch(() => {}); // the caller awaits it (through aff below), maybe after a while
  await nextTurn(); // a statement just queued reaches DuckDB (a chain of promise callbacks) first
  // One pass over the message rows for both, a text at a time: only what is made of each row is kept.
  const str = stringInterner();
  const sourceNames: string[] = new Array(rowCount(texts, "sources"));
  eachRow(texts, "sources", (r, at) => { sourceNames[at] = r[1] as string; });
  const messageOf = trackedLists ? messageReader(sourceNames, str) : null;
  const messages = messageOf ? new Array<AnalysisMessage>(rowCount(texts, "messages")) : null;
  const addressed = affiliation ? addressedCollector(1 + cols.length - AFFILIATION_ROW_COLUMNS.length) : null;
  eachRow(texts, "messages", (r, at) => {
    if (messages) messages[at] = messageOf!(r);
    addressed?.add(r);
  });
  const aff = addressed ? affSets!.then((t) => affiliationInputOf(addressed.collected, decodeRowSets(t))) : null;
  aff?.catch(() => {}); // the caller awaits it, maybe after a while
  if (!corpusSets) return { corpus: null, affiliation: aff };
  const sets = await corpusSets;
  await nextTurn(); // a statement just queued reaches DuckDB (a chain of promise callbacks) first
  return { corpus: corpusOf(messages!, sets, trackedLists!, str), affiliation: aff };
}


export async function readCorpus(store: Store, trackedLists: string[]): Promise<Corpus> {
  return (await readAnalysisInput(store, trackedLists, null)).corpus!;
}

/** Each message row's message (the row as eachRow gives it: its position first, then CORPUS_COLUMNS). */
function messageReader(sourceNames: readonly string[], str: ReturnType<typeof stringInterner>): (r: unknown[]) => AnalysisMessage {
  // Most messages reached the same few list and source combinations: one frozen array for each;
  // one string for each person, name and address (a few thousand). Message-IDs are not shared: a map
  // of every id cost more main-thread time than their copies save.
  const one = sharedArrays(), sourcesOf = sharedArrays(sourceNames), fetchedOf = new Map<readonly string[], boolean>();
  return (r) => {
    const [, id, date, sender, authorId, subject, irt, references, lists, srcs, isPatchTag, version, index, total, isCover, nakLine, isBot] =
      r as [number, string, Num, Str, Str, Str, Str | 1, Strs, Str, Str, boolean | null, Num, Num, Num, boolean | null, boolean | null, boolean | null];
    const isPatch = !!isPatchTag && !REPLY_SUBJECT.test(subject ?? "");
    const from = str(sender) ?? "(unknown)";
    // A forwarded patch's author, when identity resolution did not make them the sender (null: the sender).
    const author = isPatch && !isCover && authorId ? str(authorId) : undefined;
    const sources = sourcesOf(srcs);
    let fetched = fetchedOf.get(sources);
    if (fetched === undefined) fetchedOf.set(sources, (fetched = sources.some((x) => FETCH_SOURCE.test(x))));
    return {
      id, date: date ?? null, from, ...(author ? { author } : {}), subject: subject ?? "",
      inReplyTo: irt === 1 ? references!.at(-1)! : irt ?? null, references: references ?? [], lists: one(lists),
      patch: isPatch ? { isPatch, version: version ?? 1, index: index ?? null, total: total ?? null, isCover: !!isCover } : NO_PATCH,
      isBot: !!isBot, nakLine: !!nakLine, fetched, sources,
    };
  };
}

/** The rest of the corpus from CORPUS_SETS' texts (rows as eachRow gives them: position first). */
function corpusOf(messages: AnalysisMessage[], sets: RowTexts<keyof typeof CORPUS_SETS>, trackedLists: string[],
  str: ReturnType<typeof stringInterner>): Corpus {
  const people = mapRows(sets, "people", (r) => {
    const [, id, name, emails, isBot] = r as [number, string, Str, Strs, boolean | null];
    return { id, name: name ?? "", email: emails?.[0] ?? id, emails: emails ?? [], isBot: !!isBot };
  });
  const trailers = mapRows(sets, "trailers", (r) => {
    const [, messageId, kind, pid, name, email] = r as [number, string, Corpus["trailers"][number]["kind"], Str | 1, Str, Str];
    const e = str(email);
    return { messageId, kind: str(kind), personId: pid === 1 ? e : str(pid), name: str(name) ?? "", email: e ?? "" };
  });
  const sources = mapRows(sets, "sources", (r) => ({ source: r[1] as string, list: r[2] as string | null, messages: r[3] as number }));
  // Tracked lists first (config order), then any other list seen in the data.
  const seen = new Set<string>();
  for (const m of messages) for (const l of m.lists) seen.add(l);
  const lists = [...trackedLists.filter((l) => seen.has(l)), ...[...seen].filter((l) => !trackedLists.includes(l)).sort()];
  return { messages, people, trailers, lists, sources, verdicts: verdictsOf(rowsOf(sets, "verdicts")),
    revisionLinks: revisionLinksOf(rowsOf(sets, "revisions")) };
}

/**
 * One array per column, each from a getter over `items`: no object per row (see DerivedColumns).
 * Each getter is map's own callback: wrapped in one closure, its call site saw every getter
 * (megamorphic; ~15% slower at 212k). Kept a map: it makes packed arrays, which JSON.stringify
 * encodes faster than preallocated (holey) ones (a one-pass loop into new Array(n) lost that way
 * all it saved).
 */
export function columnsOf<T>(items: readonly T[], get: Record<string, (x: T) => unknown>): DerivedColumns {
  return { length: items.length, columns: Object.fromEntries(Object.entries(get).map(([k, f]) => [k, items.map(f)])) };
}

export async function writeDerivedTables(store: Store, a: Analysis): Promise<void> {
  const w: Promise<void>[] = [];
  const msgs = a.corpus.messages;
  const threadId = a.tr.threading.threadId;
  w.push(store.writeDerived("message_threads", { message_id: "VARCHAR", thread_id: "VARCHAR", series_id: "VARCHAR" },
    { length: msgs.length, columns: { message_id: msgs.map((m) => m.id), thread_id: threadId, series_id: a.tr.series } }));
  const first = new Map(a.observations.filter((o) => o.kind === "thread").map((o) => [o.key, o]));
  const answer = (t: { id: string }) => first.get(t.id);
  w.push(store.writeDerived("threads", {
    thread_id: "VARCHAR", root_id: "VARCHAR", root_missing: "BOOLEAN", subject: "VARCHAR", author_id: "VARCHAR", sender_id: "VARCHAR", messages: "INTEGER",
    participants: "INTEGER", lists: "VARCHAR[]", start_at: "TIMESTAMP", end_at: "TIMESTAMP", depth: "INTEGER",
    is_series: "BOOLEAN", series_id: "VARCHAR", first_reply_ms: "BIGINT", first_responder: "VARCHAR",
  }, columnsOf(a.tr.threads, {
    thread_id: (t) => t.id, root_id: (t) => msgs[t.root].id, root_missing: (t) => t.rootIsPhantom, subject: (t) => t.subject,
    // Root missing: the first stored message is a reply, so nobody is known to have started the thread.
    author_id: (t) => (t.rootIsPhantom ? null : t.author), sender_id: (t) => (t.rootIsPhantom ? null : t.sender),
    messages: (t) => t.members.length, participants: (t) => t.participants.length, lists: (t) => t.lists, start_at: (t) => t.start, end_at: (t) => t.end,
    depth: (t) => t.depth, is_series: (t) => t.isSeries, series_id: (t) => t.seriesId,
    first_reply_ms: (t) => { const o = answer(t); return o?.answered ? o.time : null; }, first_responder: (t) => answer(t)?.responder ?? null,
  })));
  w.push(store.writeDerived("replies", {
    child_id: "VARCHAR", parent_id: "VARCHAR", from_id: "VARCHAR", to_id: "VARCHAR", date: "TIMESTAMP", latency_ms: "BIGINT",
    lists: "VARCHAR[]", thread_id: "VARCHAR", is_bot: "BOOLEAN",
  }, columnsOf(a.replies, { child_id: (e) => msgs[e.child].id, parent_id: (e) => msgs[e.parent].id, from_id: (e) => e.from, to_id: (e) => e.to,
    date: (e) => e.date, latency_ms: (e) => e.latency, lists: (e) => e.lists, thread_id: (e) => threadId[e.child], is_bot: (e) => e.bot })));
  w.push(store.writeDerived("reviews", {
    message_id: "VARCHAR", kind: "VARCHAR", reviewer_id: "VARCHAR", author_id: "VARCHAR", target_id: "VARCHAR", applies_to: "VARCHAR",
    series_id: "VARCHAR", thread_id: "VARCHAR", lists: "VARCHAR[]", date: "TIMESTAMP", source: "VARCHAR", cross_subsystem: "BOOLEAN",
  }, columnsOf(a.reviews, { message_id: (r) => r.messageId, kind: (r) => r.kind, reviewer_id: (r) => r.reviewer, author_id: (r) => r.author,
    target_id: (r) => r.target, applies_to: (r) => r.appliesTo, series_id: (r) => r.seriesId, thread_id: (r) => r.threadId, lists: (r) => r.lists,
    date: (r) => r.date, source: (r) => r.source, cross_subsystem: (r) => r.crossSubsystem })));
  w.push(writeSeriesTables(store, a));
  // One row: the window and the headline figures of this analysis, for `threadgraph stats`.
  const counts = headlineCounts(a);
  w.push(store.writeDerived("headline", {
    since: "VARCHAR", until: "VARCHAR", window_start: "TIMESTAMP", window_end: "TIMESTAMP",
    ...Object.fromEntries(Object.keys(counts).map((k) => [k, "INTEGER" as const])),
  }, [{ since: a.reportWindow.since, until: a.reportWindow.until, window_start: a.windowStart, window_end: a.windowEnd, ...counts }]));
  await allWritten(w);
}
