// threadgraph analyze: recompute threads, replies, reviews (store derived tables) and the page
// artifacts from the store. A full recompute (a few seconds for ~18k messages), run after every
// ingest or sync; it also drops the Framework loader cache so the next build serves fresh data.
// --since/--until choose the report window and save it in the store (settings.json), so every
// later refresh (ingest, sync, thread) keeps it; --all-time clears it.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_LISTS, loadConfig } from "../config.ts";
import { writeSiteDir } from "../analysis/run.ts";
import { describeRefresh, refreshAnalysis } from "../pipeline/refresh.ts";
import { absoluteWindow } from "../store/report-window.ts";
import { subgraphFiles } from "../analysis/subgraph.ts";
import { openStore } from "../store/store.ts";
import { existingStoreDir } from "./existing-store.ts";
import { MAINTAINERS_OPTIONS, maintainersChoice, maintainersHelp } from "./maintainers-flags.ts";

export const help = `usage: threadgraph analyze [--store DIR] [--out DIR] [--include-bots] [--no-derived]
                         [--since DATE] [--until DATE] [--all-time]
                         [--graph-out DIR [--lists a,b]] [--maintainers FILE|URL | --no-maintainers]

Recompute threads, series, reply edges, reviews and NAKs from the store, write them as derived
tables (message_threads, threads, replies, reviews; see 'threadgraph query') and write the page
artifacts (JSON/CSV/GEXF/GraphML, see docs/analysis.md) to --out (default <store>/site).

  --store DIR       store directory (default: $THREADGRAPH_STORE, else threadgraph.config.ts store, else data/store)
  --out DIR         artifacts directory (default <store>/site)
  --include-bots    keep bots in the graph metrics (default: excluded)
  --no-derived      do not write derived tables into the store
  --since DATE      report window start (inclusive): YYYY-MM-DD, an ISO time, or N days (30d).
                    The whole analysis (threads, graph, responsiveness, artifacts, --graph-out)
                    uses only messages from then on
  --until DATE      report window end (exclusive), same forms
  --all-time        analyse all data: clear the window saved in the store
  --graph-out DIR   also export the reply graph of the window / a list subset (graph.json, CSV,
                    GEXF, GraphML, with metrics computed on that subgraph) into DIR
  --lists a,b       with --graph-out: only replies that reached one of these lists
${maintainersHelp(18)}

The report window is saved in the store: later refreshes (ingest, sync, thread) reuse it.
Precedence: --since/--until > the store's saved window > threadgraph.config.ts window > all data.
A relative window (30d) is re-evaluated at every refresh.

exit status: 0 ok, 1 runtime error (no store, analysis failed), 2 usage error`;

function usageError(msg: string): number {
  console.error(`threadgraph analyze: ${msg}\n\n${help}`);
  return 2;
}

export async function run(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, strict: true, options: {
      store: { type: "string" }, out: { type: "string" }, "include-bots": { type: "boolean" }, "no-derived": { type: "boolean" },
      "graph-out": { type: "string" }, since: { type: "string" }, until: { type: "string" }, "all-time": { type: "boolean" },
      lists: { type: "string" }, ...MAINTAINERS_OPTIONS,
    } }));
  } catch (e) {
    return usageError((e as Error).message);
  }
  const flags = values.since !== undefined || values.until !== undefined ? { since: values.since, until: values.until } : undefined;
  if (flags && values["all-time"]) return usageError("--all-time clears the report window: it cannot go with --since/--until");
  if (flags) {
    try { absoluteWindow({ ...flags, origin: "flags" }); } catch (e) { return usageError((e as Error).message.replace(/^report window /, "--")); }
  }
  let maintainers: string | null | undefined;
  try { maintainers = maintainersChoice(values); } catch (e) { return usageError((e as Error).message); }
  if (values.lists !== undefined && !values["graph-out"]) return usageError("--lists applies to the --graph-out subgraph: add --graph-out DIR");
  const subLists = values.lists?.split(",").map((x) => x.trim()).filter(Boolean);
  if (values.lists !== undefined && !subLists?.length) return usageError("--lists: no list named");
  try {
    const cfg = await loadConfig();
    const storeDir = await existingStoreDir("analyze", values.store, cfg);
    if (storeDir === null) return 1;
    if (subLists) {
      const known = await knownLists(storeDir, [...cfg.lists, ...DEFAULT_LISTS].map((l) => l.name));
      const unknown = subLists.filter((l) => !known.includes(l));
      if (unknown.length) return usageError(`--lists: unknown list ${unknown.map((l) => `'${l}'`).join(", ")} (known: ${known.join(", ")})`);
    }
    // The window is saved under the store lock, and kept only if the refresh succeeds.
    const r = await refreshAnalysis({ storeDir, outDir: values.out, writeDerived: !values["no-derived"],
      includeBots: values["include-bots"], lists: cfg.lists.map((l) => l.name), window: flags,
      saveWindow: flags ?? (values["all-time"] ? null : undefined), maintainers });
    const meta = JSON.parse(r.files.get("meta.json")!);
    console.log(describeRefresh(r));
    console.log(`wrote ${r.files.size} files to ${r.outDir}` +
      ` (${Object.entries(r.timings).map(([k, v]) => `${k} ${v} ms`).join(", ")})`);
    if (r.droppedCache.length) console.log(`dropped Framework cache: ${r.droppedCache.join(", ")}`);
    if (values["graph-out"]) {
      // The analysis is already restricted to the window; the subgraph uses the same one.
      const files = subgraphFiles(r.analysis, { start: r.analysis.reportWindow.since ? r.analysis.windowStart ?? undefined : undefined,
        end: r.analysis.reportWindow.until ? r.analysis.windowEnd ?? undefined : undefined, includeBots: values["include-bots"],
        lists: subLists });
      const dir = resolve(values["graph-out"]);
      writeSiteDir(dir, files);
      const g = JSON.parse(files.get("graph.json")!);
      console.log(`subgraph: ${g.stats.nodes} people, ${g.stats.edges} edges -> ${dir}`);
    }
    if (meta.empty) console.log(meta.hint);
    return 0;
  } catch (e) {
    console.error(`threadgraph analyze: ${(e as Error).message}`);
    return 1;
  }
}

/** Lists the config tracks plus every list a stored message reached. */
async function knownLists(storeDir: string, configured: string[]): Promise<string[]> {
  const store = await openStore(storeDir);
  try {
    const rows = await store.query<{ l: string }>("SELECT DISTINCT unnest(lists) AS l FROM messages");
    return [...new Set([...configured, ...rows.map((r) => r.l)])].sort();
  } finally {
    await store.close();
  }
}
