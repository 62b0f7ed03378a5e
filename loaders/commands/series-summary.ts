// `threadgraph series` without a message: the series_lists table (loaders/analysis/series-stats.ts)
// as labelled blocks: the outcome figures, and the netdev-comparable figures.
import type { Store } from "../store/api.ts";
import { formatTable } from "../store/format.ts";

const OUTCOME_KEYS = ["groups", "applied", "acceptance_share", "median_days_to_accept", "km_applied_30d", "km_applied_90d",
  "median_revisions_to_accept", "mean_revisions_to_accept",
  "never_answered_share", "never_answered_never_applied_share"] as const;
const NETDEV_KEYS = ["window_days", "messages", "messages_per_day", "people", "posted_only_share", "replied_only_share", "both_share", "neither_share",
  "applied_patches", "applied_patches_reviewed_share", "reviewed_patches_cross_domain_share", "applied_series_reviewed_share",
  "reviewed_series_cross_domain_share"] as const;

const pick = (r: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, r[k] ?? null]));

export async function printSeriesSummary(store: Store, json: boolean): Promise<number> {
  const has = await store.query<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM duckdb_views() WHERE view_name = 'series_lists'`);
  if (!has[0]?.n) { console.error("threadgraph series: no series_lists table in the store: run `threadgraph analyze` first"); return 1; }
  const rows = await store.query<Record<string, unknown>>(`SELECT * FROM series_lists`);
  if (json) {
    console.log(JSON.stringify({
      definitions: "docs/analysis.md: Series lifecycle, netdev-comparable figures",
      lists: rows.map((r) => ({ list: r.list, series: pick(r, OUTCOME_KEYS),
        netdev_comparable: { ...pick(r, NETDEV_KEYS), note: "mail-based: netdev counts git commits and people/aliases; we count mail and people after identity resolution" } })),
    }));
    return 0;
  }
  console.log("Series outcomes per list (revision groups; '*' = all lists)\n");
  console.log(formatTable(rows.map((r) => ({ list: r.list, ...pick(r, OUTCOME_KEYS) }))));
  console.log("\nnetdev-comparable (definitions of netdev's development stats, counted on mail: docs/analysis.md)\n");
  console.log(formatTable(rows.map((r) => ({ list: r.list, ...pick(r, NETDEV_KEYS) }))));
  return 0;
}
