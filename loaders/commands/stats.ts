// threadgraph stats: one JSON object (or a short table) describing the store.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { computeStats } from "../store/stats.ts";
import { formatTable } from "../store/format.ts";
import { derivedStats } from "../analysis/stats.ts";

export const help = `usage: threadgraph stats [--store DIR] [--json]

Print store statistics: messages (unique), per_list (unique messages per list), people (non-bot),
bots, duplicates (copies beyond the first), conflicts, errors, deleted, arrivals, and the row count
of each derived table (threads, reply_edges, graph_people, ...) once those exist.

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
    const lists = config.lists.map((l) => l.name);
    const stats = await computeStats(store, lists);
    // threads, reply_edges, graph_people once `analyze` (run after every ingest/sync) has written them.
    for (const [k, n] of Object.entries(await derivedStats(store))) if (n !== null) stats[k] = n;
    if (v.json || !process.stdout.isTTY) {
      console.log(JSON.stringify(stats));
    } else {
      const { per_list, ...rest } = stats;
      console.log(formatTable(Object.entries(rest).map(([k, n]) => ({ stat: k, value: n }))));
      console.log();
      console.log(formatTable(Object.entries(per_list).map(([list, n]) => ({ list, messages: n }))));
    }
  } finally {
    await store.close();
  }
  return 0;
}
