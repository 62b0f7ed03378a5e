// threadgraph stats: one JSON object (or a short table) describing the store.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { computeStats, derivedRowCounts } from "../store/stats.ts";
import { formatTable } from "../store/format.ts";
import { windowStats } from "../analysis/stats.ts";
import { computeWindowStats, windowBounds, type WindowFilter } from "../analysis/window-stats.ts";

export const help = `usage: threadgraph stats [--store DIR] [--json] [--since DAY] [--until DAY] [--lists A,B] [--no-bots]

Print store statistics, each figure under its scope (docs/schema.md "threadgraph stats"):
  all_time  the whole store: messages (unique), per_list (unique messages per list), people (sent
            1+ message, not a bot), people_listed (every person, incl. bots and people only named
            in trailers), bots, duplicates (copies beyond the first), conflicts, errors, deleted,
            arrivals, forwarded_patches, sources (archives registered in the store, an inbox once),
            sources_with_mail (those holding a visible message)
  window    the last analysis (run after every ingest/sync): its report window (since, until, start,
            end) and headline figures with the site's definitions: messages, threads, series, people
            (active in the window), reviews (given in replies), reviews_carried, naks,
            pw_bot_changes_requested, pw_bot_rejected (netdev pw-bot verdicts, apart from naks), graph_people,
            reply_edges, reply_messages, bots; tables: row count of each derived table.
            null before the first analysis.
            With --since/--until/--lists/--no-bots, window is instead computed now, from the store,
            for that filter (scope "filter"), by the site's definitions (docs/analysis.md
            "Windowed figures"): messages, threads, people, reviews, reviews_carried, naks,
            pw_bot_changes_requested, pw_bot_rejected, over what the last
            analysis covered (all stored data unless analyze was bounded)

options:
  --store DIR   store directory (default: config store, data/store)
  --json        one JSON object on stdout (default when stdout is not a terminal)
  --since DAY   window start, YYYY-MM-DD (inclusive; or "N days")
  --until DAY   window end, YYYY-MM-DD (exclusive)
  --lists A,B   only messages that reached one of these lists (reviews: whose thread did)
  --no-bots     leave out messages sent by bots and reviews given by bots
  -h, --help    this help

exit status: 0 ok, 1 runtime error (e.g. no store at DIR), 2 usage error`;

export async function run(argv: string[]): Promise<number> {
  let v;
  try {
    v = parseArgs({ args: argv, strict: true, options: { store: { type: "string" }, json: { type: "boolean" },
      since: { type: "string" }, until: { type: "string" }, lists: { type: "string" }, "no-bots": { type: "boolean" } } }).values;
  } catch (e) {
    console.error(`threadgraph stats: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  const filtered = v.since !== undefined || v.until !== undefined || v.lists !== undefined || !!v["no-bots"];
  const filter: WindowFilter = { since: v.since ?? null, until: v.until ?? null,
    lists: v.lists === undefined ? null : v.lists.split(",").map((l) => l.trim()).filter(Boolean), bots: !v["no-bots"] };
  try {
    windowBounds(filter);
  } catch (e) {
    console.error(`threadgraph stats: ${(e as Error).message}`);
    return 2;
  }
  const config = await loadConfig();
  const store = await openExistingStore("stats", v.store, config);
  if (!store) return 1;
  try {
    const allTime = await computeStats(store, config.lists.map((l) => l.name));
    const w = filtered ? null : await windowStats(store);
    const tables = await derivedRowCounts(store);
    delete tables.headline;
    if (filtered && !("message_threads" in tables)) {
      console.error("threadgraph stats: a window needs an analysis first: run 'threadgraph analyze'");
      return 1;
    }
    const figures = filtered ? { scope: "filter", ...filter, ...(await computeWindowStats(store, filter)) } : null;
    const stats = { all_time: allTime, window: figures ?? (w && { scope: "last analysis", ...w, tables }) };
    if (v.json || !process.stdout.isTTY) {
      console.log(JSON.stringify(stats));
    } else {
      const { per_list, ...rest } = allTime;
      console.log("all time (the whole store)");
      console.log(formatTable(Object.entries(rest).map(([k, n]) => ({ stat: k, value: n }))));
      console.log();
      console.log(formatTable(Object.entries(per_list).map(([list, n]) => ({ list, messages: n }))));
      console.log();
      if (figures) {
        const { scope: _s, since, until, lists, bots, ...counts } = figures;
        console.log(`window (computed now): ${since ?? "start"} .. ${until ?? "end"} (until exclusive), lists ${lists?.join(",") ?? "all"}, bots ${bots ? "in" : "out"}`);
        console.log(formatTable(Object.entries(counts).map(([k, n]) => ({ stat: k, value: n }))));
      } else if (!w) console.log("window: not analysed yet (run 'threadgraph analyze')");
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
