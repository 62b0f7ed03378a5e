// All-time store statistics: the `all_time` figures of `threadgraph stats`, computed with SQL over
// the views. "people" has the site's definition (docs/analysis.md "Headline figures"), over the
// whole store: sent 1+ message, not a bot; a bot is a person flagged as one or who sent a message
// the parser flagged as a bot's.
import { DEFAULT_LISTS } from "../config.ts";
import { setOwn } from "../model/own-keys.ts";
import { archiveOf, archiveSql, quoteIdent } from "./schema.ts";
import type { DuckStore } from "./store.ts";

export interface StoreStats {
  messages: number;
  /** Unique messages per list (tracked lists always present, plus any archive list seen). */
  per_list: Record<string, number>;
  /** People who sent 1+ message in the store, bots excluded. */
  people: number;
  /** Every person of the store, incl. bots and people named only in trailers or as patch authors. */
  people_listed: number;
  bots: number;
  /** Copies seen beyond the first of each Message-ID (cross-posts and re-ingested copies). */
  duplicates: number;
  /** Copies with a known Message-ID but different content. */
  conflicts: number;
  errors: number;
  /** Messages hidden by public-inbox deletions. */
  deleted: number;
  arrivals: number;
  /**
   * Archives ever given to ingest/sync/thread and registered in the store (manifest sources), with
   * or without mail: a public-inbox inbox counts once however many epochs (or epoch paths) it has.
   */
  sources: number;
  /** Of those, the archives holding a visible copy of a message (not every copy deleted, not empty). */
  sources_with_mail: number;
  /** Patches credited to an in-body author who is another person than the sender. */
  forwarded_patches: number;
}

export async function computeStats(store: DuckStore, trackedNames: string[] = DEFAULT_LISTS.map((l) => l.name)): Promise<StoreStats> {
  // The analysis names a sender by person_id, else address (loaders/analysis/store-io.ts readCorpus).
  const [c] = await store.query<Record<string, number>>(`WITH
      senders AS (SELECT coalesce(person_id, from_email, '(unknown)') AS p, is_bot FROM messages),
      bots AS (SELECT person_id AS p FROM people WHERE is_bot UNION SELECT p FROM senders WHERE is_bot)
    SELECT
      (SELECT count(*) FROM messages) AS messages,
      (SELECT count(DISTINCT p) FROM senders WHERE p NOT IN (SELECT p FROM bots)) AS people,
      (SELECT count(*) FROM people) AS people_listed,
      (SELECT count(*) FROM bots) AS bots,
      (SELECT count(*) FROM arrivals) - (SELECT count(*) FROM messages) AS duplicates,
      (SELECT count(*) FROM conflicts) AS conflicts,
      (SELECT count(*) FROM errors) AS errors,
      (SELECT count(*) FROM raw_messages) - (SELECT count(*) FROM messages) AS deleted,
      (SELECT count(*) FROM arrivals) AS arrivals,
      (SELECT count(DISTINCT ${archiveSql("source")}) FROM arrivals) AS sources_with_mail,
      (SELECT count(*) FROM messages WHERE author_person_id <> person_id) AS forwarded_patches`);
  const per_list: Record<string, number> = Object.fromEntries(trackedNames.map((n) => [n, 0]));
  const rows = await store.query<{ list: string; n: number }>(
    `SELECT list, count(*) AS n FROM (SELECT unnest(lists) AS list FROM messages) GROUP BY list ORDER BY list`);
  for (const r of rows) setOwn(per_list, r.list, r.n);
  const sources = new Set(Object.keys(store.manifest().sources).map(archiveOf)).size;
  const { sources_with_mail, ...rest } = c as unknown as StoreStats;
  return { ...rest, sources, sources_with_mail, per_list };
}

/** Row count of each derived table (message_threads, threads, replies, reviews, ...): the last analysis, so its window. */
export async function derivedRowCounts(store: DuckStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of store.derivedNames()) {
    const [d] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
    setOwn(out, name, d.n);
  }
  return out;
}
