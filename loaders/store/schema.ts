// Physical tables of the store (append-only Parquet parts) and the SQL views built over them.
// Column order here is the Parquet column order; docs/schema.md documents the views.
import type { ColumnType } from "./api.ts";
import { jsonRelationSql } from "./parquet-writer.ts";
import { quoteIdent, sqlString } from "./sql.ts";

export type Columns = Record<string, ColumnType>;

/** One row per Message-ID: the first copy seen. TIMESTAMP columns are given as epoch ms. */
export const MESSAGE_COLUMNS: Columns = {
  message_id: "VARCHAR", date: "TIMESTAMP", from_name: "VARCHAR", from_email: "VARCHAR",
  subject: "VARCHAR", in_reply_to: "VARCHAR", references: "VARCHAR[]", own_lists: "VARCHAR[]",
  list_id: "VARCHAR", to_emails: "VARCHAR[]", cc_emails: "VARCHAR[]",
  is_patch: "BOOLEAN", is_rfc: "BOOLEAN", patch_version: "INTEGER", patch_index: "INTEGER",
  patch_total: "INTEGER", is_cover: "BOOLEAN", patch_tags: "VARCHAR[]", is_reply: "BOOLEAN",
  nak_line: "BOOLEAN", is_bot: "BOOLEAN", flags: "VARCHAR[]", content_hash: "VARCHAR", bytes: "BIGINT",
  source: "VARCHAR", position: "VARCHAR",
  // Added later: parts written before have no such columns and read as NULL (see relationSql).
  author_name: "VARCHAR", author_email: "VARCHAR",
  change_id: "VARCHAR", previous_revisions: "VARCHAR[]",
  // How many files its diff touches (rows in message_files); NULL in parts written before
  // message_files existed, so the analysis can tell "no diff" from "not parsed: re-ingest".
  file_count: "INTEGER",
  // Links to another revision in the message's text (parse/revision-pointers.ts), with the rule of each (parallel lists).
  revision_links: "VARCHAR[]", revision_link_rules: "VARCHAR[]",
};

/** Every copy of every message seen, including the first; `lists` is what that copy evidences. */
export const ARRIVAL_COLUMNS: Columns = {
  message_id: "VARCHAR", source: "VARCHAR", position: "VARCHAR", list: "VARCHAR",
  lists: "VARCHAR[]", content_hash: "VARCHAR",
  // Added later (NULL in older parts): the copy's order in its archive (Provenance.seq).
  seq: "BIGINT",
};

export const TRAILER_COLUMNS: Columns = {
  message_id: "VARCHAR", kind: "VARCHAR", email: "VARCHAR", name: "VARCHAR", raw: "VARCHAR",
};

/** Verdicts found at parse time (parse/verdicts.ts); items as parallel lists (commit NULL: no matching commit). */
export const VERDICT_COLUMNS: Columns = {
  message_id: "VARCHAR", kind: "VARCHAR", state: "VARCHAR", rule: "VARCHAR", email: "VARCHAR", name: "VARCHAR",
  tree: "VARCHAR", branch: "VARCHAR", scope: "VARCHAR", item_subjects: "VARCHAR[]", item_commits: "VARCHAR[]", raw: "VARCHAR",
};

/** The files a message's diff touches (loaders/parse/diff-files.ts): one row per path. */
export const MESSAGE_FILE_COLUMNS: Columns = { message_id: "VARCHAR", path: "VARCHAR" };

export const ERROR_COLUMNS: Columns = { source: "VARCHAR", position: "VARCHAR", reason: "VARCHAR" };

/**
 * public-inbox `d` commits: hide the copies of message_id that came from `source`'s archive
 * before it (`seq`, the order in the archive; NULL in older parts: hides every copy, as it did).
 */
export const TOMBSTONE_COLUMNS: Columns = {
  message_id: "VARCHAR", source: "VARCHAR", position: "VARCHAR", seq: "BIGINT",
  // Added later: true for a copy gone from a rewritten history (public-inbox-purge): it hides only
  // the arrival of that source at that position.
  copy_only: "BOOLEAN",
};

export const PART_TABLES = {
  messages: MESSAGE_COLUMNS,
  arrivals: ARRIVAL_COLUMNS,
  trailers: TRAILER_COLUMNS,
  errors: ERROR_COLUMNS,
  tombstones: TOMBSTONE_COLUMNS,
  verdicts: VERDICT_COLUMNS,
  message_files: MESSAGE_FILE_COLUMNS,
} as const;
export type PartTable = keyof typeof PART_TABLES;

export const PEOPLE_COLUMNS: Columns = {
  person_id: "VARCHAR", name: "VARCHAR", emails: "VARCHAR[]", is_bot: "BOOLEAN", messages: "BIGINT",
  evidence: "VARCHAR",
};
export const PERSON_EMAIL_COLUMNS: Columns = { email: "VARCHAR", person_id: "VARCHAR" };
/** Suspected duplicate people (loaders/identity/suspects.ts). */
export const SUSPECT_COLUMNS: Columns = {
  person_a: "VARCHAR", name_a: "VARCHAR", emails_a: "VARCHAR[]", messages_a: "BIGINT",
  person_b: "VARCHAR", name_b: "VARCHAR", emails_b: "VARCHAR[]", messages_b: "BIGINT",
  reason: "VARCHAR", detail: "VARCHAR", override: "VARCHAR",
};

/** View names the store defines itself; derived tables may not take them. */
export const CORE_VIEWS = new Set([
  "messages", "people", "trailers", "errors", "arrivals", "tombstones", "conflicts", "person_emails",
  "people_suspects", "naks", "raw_people_suspects", "verdicts", "raw_verdicts", "message_files",
  "raw_messages", "raw_arrivals", "raw_trailers", "raw_errors", "raw_tombstones", "raw_people", "raw_message_files",
]);

/**
 * The derived tables `threadgraph analyze` writes (derived/<name>.parquet): a query naming one the
 * store lacks is told to run analyze (test/store/missing-derived.test.ts checks the list is complete).
 */
export const DERIVED_TABLES = new Set([
  "headline", "message_lists", "message_subsystems", "message_threads", "organisations", "person_homes", "person_organisations",
  "person_subsystems", "replies", "review_affiliations", "reviews", "revision_groups", "series", "series_lists", "subsystems", "threads",
]);

export { quoteIdent, sqlString } from "./sql.ts";

/**
 * SELECT over a table's parts: Parquet parts, plus JSON-lines parts of batches committed by an
 * ingest that has not sealed them yet (it was killed); a typed empty relation when there are none.
 * Parts written before a column was added lack it: Parquet parts are read by name
 * (union_by_name) and unioned BY NAME with the typed empty relation, so a column no part has
 * reads as NULL instead of failing to bind (JSON lines miss keys as NULL already).
 */
export function relationSql(files: string[], columns: Columns): string {
  const names = Object.keys(columns).map(quoteIdent).join(", ");
  const parquet = files.filter((f) => f.endsWith(".parquet"));
  const json = files.filter((f) => f.endsWith(".jsonl"));
  const cols = Object.entries(columns).map(([n, t]) => `CAST(NULL AS ${t}) AS ${quoteIdent(n)}`);
  const empty = `SELECT ${cols.join(", ")} WHERE false`;
  const parts: string[] = [];
  if (parquet.length) {
    parts.push(`SELECT ${names} FROM (SELECT * FROM read_parquet([${parquet.map(sqlString).join(", ")}], union_by_name = true) UNION ALL BY NAME ${empty})`);
  }
  if (json.length) parts.push(`SELECT ${names} FROM (${jsonRelationSql(json, columns)})`);
  return parts.length ? parts.join(" UNION ALL ") : empty;
}

/**
 * The archive a copy belongs to, from its source id: a public-inbox inbox is one archive over all
 * its epochs, however it was given ("pi:/inbox#1", "pi:/inbox/git/1.git#1" and the tombstones of
 * older stores, "pi:/inbox", all give "pi:/inbox"). Other sources are their own archive.
 */
export function archiveSql(col: string): string {
  return `CASE WHEN starts_with(${col}, 'pi:') THEN regexp_replace(regexp_replace(${col}, '#\\d+$', ''), '/git/\\d+\\.git/?$', '')
    WHEN starts_with(${col}, 'lore-http:') THEN regexp_replace(${col}, '\\?.*$', '') ELSE ${col} END`;
}

/** archiveSql for one source id, in JS: the archive (an inbox over all its epochs) a source belongs to. */
export function archiveOf(source: string): string {
  if (source.startsWith("pi:")) return source.replace(/#\d+$/, "").replace(/\/git\/\d+\.git\/?$/, "");
  if (source.startsWith("lore-http:")) return source.replace(/\?.*$/, ""); // a search slice's copies: "<id>?d:FROM..TO"
  return source;
}

/** A source whose LIST= tag changed, and its current tag (manifest `retagged`). */
export interface Retag { source: string; list: string | null }

/**
 * Hides a re-tagged source's copies (its own, an epoch's "<id>#N", a search slice's "<id>?d:...")
 * that carry an old tag once the same copy was read again with the current one (copies not read again yet keep counting, so an interrupted re-tag hides nothing).
 */
function retagFilter(retags: Retag[]): string {
  if (retags.length === 0) return "";
  const values = retags.map((r) => `(${sqlString(r.source)}, ${r.list === null ? "NULL" : sqlString(r.list)})`).join(", ");
  return `
       AND NOT EXISTS (SELECT 1 FROM (VALUES ${values}) r(source, list) JOIN raw_arrivals b ON b.message_id = a.message_id AND b.source = a.source
                       WHERE (a.source = r.source OR starts_with(a.source, r.source || '#') OR starts_with(a.source, r.source || '?'))
                         AND a.list IS DISTINCT FROM r.list AND b.list IS NOT DISTINCT FROM r.list)`;
}

/**
 * The messages view's SELECT: each stored message with the lists and sources of its visible copies
 * (a message with none left is not shown) and its people. With `only` (a SELECT of message_id), the
 * view's rows of those messages alone: their arrivals are aggregated, not every message's.
 */
function messagesSelect(hasThreads: boolean, only?: string): string {
  const threadCols = hasThreads ? ", mt.thread_id, mt.series_id" : ", CAST(NULL AS VARCHAR) AS thread_id, CAST(NULL AS VARCHAR) AS series_id";
  const threadJoin = hasThreads ? "LEFT JOIN message_threads mt ON mt.message_id = m.message_id" : "";
  return `
     WITH arr AS (
       SELECT message_id, list_sort(list_distinct(flatten(list(lists)))) AS lists,
              list_sort(list_distinct(list(source))) AS sources
       FROM arrivals${only ? ` WHERE message_id IN (${only})` : ""} GROUP BY message_id)
     SELECT m.message_id, m.date, m.from_name, m.from_email,
            coalesce(pe.person_id, m.from_email) AS person_id,
            m.author_name, m.author_email,
            -- a forwarded patch's author (in-body From:), else the sender
            CASE WHEN coalesce(m.author_email, '') = '' THEN coalesce(pe.person_id, m.from_email)
                 ELSE coalesce(pa.person_id, m.author_email) END AS author_person_id,
            m.subject, m.in_reply_to, m."references", arr.lists, arr.sources, m.list_id,
            m.to_emails, m.cc_emails, m.is_patch, m.is_rfc, m.patch_version, m.patch_index,
            m.patch_total, m.is_cover, m.patch_tags, m.is_reply, m.nak_line, m.change_id, m.previous_revisions,
            m.revision_links, m.revision_link_rules,
            (m.is_bot OR coalesce(p.is_bot, false)) AS is_bot, m.flags, m.content_hash, m.bytes, m.file_count${threadCols}
     FROM raw_messages m
     JOIN arr ON arr.message_id = m.message_id
     LEFT JOIN raw_person_emails pe ON pe.email = m.from_email
     LEFT JOIN raw_person_emails pa ON pa.email = m.author_email
     LEFT JOIN raw_people p ON p.person_id = pe.person_id
     ${threadJoin}`;
}

/** Messages that can be NAK evidence (see the naks view): a Nacked-by trailer, a NAK line, a pw-bot verdict. */
const NAK_CANDIDATES = `SELECT message_id FROM raw_trailers WHERE kind = 'nacked-by'
       UNION SELECT message_id FROM raw_messages WHERE nak_line
       UNION SELECT message_id FROM raw_verdicts WHERE rule = 'pw-bot' AND kind IN ('changes-requested', 'rejected')`;

/** The public views over raw_* relations. `hasThreads` joins derived message_threads. */
export function viewSql(hasThreads: boolean, retags: Retag[] = [], hasHomes = false): string[] {
  return [
    `CREATE OR REPLACE TEMP VIEW tombstones AS SELECT * FROM raw_tombstones`,
    // A copy is hidden when its own archive deleted it later, in any epoch or run (a message
    // added again after its deletion shows again); other archives' copies stay. Without an order
    // on either side (rows from before seq existed) the deletion hides the copy, as it did then.
    `CREATE OR REPLACE TEMP VIEW arrivals AS SELECT a.* EXCLUDE (seq) FROM raw_arrivals a
       WHERE NOT EXISTS (SELECT 1 FROM raw_tombstones t WHERE t.message_id = a.message_id
                         AND ${archiveSql("t.source")} = ${archiveSql("a.source")}
                         AND CASE WHEN coalesce(t.copy_only, false) THEN t.source = a.source AND t.position = a.position
                                  ELSE t.seq IS NULL OR a.seq IS NULL OR t.seq > a.seq END)${retagFilter(retags)}`,
    `CREATE OR REPLACE TEMP VIEW person_emails AS SELECT * FROM raw_person_emails`,
    `CREATE OR REPLACE TEMP VIEW messages AS ${messagesSelect(hasThreads)}`,
    // home_list, home_subsystem, organisation: from derived person_homes once analyze ran (docs/analysis.md).
    hasHomes
      ? `CREATE OR REPLACE TEMP VIEW people AS SELECT p.person_id, p.name, p.emails, p.is_bot, p.messages, p.evidence,
           h.home_list, h.home_subsystem, h.organisation FROM raw_people p LEFT JOIN person_homes h USING (person_id)`
      : `CREATE OR REPLACE TEMP VIEW people AS SELECT person_id, name, emails, is_bot, messages, evidence,
           CAST(NULL AS VARCHAR) AS home_list, CAST(NULL AS VARCHAR) AS home_subsystem, CAST(NULL AS VARCHAR) AS organisation FROM raw_people`,
    `CREATE OR REPLACE TEMP VIEW trailers AS
     SELECT t.message_id, t.kind, coalesce(pe.person_id, t.email) AS person_id, t.email, t.name, t.raw
     FROM raw_trailers t LEFT JOIN raw_person_emails pe ON pe.email = t.email
     WHERE t.message_id IN (SELECT message_id FROM arrivals)`,
    `CREATE OR REPLACE TEMP VIEW errors AS SELECT * FROM raw_errors`,
    `CREATE OR REPLACE TEMP VIEW message_files AS SELECT * FROM raw_message_files WHERE message_id IN (SELECT message_id FROM arrivals)`,
    `CREATE OR REPLACE TEMP VIEW people_suspects AS SELECT * FROM raw_people_suspects`,
    // NAK evidence, as the analysis reads it (loaders/analysis/reviews.ts): a Nacked-by trailer
    // or a free-text NAK line outside quotes, in a message that is not itself a patch (a Nacked-by
    // inside a patch was carried over; a "Re: [PATCH]" reply is not a patch, as in
    // analysis/store-io.ts). A NAK line beside the sender's own Nacked-by is the same NAK.
    // netdev's "pw-bot: changes-requested" / "pw-bot: reject" lines are explicit verdicts: they
    // are NAK evidence too, under their own kinds (pw-bot-changes-requested, pw-bot-rejected).
    // Only the messages that can be NAK evidence are looked up (a few hundred): the messages view's
    // rows of those alone, not the whole view three times (each scan aggregating every arrival).
    `CREATE OR REPLACE TEMP VIEW naks AS
     WITH nm AS (
       SELECT *, is_patch AND NOT regexp_matches(coalesce(subject, ''), '^\\s*(re|aw|sv|antw|fwd?)\\s*(\\[\\d+\\])?\\s*:', 'i') AS own_patch
       FROM (${messagesSelect(hasThreads, NAK_CANDIDATES)}))
     SELECT t.message_id, 'nacked-by' AS kind, t.person_id, t.email, t.name, m.date, m.subject, m.lists, m.thread_id, t.raw
       FROM trailers t JOIN nm m USING (message_id) WHERE t.kind = 'nacked-by' AND NOT m.own_patch
     UNION ALL
     SELECT m.message_id, 'nak-line' AS kind, m.person_id, m.from_email AS email, m.from_name AS name, m.date, m.subject, m.lists, m.thread_id,
            CAST(NULL AS VARCHAR) AS raw
       FROM nm m WHERE m.nak_line AND NOT m.own_patch AND NOT EXISTS (
         SELECT 1 FROM raw_trailers t WHERE t.message_id = m.message_id AND t.kind = 'nacked-by' AND t.email = m.from_email)
     UNION ALL
     SELECT m.message_id, 'pw-bot-' || v.kind AS kind, m.person_id, m.from_email AS email, m.from_name AS name, m.date, m.subject, m.lists,
            m.thread_id, v.raw
       FROM raw_verdicts v JOIN nm m USING (message_id)
       WHERE v.rule = 'pw-bot' AND v.kind IN ('changes-requested', 'rejected') AND NOT m.own_patch`,
    // Verdicts found at ingest (loaders/parse/verdicts.ts), one row per verdict, plus every NAK of
    // the naks view as a 'rejected' verdict (rule 'nak'). Stores ingested before verdicts existed
    // have no verdict parts: only their NAKs show here until the archives are ingested into a new store.
    `CREATE OR REPLACE TEMP VIEW verdicts AS
     SELECT v.message_id, v.kind, v.state, v.rule, coalesce(pe.person_id, nullif(v.email, '')) AS person_id, v.email, v.name,
            v.tree, v.branch, v.scope,
            list_transform(list_zip(coalesce(v.item_subjects, []), coalesce(v.item_commits, [])), x -> {'subject': x[1], 'commit': x[2]}) AS items,
            v.raw, m.date, m.in_reply_to
       FROM raw_verdicts v JOIN raw_messages m USING (message_id)
       LEFT JOIN raw_person_emails pe ON pe.email = v.email
       WHERE v.message_id IN (SELECT message_id FROM arrivals)
     UNION ALL
     SELECT n.message_id, 'rejected' AS kind, CAST(NULL AS VARCHAR) AS state, 'nak' AS rule, n.person_id, n.email, n.name,
            NULL, NULL, NULL, CAST([] AS STRUCT(subject VARCHAR, "commit" VARCHAR)[]) AS items, coalesce(n.raw, n.kind) AS raw, n.date, m.in_reply_to
       FROM naks n JOIN raw_messages m USING (message_id) WHERE n.kind IN ('nacked-by', 'nak-line')`,
    // Same Message-ID, different content: the copies that were not kept.
    `CREATE OR REPLACE TEMP VIEW conflicts AS
     SELECT a.message_id, a.source, a.position, a.content_hash, m.content_hash AS kept_content_hash
     FROM arrivals a JOIN raw_messages m USING (message_id) WHERE a.content_hash <> m.content_hash`,
  ];
}
