// What the subsystem/organisation analysis reads from the store besides the corpus: each
// message's addresses and files, the address map, and when each address was seen.
import type { Store } from "../store/api.ts";
import { readRows } from "./store-io.ts";

export interface AffiliationInput {
  /** message id -> To/Cc addresses and List-Id. */
  addressed: Map<string, { to: string[]; listId: string | null }>;
  /** message id -> files its diff touches; absent: none, or not parsed (see unparsed). */
  files: Map<string, string[]>;
  /** Messages whose parts predate message_files (file_count NULL). */
  unparsed: Set<string>;
  personOfEmail: Map<string, string>;
  /** person -> every address they sent or authored from, with its first and last date. */
  observations: Map<string, { email: string; firstSeen: number; lastSeen: number }[]>;
}

/**
 * `lists`: the known list addresses and the list-only hosts (ListDirectory). Only To/Cc addresses
 * that can be lists are read: netdev's long Cc lines are mostly people.
 */
export async function readAffiliationInput(store: Store, lists: { addresses: string[]; hosts: string[] }): Promise<AffiliationInput> {
  const q = (xs: string[]) => (xs.length ? xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(", ") : "NULL");
  const maybeList = `list_filter(list_concat(coalesce(to_emails, []), coalesce(cc_emails, [])),
    x -> split_part(x, '@', 2) IN (${q(lists.hosts)}) OR x IN (${q(lists.addresses)}))`;
  // All four queries go to DuckDB at once (runAnalysis starts them before the corpus analysis, which
  // holds this thread for seconds): one after another, each next one waited for a turn of the event
  // loop and then queued behind the derived tables' writes on the store's connection.
  const [addressedRows, fileRows, emailRows, observationRows] = await Promise.all([
    readRows(store, `SELECT message_id, ${maybeList} AS a, list_id, file_count FROM messages`, ["message_id", "a", "list_id", "file_count"], "message_id"),
    readRows(store, "SELECT message_id, list(path ORDER BY path) AS p FROM message_files GROUP BY message_id", ["message_id", "p"], "message_id"),
    readRows(store, "SELECT email, person_id FROM person_emails", ["email", "person_id"], "email"),
    readRows(store, `SELECT p, e, min(d) AS f, max(d) AS l FROM (
      SELECT person_id AS p, from_email AS e, epoch_ms(date) AS d FROM messages WHERE date IS NOT NULL
      UNION ALL SELECT author_person_id, author_email, epoch_ms(date) FROM messages WHERE date IS NOT NULL AND coalesce(author_email, '') <> '')
    WHERE e IS NOT NULL GROUP BY p, e`, ["p", "e", "f", "l"], "p, e"),
  ]);
  const addressed = new Map<string, { to: string[]; listId: string | null }>();
  const unparsed = new Set<string>();
  for (const r of addressedRows) {
    const [id, a, listId, n] = r as [string, string[] | null, string | null, number | null];
    addressed.set(id, { to: a ?? [], listId });
    if (n === null) unparsed.add(id);
  }
  const files = new Map<string, string[]>();
  for (const r of fileRows) files.set(r[0] as string, r[1] as string[]);
  const personOfEmail = new Map<string, string>();
  for (const r of emailRows) personOfEmail.set(r[0] as string, r[1] as string);
  const observations = new Map<string, { email: string; firstSeen: number; lastSeen: number }[]>();
  for (const r of observationRows) {
    const [p, email, firstSeen, lastSeen] = r as [string, string, number, number];
    let o = observations.get(p);
    if (!o) observations.set(p, (o = []));
    o.push({ email, firstSeen, lastSeen });
  }
  return { addressed, files, unparsed, personOfEmail, observations };
}
