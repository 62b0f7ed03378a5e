// The `window` figures of `threadgraph stats`: the headline row the last analysis wrote (the same
// numbers as the site's meta.counts and the refresh line; loaders/analysis/headline.ts).
import type { Store } from "../store/api.ts";
import type { HeadlineCounts } from "./headline.ts";

export interface WindowStats extends HeadlineCounts {
  /** The report window as set (null: open), and the dates the analysis covered (ms, until exclusive when set). */
  since: string | null; until: string | null; start: number | null; end: number | null;
}

/** null until an analysis has written the headline table (`analyze`, run after every ingest/sync). */
export async function windowStats(store: Store): Promise<WindowStats | null> {
  let rows: Record<string, unknown>[];
  try {
    rows = await store.query("SELECT * FROM headline");
  } catch {
    return null; // not analysed yet
  }
  if (rows.length !== 1) return null;
  const { window_start, window_end, ...rest } = rows[0];
  return { ...(rest as unknown as WindowStats), start: (window_start as number | null) ?? null, end: (window_end as number | null) ?? null };
}
