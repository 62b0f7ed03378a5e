// The analysis stage's only contact with the store: read the corpus (messages, people,
// trailers views) and write the derived tables (message_threads, threads, replies, reviews, headline).
import type { Store } from "../store/api.ts";
import { NO_PATCH, type AnalysisMessage, type Corpus } from "../model/corpus.ts";
import type { Analysis } from "./analyze.ts";
import { headlineCounts } from "./headline.ts";

interface MessageRow {
  message_id: string; date: number | null; person_id: string | null; author_person_id: string | null; from_email: string | null; subject: string | null;
  in_reply_to: string | null; references: string[] | null; lists: string[] | null; sources: string[] | null;
  is_patch: boolean | null; patch_version: number | null; patch_index: number | null; patch_total: number | null;
  is_cover: boolean | null; nak_line: boolean | null; is_bot: boolean | null;
}

/** "Re: [PATCH 2/5] ..." is a reply to a patch, not a patch: parse tags it from the subject alone. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw|fwd?)\s*(\[\d+\])?\s*:/i;

/** Sources whose ids mark a single-thread fetch (`threadgraph thread`). */
const FETCH_SOURCE = /^(lore-thread|thread):/;

export async function readCorpus(store: Store, trackedLists: string[]): Promise<Corpus> {
  const rows = await store.query<MessageRow>(`SELECT message_id, date, person_id, author_person_id, from_email, subject, in_reply_to, "references",
    lists, sources, is_patch, patch_version, patch_index, patch_total, is_cover, nak_line, is_bot FROM messages`);
  const messages: AnalysisMessage[] = rows.map((r) => {
    const isPatch = !!r.is_patch && !REPLY_SUBJECT.test(r.subject ?? "");
    const from = r.person_id ?? r.from_email ?? "(unknown)";
    // A forwarded patch's author, when identity resolution did not make them the sender.
    const author = isPatch && !r.is_cover && r.author_person_id && r.author_person_id !== from ? r.author_person_id : undefined;
    return {
    id: r.message_id, date: r.date ?? null, from, ...(author ? { author } : {}), subject: r.subject ?? "",
    inReplyTo: r.in_reply_to ?? null, references: r.references ?? [], lists: r.lists ?? [],
    patch: isPatch ? { isPatch, version: r.patch_version ?? 1, index: r.patch_index ?? null, total: r.patch_total ?? null, isCover: !!r.is_cover } : NO_PATCH,
    isBot: !!r.is_bot, nakLine: !!r.nak_line, fetched: (r.sources ?? []).some((s) => FETCH_SOURCE.test(s)), sources: r.sources ?? [],
  };
  });
  const people = (await store.query<{ person_id: string; name: string | null; emails: string[] | null; is_bot: boolean | null }>(
    `SELECT person_id, name, emails, is_bot FROM people`)).map((p) => ({
    id: p.person_id, name: p.name ?? "", email: p.emails?.[0] ?? p.person_id, emails: p.emails ?? [], isBot: !!p.is_bot,
  }));
  const trailers = (await store.query<{ message_id: string; kind: string; person_id: string | null; name: string | null; email: string | null }>(
    `SELECT message_id, kind, person_id, name, email FROM trailers`)).map((t) => ({
    messageId: t.message_id, kind: t.kind as Corpus["trailers"][number]["kind"], personId: t.person_id, name: t.name ?? "", email: t.email ?? "",
  }));
  const sources = (await store.query<{ source: string; list: string | null; messages: number }>(
    `SELECT source, any_value(list) AS list, count(DISTINCT message_id) AS messages FROM arrivals GROUP BY source ORDER BY source`));
  // Tracked lists first (config order), then any other list seen in the data.
  const seen = new Set<string>();
  for (const m of messages) for (const l of m.lists) seen.add(l);
  const lists = [...trackedLists.filter((l) => seen.has(l)), ...[...seen].filter((l) => !trackedLists.includes(l)).sort()];
  return { messages, people, trailers, lists, sources };
}

export async function writeDerivedTables(store: Store, a: Analysis): Promise<void> {
  const msgs = a.corpus.messages;
  await store.writeDerived("message_threads", { message_id: "VARCHAR", thread_id: "VARCHAR", series_id: "VARCHAR" },
    msgs.map((m, i) => ({ message_id: m.id, thread_id: a.tr.threading.threadId[i], series_id: a.tr.series[i] })));
  const first = new Map(a.observations.filter((o) => o.kind === "thread").map((o) => [o.key, o]));
  await store.writeDerived("threads", {
    thread_id: "VARCHAR", root_id: "VARCHAR", root_missing: "BOOLEAN", subject: "VARCHAR", author_id: "VARCHAR", sender_id: "VARCHAR", messages: "INTEGER",
    participants: "INTEGER", lists: "VARCHAR[]", start_at: "TIMESTAMP", end_at: "TIMESTAMP", depth: "INTEGER",
    is_series: "BOOLEAN", series_id: "VARCHAR", first_reply_ms: "BIGINT", first_responder: "VARCHAR",
  }, a.tr.threads.map((t) => {
    const o = first.get(t.id);
    return { thread_id: t.id, root_id: msgs[t.root].id, root_missing: t.rootIsPhantom, subject: t.subject,
      // Root missing: the first stored message is a reply, so nobody is known to have started the thread.
      author_id: t.rootIsPhantom ? null : t.author, sender_id: t.rootIsPhantom ? null : t.sender,
      messages: t.members.length, participants: t.participants.length, lists: t.lists, start_at: t.start, end_at: t.end, depth: t.depth,
      is_series: t.isSeries, series_id: t.seriesId, first_reply_ms: o?.answered ? o.time : null, first_responder: o?.responder ?? null };
  }));
  await store.writeDerived("replies", {
    child_id: "VARCHAR", parent_id: "VARCHAR", from_id: "VARCHAR", to_id: "VARCHAR", date: "TIMESTAMP", latency_ms: "BIGINT",
    lists: "VARCHAR[]", thread_id: "VARCHAR", is_bot: "BOOLEAN",
  }, a.replies.map((e) => ({ child_id: msgs[e.child].id, parent_id: msgs[e.parent].id, from_id: e.from, to_id: e.to, date: e.date,
    latency_ms: e.latency, lists: e.lists, thread_id: a.tr.threading.threadId[e.child], is_bot: e.bot })));
  await store.writeDerived("reviews", {
    message_id: "VARCHAR", kind: "VARCHAR", reviewer_id: "VARCHAR", author_id: "VARCHAR", target_id: "VARCHAR", applies_to: "VARCHAR",
    series_id: "VARCHAR", thread_id: "VARCHAR", lists: "VARCHAR[]", date: "TIMESTAMP", source: "VARCHAR", cross_subsystem: "BOOLEAN",
  }, a.reviews.map((r) => ({ message_id: r.messageId, kind: r.kind, reviewer_id: r.reviewer, author_id: r.author, target_id: r.target,
    applies_to: r.appliesTo, series_id: r.seriesId, thread_id: r.threadId, lists: r.lists, date: r.date, source: r.source, cross_subsystem: r.crossSubsystem })));
  // One row: the window and the headline figures of this analysis, for `threadgraph stats`.
  const counts = headlineCounts(a);
  await store.writeDerived("headline", {
    since: "VARCHAR", until: "VARCHAR", window_start: "TIMESTAMP", window_end: "TIMESTAMP",
    ...Object.fromEntries(Object.keys(counts).map((k) => [k, "INTEGER" as const])),
  }, [{ since: a.reportWindow.since, until: a.reportWindow.until, window_start: a.windowStart, window_end: a.windowEnd, ...counts }]);
}
