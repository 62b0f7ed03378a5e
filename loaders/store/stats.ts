// Store statistics: the numbers `threadgraph stats` prints, computed with SQL over the views.
import { DEFAULT_LISTS } from "../config.ts";
import { hasOwn, setOwn } from "../model/own-keys.ts";
import { quoteIdent } from "./schema.ts";
import type { DuckStore } from "./store.ts";

export interface StoreStats {
  messages: number;
  /** Unique messages per list (tracked lists always present, plus any archive list seen). */
  per_list: Record<string, number>;
  people: number;
  bots: number;
  /** Copies seen beyond the first of each Message-ID (cross-posts and re-ingested copies). */
  duplicates: number;
  /** Copies with a known Message-ID but different content. */
  conflicts: number;
  errors: number;
  /** Messages hidden by public-inbox deletions. */
  deleted: number;
  arrivals: number;
  sources: number;
  /** Patches credited to an in-body author who is another person than the sender. */
  forwarded_patches: number;
  /** Row counts of derived tables (threads, reply_edges, graph_people, ...) when present. */
  [derived: string]: number | Record<string, number>;
}

export async function computeStats(store: DuckStore, trackedNames: string[] = DEFAULT_LISTS.map((l) => l.name)): Promise<StoreStats> {
  const [c] = await store.query<Record<string, number>>(`SELECT
      (SELECT count(*) FROM messages) AS messages,
      (SELECT count(*) FROM people WHERE NOT is_bot) AS people,
      (SELECT count(*) FROM people WHERE is_bot) AS bots,
      (SELECT count(*) FROM raw_arrivals) - (SELECT count(*) FROM raw_messages) AS duplicates,
      (SELECT count(*) FROM conflicts) AS conflicts,
      (SELECT count(*) FROM errors) AS errors,
      (SELECT count(*) FROM raw_messages) - (SELECT count(*) FROM messages) AS deleted,
      (SELECT count(*) FROM raw_arrivals) AS arrivals,
      (SELECT count(DISTINCT source) FROM raw_arrivals) AS sources,
      (SELECT count(*) FROM messages WHERE author_person_id <> person_id) AS forwarded_patches`);
  const per_list: Record<string, number> = Object.fromEntries(trackedNames.map((n) => [n, 0]));
  const rows = await store.query<{ list: string; n: number }>(
    `SELECT list, count(*) AS n FROM (SELECT unnest(lists) AS list FROM messages) GROUP BY list ORDER BY list`);
  for (const r of rows) setOwn(per_list, r.list, r.n);
  const stats: StoreStats = { ...(c as StoreStats), per_list };
  for (const name of store.derivedNames()) {
    if (hasOwn(stats, name)) continue;
    const [d] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${quoteIdent(name)}`);
    stats[name] = d.n;
  }
  return stats;
}
