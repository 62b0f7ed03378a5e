// The analysis stage's only contact with the store: read the corpus (messages, people,
// trailers views) and write the derived tables (message_threads, threads, replies, reviews).
import type { Store } from "../store/api.ts";
import { NO_PATCH, type AnalysisMessage, type Corpus } from "../model/corpus.ts";
import type { Analysis } from "./analyze.ts";

/** "Re: [PATCH 2/5] ..." is a reply to a patch, not a patch: parse tags it from the subject alone. */
const REPLY_SUBJECT = /^\s*(re|aw|sv|antw|fwd?)\s*(\[\d+\])?\s*:/i;

/** Sources whose ids mark a single-thread fetch (`threadgraph thread`). */
const FETCH_SOURCE = /^(lore-thread|thread):/;

/**
 * Rows of `select` (ordered by `order`, so every run reads the same corpus in the same order) as
 * one array per column. The rows travel as JSON text in chunks of CHUNK rows: DuckDB encodes it
 * and JSON.parse decodes it natively, which is several times cheaper than a JS object per row and
 * per value through the row API (a third of the whole analysis at 200k messages).
 */
const CHUNK = 16_384;
export async function readColumns<C extends string>(store: Store, select: string, cols: readonly C[], order: string): Promise<Record<C, unknown[]>> {
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  const chunks = await store.query<{ j: string }>(`WITH q AS (SELECT *, row_number() OVER (ORDER BY ${order}) - 1 AS tg_rn FROM (${select}))
    SELECT tg_rn // ${CHUNK} AS tg_chunk, to_json(struct_pack(${cols.map((c) => `${q(c)} := list(${q(c)} ORDER BY tg_rn)`).join(", ")}))::VARCHAR AS j
    FROM q GROUP BY tg_chunk ORDER BY tg_chunk`);
  const out = Object.fromEntries(cols.map((c) => [c, [] as unknown[]])) as Record<C, unknown[]>;
  for (const { j } of chunks) {
    const part = JSON.parse(j) as Record<C, unknown[]>;
    for (const c of cols) for (const v of part[c]) out[c].push(v);
  }
  return out;
}

const MESSAGE_COLS = ["message_id", "date", "person_id", "author_person_id", "from_email", "subject", "in_reply_to", "references",
  "lists", "sources", "is_patch", "patch_version", "patch_index", "patch_total", "is_cover", "nak_line", "is_bot"] as const;

export async function readCorpus(store: Store, trackedLists: string[]): Promise<Corpus> {
  const c = await readColumns(store, `SELECT ${MESSAGE_COLS.filter((x) => x !== "date").map((x) => `"${x}"`).join(", ")}, epoch_ms(date) AS date FROM messages`,
    MESSAGE_COLS, "date NULLS LAST, message_id");
  const str = (v: unknown) => v as string | null, num = (v: unknown) => v as number | null, arr = (v: unknown) => v as string[] | null;
  const messages: AnalysisMessage[] = new Array(c.message_id.length);
  for (let i = 0; i < messages.length; i++) {
    const subject = str(c.subject[i]), isCover = !!c.is_cover[i], sources = arr(c.sources[i]) ?? [];
    const isPatch = !!c.is_patch[i] && !REPLY_SUBJECT.test(subject ?? "");
    const from = str(c.person_id[i]) ?? str(c.from_email[i]) ?? "(unknown)";
    // A forwarded patch's author, when identity resolution did not make them the sender.
    const ap = str(c.author_person_id[i]);
    const author = isPatch && !isCover && ap && ap !== from ? ap : undefined;
    messages[i] = {
      id: c.message_id[i] as string, date: num(c.date[i]) ?? null, from, ...(author ? { author } : {}), subject: subject ?? "",
      inReplyTo: str(c.in_reply_to[i]) ?? null, references: arr(c.references[i]) ?? [], lists: arr(c.lists[i]) ?? [],
      patch: isPatch ? { isPatch, version: num(c.patch_version[i]) ?? 1, index: num(c.patch_index[i]) ?? null, total: num(c.patch_total[i]) ?? null, isCover } : NO_PATCH,
      isBot: !!c.is_bot[i], nakLine: !!c.nak_line[i], fetched: sources.some((s) => FETCH_SOURCE.test(s)), sources,
    };
  }
  const p = await readColumns(store, "SELECT person_id, name, emails, is_bot FROM people", ["person_id", "name", "emails", "is_bot"] as const, "person_id");
  const people = p.person_id.map((id, i) => {
    const emails = p.emails[i] as string[] | null;
    return { id: id as string, name: str(p.name[i]) ?? "", email: emails?.[0] ?? (id as string), emails: emails ?? [], isBot: !!p.is_bot[i] };
  });
  const t = await readColumns(store, "SELECT message_id, kind, person_id, name, email FROM trailers", ["message_id", "kind", "person_id", "name", "email"] as const,
    "message_id, kind, person_id, name, email");
  const trailers = t.message_id.map((id, i) => ({
    messageId: id as string, kind: t.kind[i] as Corpus["trailers"][number]["kind"], personId: str(t.person_id[i]), name: str(t.name[i]) ?? "", email: str(t.email[i]) ?? "",
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
}
