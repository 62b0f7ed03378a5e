// `threadgraph series --since/--until [--lists]`: the Series page's headline figures for a window,
// computed now with DuckDB over the series tables of the last analysis, by the rules the page
// applies in the browser to facts-series.json (src/components/series-facts.js): a series
// (revision group) counts when its first revision was posted in the window (whole UTC days, until
// exclusive), it reached one of the lists, and its author is not a bot (never, as in series.json).
// Outcomes are those known by the end of the data.
import type { Store } from "../store/api.ts";
import { sqlString } from "../store/sql.ts";
import { windowBounds, type WindowFilter } from "./window-stats.ts";

export interface SeriesWindowFigures {
  series: number; postings: number; applied: number; partial: number; answered: number; reviewed: number;
  never_answered: number; never_answered_never_applied: number;
  /** Outcome of each posting (revision) of the counted series. */
  outcomes: Record<string, number>;
}

export async function computeSeriesWindow(store: Store, f: Omit<WindowFilter, "bots">): Promise<SeriesWindowFigures> {
  const { start, end } = windowBounds({ ...f, bots: true });
  const ts = (t: number) => `make_timestamp(${t * 1000})`;
  const conds = ["g.author NOT IN (SELECT p FROM bots)"];
  if (start !== null || end !== null) conds.push("g.first_posted_at IS NOT NULL");
  if (start !== null) conds.push(`g.first_posted_at >= ${ts(start)}`);
  if (end !== null) conds.push(`g.first_posted_at < ${ts(end)}`);
  if (f.lists) conds.push(`list_has_any(coalesce(g.lists, []::VARCHAR[]), [${f.lists.map(sqlString).join(", ")}]::VARCHAR[])`);
  // Bots as the analysis names them (analyze.ts; window-stats.ts does the same).
  const with_ = `WITH bots AS (SELECT person_id AS p FROM people WHERE is_bot
        UNION SELECT coalesce(person_id, from_email, '(unknown)') FROM messages WHERE is_bot),
      kept AS (SELECT g.* FROM revision_groups g WHERE ${conds.join(" AND ")})`;
  const [row] = await store.query<Record<string, number>>(`${with_}
    SELECT count(*)::INTEGER AS series,
      coalesce(sum(revisions), 0)::INTEGER AS postings,
      count(*) FILTER (WHERE applied_series_id IS NOT NULL)::INTEGER AS applied,
      count(*) FILTER (WHERE applied_series_id IN (SELECT series_id FROM series WHERE partly_applied))::INTEGER AS partial,
      count(*) FILTER (WHERE answered)::INTEGER AS answered,
      count(*) FILTER (WHERE reviewed)::INTEGER AS reviewed,
      count(*) FILTER (WHERE NOT answered)::INTEGER AS never_answered,
      count(*) FILTER (WHERE NOT answered AND applied_series_id IS NULL)::INTEGER AS never_answered_never_applied
    FROM kept`);
  const outcomes: Record<string, number> = { applied: 0, changes_requested: 0, rejected: 0, deferred: 0, superseded: 0, pending: 0 };
  for (const r of await store.query<{ outcome: string; n: number }>(`${with_}
      SELECT s.outcome, count(*)::INTEGER AS n FROM series s JOIN kept USING (revision_group) GROUP BY 1`)) outcomes[r.outcome] = Number(r.n);
  return { ...Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as Omit<SeriesWindowFigures, "outcomes">, outcomes };
}
