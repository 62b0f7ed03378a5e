// `threadgraph stats --since/--until [--lists] [--no-bots]`: the headline figures of any window,
// computed on the fly with DuckDB over what the last analysis covered (its derived tables), by the
// definitions the site applies in the browser to its fact tables (src/components/facts.js,
// docs/analysis.md "Windowed figures"). Days are whole UTC days, until exclusive.
import type { Store } from "../store/api.ts";
import { sqlString } from "../store/sql.ts";
import { DAY, parseWhen } from "../model/window.ts";

export interface WindowFilter {
  /** "YYYY-MM-DD" (or "N days"); null: open. */
  since: string | null; until: string | null;
  /** Lists a message (a review: its thread) must reach one of; null: every message. */
  lists: string[] | null;
  /** false: leave out messages sent by bots and reviews given by bots. */
  bots: boolean;
}

/**
 * reviews_carried: Reviewed/Acked/Tested-by carried inside patches, by the carrying patch's date and
 * thread lists (the site's keptCarried); pw_bot_*: netdev's pw-bot verdicts, by the same rules as NAKs.
 */
export interface WindowFigures { messages: number; threads: number; people: number; reviews: number; reviews_carried: number; naks: number;
  pw_bot_changes_requested: number; pw_bot_rejected: number }

/** The window's bounds as ms, each a UTC midnight (the site filters whole days); a clear error otherwise. */
export function windowBounds(f: WindowFilter): { start: number | null; end: number | null } {
  const at = (s: string | null, name: string): number | null => {
    if (s === null) return null;
    const t = parseWhen(s);
    // Date.parse rolls 2025-02-30 over to March: the site ignores such a day, so refuse it here.
    if (/^\d{4}-\d{2}-\d{2}$/.test(s.trim()) && new Date(t).toISOString().slice(0, 10) !== s.trim()) throw new Error(`--${name} ${s}: no such day`);
    if (t % DAY !== 0) throw new Error(`--${name} ${s}: use a day (YYYY-MM-DD); the site filters whole days`);
    return t;
  };
  const start = at(f.since, "since"), end = at(f.until, "until");
  if (start !== null && end !== null && end <= start) throw new Error(`empty window: --until ${f.until} is not after --since ${f.since}`);
  return { start, end };
}

export async function computeWindowStats(store: Store, f: WindowFilter): Promise<WindowFigures> {
  const { start, end } = windowBounds(f);
  const ts = (t: number) => `make_timestamp(${t * 1000})`;
  const inWindow = (col: string) => [start !== null ? `${col} >= ${ts(start)}` : null, end !== null ? `${col} < ${ts(end)}` : null]
    .filter(Boolean).join(" AND ") || "TRUE";
  const dated = (col: string) => (start === null && end === null ? "TRUE" : `${col} IS NOT NULL AND ${inWindow(col)}`);
  const listArr = f.lists ? `[${f.lists.map(sqlString).join(", ")}]::VARCHAR[]` : null;
  const onLists = (col: string) => (listArr ? `list_has_any(coalesce(${col}, []::VARCHAR[]), ${listArr})` : "TRUE");
  // Senders and bots as the analysis names them (loaders/analysis/store-io.ts, analyze.ts).
  const [row] = await store.query<Record<string, number>>(`WITH
      msgs AS (SELECT m.date, m.lists, coalesce(m.person_id, m.from_email, '(unknown)') AS p, m.is_bot, t.thread_id
               FROM messages m JOIN message_threads t USING (message_id)),
      bots AS (SELECT person_id AS p FROM people WHERE is_bot UNION SELECT p FROM msgs WHERE is_bot),
      kept AS (SELECT * FROM msgs WHERE ${dated("date")} AND ${onLists("lists")}
               ${f.bots ? "" : "AND p NOT IN (SELECT p FROM bots)"}),
      revs AS (SELECT kind, kind IN ('nacked-by', 'nak-line') AS nak, source, author_id FROM reviews
               WHERE ${dated("date")} AND ${onLists("lists")} ${f.bots ? "" : "AND reviewer_id NOT IN (SELECT p FROM bots)"})
    SELECT
      (SELECT count(*) FROM kept) AS messages,
      (SELECT count(DISTINCT thread_id) FROM kept) AS threads,
      (SELECT count(DISTINCT p) FROM kept WHERE p NOT IN (SELECT p FROM bots)) AS people,
      (SELECT count(*) FROM revs WHERE NOT nak AND source = 'reply' AND author_id IS NOT NULL) AS reviews,
      (SELECT count(*) FROM revs WHERE NOT nak AND source = 'carried') AS reviews_carried,
      (SELECT count(*) FROM revs WHERE nak) AS naks,
      (SELECT count(*) FROM revs WHERE kind = 'pw-bot-changes-requested') AS pw_bot_changes_requested,
      (SELECT count(*) FROM revs WHERE kind = 'pw-bot-rejected') AS pw_bot_rejected`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as unknown as WindowFigures;
}
