// Counts for `threadgraph stats --json` from the derived tables (null until `analyze` has run).
import type { Store } from "../store/api.ts";

export interface DerivedStats { threads: number | null; reply_edges: number | null; graph_people: number | null }

export async function derivedStats(store: Store): Promise<DerivedStats> {
  try {
    const [t] = await store.query<{ n: number }>("SELECT count(*) AS n FROM threads");
    const [e] = await store.query<{ edges: number; people: number }>(`WITH e AS (SELECT DISTINCT from_id, to_id FROM replies WHERE NOT is_bot)
      SELECT (SELECT count(*) FROM e) AS edges, (SELECT count(*) FROM (SELECT from_id AS p FROM e UNION SELECT to_id FROM e)) AS people`);
    return { threads: t.n, reply_edges: e.edges, graph_people: e.people };
  } catch {
    return { threads: null, reply_edges: null, graph_people: null }; // derived tables not written yet
  }
}
