// What the subsystem/organisation analysis reads from the store besides the corpus: each
// message's addresses and files, the address map, and when each address was seen. Each message's
// addresses come with the corpus rows (store-io.ts readAnalysisInput: one scan of the messages
// view for both), the rest from one statement of its own.
import { sharedArrays, type RowSet } from "./read-rows.ts";
import { sqlString } from "../store/sql.ts";

export interface AffiliationInput {
  /** message id -> To/Cc addresses and List-Id; absent: neither. */
  addressed: Map<string, { to: string[]; listId: string | null }>;
  /** message id -> files its diff touches; absent: none, or not parsed (see unparsed). */
  files: Map<string, string[]>;
  /** Messages whose parts predate message_files (file_count NULL). */
  unparsed: Set<string>;
  personOfEmail: Map<string, string>;
  /** person -> every address they sent or authored from, with its first and last date. */
  observations: Map<string, { email: string; firstSeen: number; lastSeen: number }[]>;
}

/** The known list addresses and the list-only hosts (ListDirectory): which To/Cc addresses can be lists. */
export interface AffiliationLists { addresses: string[]; hosts: string[] }

const sqlList = (xs: string[]) => (xs.length ? xs.map(sqlString).join(", ") : "NULL");
/** `s` matched literally in an RE2 pattern: every ASCII punctuation character escaped (a valid escape in RE2), the rest as is. */
const re2Literal = (s: string) => s.replace(/[!-/:-@[-`{-~]/g, "\\$&");

/**
 * The columns each message's row adds to the corpus read (select-list items over the messages
 * view). Only To/Cc addresses that can be lists are read: netdev's long Cc lines are mostly people.
 */
export function affiliationMessageColumns(lists: AffiliationLists): string[] {
  // As JSON text, the key to an array shared by every message with the same combination (sharedArrays).
  // To and Cc filtered each, then joined: concatenating first copied every address of netdev's long Cc
  // lines into a new list only to drop most of them (~0.3 CPU-s of DuckDB at 200k messages).
  // list_concat skips a NULL list, as the coalesce did.
  // The known addresses as one regular expression (one pass over each address), not an IN list (a comparison
  // per address: with MAINTAINERS' few dozen lists, ~0.2 CPU-s more of DuckDB at 200k messages).
  const isAddress = lists.addresses.length ? `regexp_full_match(x, ${sqlString(`(?s)${lists.addresses.map(re2Literal).join("|")}`)})` : "NULL";
  const canBeList = `x -> split_part(x, '@', 2) IN (${sqlList(lists.hosts)}) OR ${isAddress}`;
  return [`to_json(list_concat(list_filter(to_emails, ${canBeList}), list_filter(cc_emails, ${canBeList})))::VARCHAR AS to_lists`,
    "list_id", "file_count IS NULL AS unparsed"];
}

/** Their names, in the same order: addressedCollector reads them so. */
export const AFFILIATION_ROW_COLUMNS = ["to_lists", "list_id", "unparsed"] as const;

export type Addressed = Pick<AffiliationInput, "addressed" | "unparsed">;

/**
 * Collects the message rows' affiliation columns, row by row (rows as eachRow gives them: position,
 * message id, ..., AFFILIATION_ROW_COLUMNS from `at` on).
 */
export function addressedCollector(at: number): { add: (r: readonly unknown[]) => void; collected: Addressed } {
  const addressed = new Map<string, { to: string[]; listId: string | null }>();
  const unparsed = new Set<string>();
  // Most messages are addressed to the same few lists: one frozen array per combination, one string per List-Id.
  const shared = sharedArrays(), listIds = new Map<string, string>();
  const add = (r: readonly unknown[]) => {
    const id = r[1] as string, to = shared(r[at] as string | null), listId = r[at + 1] as string | null;
    if (to.length || listId !== null) {
      let l = listId;
      if (l !== null) { const s = listIds.get(l); if (s === undefined) listIds.set(l, l); else l = s; }
      addressed.set(id, { to, listId: l });
    }
    if (r[at + 2]) unparsed.add(id);
  };
  return { add, collected: { addressed, unparsed } };
}

/** Every path a diff touches, once, in path order: a message's files come as codes (positions here), one string per path. */
const PATHS = "SELECT DISTINCT path FROM message_files";

export const AFFILIATION_SETS = {
  paths: { select: PATHS, cols: ["path"], order: "path" },
  // Codes in code order are the paths in path order.
  files: { select: `SELECT f.message_id, list(c.code ORDER BY c.code) AS codes FROM message_files f
      JOIN (SELECT path, row_number() OVER (ORDER BY path) - 1 AS code FROM (${PATHS})) c ON c.path IS NOT DISTINCT FROM f.path
      GROUP BY f.message_id`,
  cols: ["message_id", "codes"], order: "message_id" },
  emails: { select: "SELECT email, person_id FROM person_emails", cols: ["email", "person_id"], order: "email" },
  // Each address's first and last date, as sender or as author (a forwarded patch's), under its person
  // (as the messages view names them). From raw_messages, the messages the view shows (a copy left in
  // `arrivals`): grouped by (sender, author) first, a few thousand pairs, each address's person looked up once
  // after, where two scans of the messages view aggregated every message's arrivals twice.
  seen: { select: `WITH g AS (SELECT from_email, author_email, min(date) AS f, max(date) AS l FROM raw_messages
        WHERE date IS NOT NULL AND message_id IN (SELECT message_id FROM arrivals) GROUP BY from_email, author_email),
      e AS (SELECT from_email AS e, f, l FROM g UNION ALL SELECT author_email, f, l FROM g WHERE author_email <> '')
    SELECT coalesce(pe.person_id, e.e) AS p, e.e AS e, epoch_ms(min(e.f)) AS f, epoch_ms(max(e.l)) AS l
    FROM e LEFT JOIN raw_person_emails pe ON pe.email = e.e WHERE e.e IS NOT NULL GROUP BY 1, 2`, cols: ["p", "e", "f", "l"], order: "p, e" },
} satisfies Record<string, RowSet>;

export function affiliationInputOf({ addressed, unparsed }: Addressed, sets: Record<keyof typeof AFFILIATION_SETS, unknown[][]>): AffiliationInput {
  const paths = sets.paths.map((r) => r[0] as string);
  const files = new Map<string, string[]>();
  for (const [id, codes] of sets.files as [string, number[]][]) files.set(id, codes.map((c) => paths[c]));
  const personOfEmail = new Map<string, string>();
  for (const r of sets.emails) personOfEmail.set(r[0] as string, r[1] as string);
  const observations = new Map<string, { email: string; firstSeen: number; lastSeen: number }[]>();
  for (const r of sets.seen) {
    const [p, email, firstSeen, lastSeen] = r as [string, string, number, number];
    let o = observations.get(p);
    if (!o) observations.set(p, (o = []));
    o.push({ email, firstSeen, lastSeen });
  }
  return { addressed, files, unparsed, personOfEmail, observations };
}
