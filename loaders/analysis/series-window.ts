// `threadgraph series --since/--until [--lists]`: the Series page's headline figures and reviewer
// load for a window, computed now with DuckDB over the series tables of the last analysis, by the
// rules the page applies in the browser to its fact tables (src/components/series-facts.js): a series
// (revision group) counts when its first revision was posted in the window (whole UTC days, until
// exclusive), it reached one of the lists, and its author is not a bot (never, as in series.json).
// Outcomes are those known by the end of the data.
import type { Store } from "../store/api.ts";
import { sqlString } from "../store/sql.ts";
import { windowBounds, type WindowFilter } from "./window-stats.ts";
import { LOAD_ROWS, LOAD_SECTIONS } from "./series-load.ts";

export interface SeriesWindowFigures {
  series: number; postings: number; applied: number; partial: number; answered: number; reviewed: number;
  never_answered: number; never_answered_never_applied: number;
  /** Outcome of each posting (revision) of the counted series. */
  outcomes: Record<string, number>;
}

/** A reviewer-load row (series.json's reviewer_load, series-load.ts), for the window's series. */
export interface WindowLoadRow { person: { id: string; name: string }; subsystems: string[]; touching: number; answered: number; applied: number }

export async function computeSeriesWindow(store: Store, f: Omit<WindowFilter, "bots">): Promise<SeriesWindowFigures> {
  const with_ = keptGroups(f);
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

/** The `kept` view: the window's series (revision_groups rows) by the page's rules (header comment), and `bots`. */
function keptGroups(f: Omit<WindowFilter, "bots">): string {
  const { start, end } = windowBounds({ ...f, bots: true });
  const ts = (t: number) => `make_timestamp(${t * 1000})`;
  const conds = ["g.author NOT IN (SELECT p FROM bots)"];
  if (start !== null || end !== null) conds.push("g.first_posted_at IS NOT NULL");
  if (start !== null) conds.push(`g.first_posted_at >= ${ts(start)}`);
  if (end !== null) conds.push(`g.first_posted_at < ${ts(end)}`);
  if (f.lists) conds.push(`list_has_any(coalesce(g.lists, []::VARCHAR[]), [${f.lists.map(sqlString).join(", ")}]::VARCHAR[])`);
  // Bots as the analysis names them (analyze.ts; window-stats.ts does the same).
  return `WITH bots AS (SELECT person_id AS p FROM people WHERE is_bot
        UNION SELECT coalesce(person_id, from_email, '(unknown)') FROM messages WHERE is_bot),
      kept AS (SELECT g.* FROM revision_groups g WHERE ${conds.join(" AND ")})`;
}

/**
 * Reviewer load per maintainer over the window's series, by series-load.ts's rules (the page:
 * series-facts.js reviewerLoadRows): a series touches a person with an M:/R: role in one of its
 * sections unless they wrote it; answered: they sent a message under it (revision_groups.responders);
 * applied: its applied revision's outcome_by. The busiest 200, ties by person id; sections sorted,
 * 20 named. null when the store has no MAINTAINERS roles (person_subsystems).
 */
export async function computeReviewerLoadWindow(store: Store, f: Omit<WindowFilter, "bots">): Promise<WindowLoadRow[] | null> {
  const [has] = await store.query<{ roles: number; responders: number }>(`SELECT
      (SELECT count(*) FROM duckdb_views() WHERE view_name = 'person_subsystems')::INTEGER AS roles,
      (SELECT count(*) FROM duckdb_columns() WHERE table_name = 'revision_groups' AND column_name = 'responders')::INTEGER AS responders`);
  if (!has.roles) return null;
  if (!has.responders) throw new Error("the store's revision_groups predate the reviewer load's responders column: run `threadgraph analyze`");
  const rows = await store.query<{ id: string; name: string; subsystems: string[]; touching: number; answered: number; applied: number }>(`${keptGroups(f)},
      roles AS (SELECT DISTINCT person_id, subsystem FROM person_subsystems),
      touch AS (SELECT DISTINCT r.person_id AS p, k.revision_group, k.responders, k.applied_series_id
        FROM kept k, unnest(coalesce(k.subsystems, []::VARCHAR[])) AS u(sub) JOIN roles r ON r.subsystem = u.sub WHERE r.person_id <> k.author),
      load AS (SELECT t.p, count(*)::INTEGER AS touching,
          count(*) FILTER (WHERE list_contains(t.responders, t.p))::INTEGER AS answered,
          count(*) FILTER (WHERE s.outcome_by = t.p)::INTEGER AS applied
        FROM touch t LEFT JOIN series s ON s.series_id = t.applied_series_id GROUP BY t.p)
    SELECT l.p AS id, coalesce(nullif(pe.name, ''), pe.emails[1], l.p) AS name,
      (SELECT list_sort(list(DISTINCT subsystem)) FROM roles WHERE person_id = l.p)[1:${LOAD_SECTIONS}] AS subsystems, l.touching, l.answered, l.applied
    FROM load l LEFT JOIN people pe ON pe.person_id = l.p
    ORDER BY l.touching DESC, l.p LIMIT ${LOAD_ROWS}`);
  return rows.map((r) => ({ person: { id: r.id, name: r.name }, subsystems: [...r.subsystems], touching: Number(r.touching),
    answered: Number(r.answered), applied: Number(r.applied) }));
}
