// threadgraph stats: one JSON object (or a short table) describing the store.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { computeStats, derivedRowCounts } from "../store/stats.ts";
import { formatTable } from "../store/format.ts";
import { windowStats } from "../analysis/stats.ts";

export const help = `usage: threadgraph stats [--store DIR] [--json]

Print store statistics, each figure under its scope (docs/schema.md "threadgraph stats"):
  all_time  the whole store: messages (unique), per_list (unique messages per list), people (sent
            1+ message, not a bot), people_listed (every person, incl. bots and people only named
            in trailers), bots, duplicates (copies beyond the first), conflicts, errors, deleted,
            arrivals, sources, forwarded_patches
  window    the last analysis (run after every ingest/sync): its report window (since, until, start,
            end) and headline figures with the site's definitions: messages, threads, series, people
            (active in the window), reviews (given in replies), reviews_carried, naks,
            pw_bot_changes_requested, pw_bot_rejected (netdev pw-bot verdicts, apart from naks),
            graph_people, reply_edges, reply_messages, bots; tables: row count of each derived table.
            null before the first analysis

options:
  --store DIR   store directory (default: config store, data/store)
  --json        one JSON object on stdout (default when stdout is not a terminal)
  -h, --help    this help

exit status: 0 ok, 1 runtime error (e.g. no store at DIR), 2 usage error`;

export async function run(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseArgs({ args: argv, strict: true, options: { store: { type: "string" }, json: { type: "boolean" } } }).values;
  } catch (e) {
    console.error(`threadgraph stats: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  const config = await loadConfig();
  const store = await openExistingStore("stats", v.store, config);
  if (!store) return 1;
  try {
    const allTime = await computeStats(store, config.lists.map((l) => l.name));
    const w = await windowStats(store);
    const tables = await derivedRowCounts(store);
    delete tables.headline;
    const stats = { all_time: allTime, window: w && { ...w, tables } };
    if (v.json || !process.stdout.isTTY) {
      console.log(JSON.stringify(stats));
    } else {
      const { per_list, ...rest } = allTime;
      console.log("all time (the whole store)");
      console.log(formatTable(Object.entries(rest).map(([k, n]) => ({ stat: k, value: n }))));
      console.log();
      console.log(formatTable(Object.entries(per_list).map(([list, n]) => ({ list, messages: n }))));
      console.log();
      if (!w) console.log("window: not analysed yet (run 'threadgraph analyze')");
      else {
        const { since, until, start, end, ...counts } = w;
        const day = (t: number | null) => (t === null ? "?" : new Date(t).toISOString().slice(0, 10));
        console.log(`window (last analysis): ${since ?? day(start)} .. ${until ?? day(end)}${since || until ? " (until exclusive)" : " (all data)"}`);
        console.log(formatTable(Object.entries(counts).map(([k, n]) => ({ stat: k, value: n }))));
        console.log();
        console.log(formatTable(Object.entries(tables).map(([table, n]) => ({ "derived table": table, rows: n }))));
      }
    }
  } finally {
    await store.close();
  }
  return 0;
}
