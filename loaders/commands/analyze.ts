// threadgraph analyze: recompute threads, replies, reviews (store derived tables) and the page
// artifacts from the store. A full recompute (a few seconds for ~18k messages), run after every
// ingest or sync; it also drops the Framework loader cache so the next build serves fresh data.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { loadConfig, resolveStoreDir } from "../config.ts";
import { writeSiteDir } from "../analysis/run.ts";
import { describeRefresh, refreshAnalysis } from "../analysis/refresh.ts";
import { subgraphFiles } from "../graph/subgraph.ts";

export const help = `usage: threadgraph analyze [--store DIR] [--out DIR] [--include-bots] [--no-derived]
                         [--graph-out DIR [--since DATE] [--until DATE] [--lists a,b]]

Recompute threads, series, reply edges, reviews and NAKs from the store, write them as derived
tables (message_threads, threads, replies, reviews; see 'threadgraph query') and write the page
artifacts (JSON/CSV/GEXF/GraphML, see docs/analysis.md) to --out (default <store>/site).

  --store DIR       store directory (default: $THREADGRAPH_STORE, else threadgraph.config.ts store, else data/store)
  --out DIR         artifacts directory (default <store>/site)
  --include-bots    keep bots in the graph metrics (default: excluded)
  --no-derived      do not write derived tables into the store
  --graph-out DIR   also export the reply graph of a window / list subset (graph.json, CSV,
                    GEXF, GraphML, with metrics computed on that subgraph) into DIR
  --since DATE      report window start (ISO date, inclusive): the whole analysis (threads, graph,
                    responsiveness, artifacts, --graph-out) uses only messages from then on
  --until DATE      report window end (ISO date, exclusive). Default: config window, else all data
  --lists a,b       subgraph: only replies that reached one of these lists`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: {
    store: { type: "string" }, out: { type: "string" }, "include-bots": { type: "boolean" }, "no-derived": { type: "boolean" },
    "graph-out": { type: "string" }, since: { type: "string" }, until: { type: "string" }, lists: { type: "string" },
  } });
  const date = (s: string | undefined, flag: string): number | undefined => {
    if (s === undefined) return undefined;
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new Error(`${flag}: not a date: ${s}`);
    return t;
  };
  date(values.since, "--since"); date(values.until, "--until");
  const cfg = await loadConfig();
  // --since/--until restrict the whole analysis (and --graph-out); default: config `window`.
  const window = values.since !== undefined || values.until !== undefined
    ? { since: values.since ?? cfg.window?.since, until: values.until ?? cfg.window?.until } : cfg.window;
  const storeDir = await resolveStoreDir(values.store, cfg);
  const r = await refreshAnalysis({ storeDir, outDir: values.out, writeDerived: !values["no-derived"],
    includeBots: values["include-bots"], lists: cfg.lists.map((l) => l.name), window });
  const meta = JSON.parse(r.files.get("meta.json")!);
  if (window?.since || window?.until) console.log(`report window: ${window.since ?? "start"} .. ${window.until ?? "end"} (until exclusive)`);
  console.log(describeRefresh(r));
  console.log(`wrote ${r.files.size} files to ${r.outDir}` +
    ` (${Object.entries(r.timings).map(([k, v]) => `${k} ${v} ms`).join(", ")})`);
  if (r.droppedCache.length) console.log(`dropped Framework cache: ${r.droppedCache.join(", ")}`);
  if (values["graph-out"]) {
    // The analysis is already restricted to the window; the subgraph uses the same one.
    const files = subgraphFiles(r.analysis, { start: r.analysis.reportWindow.since ? r.analysis.windowStart ?? undefined : undefined,
      end: r.analysis.reportWindow.until ? r.analysis.windowEnd ?? undefined : undefined, includeBots: values["include-bots"],
      lists: values.lists ? values.lists.split(",").map((x) => x.trim()).filter(Boolean) : undefined });
    const dir = resolve(values["graph-out"]);
    writeSiteDir(dir, files);
    const g = JSON.parse(files.get("graph.json")!);
    console.log(`subgraph: ${g.stats.nodes} people, ${g.stats.edges} edges -> ${dir}`);
  }
  if (meta.empty) console.log(meta.hint);
  return 0;
}
