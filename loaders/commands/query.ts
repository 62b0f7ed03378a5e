// threadgraph query: DuckDB SQL over the store's views; JSON lines, or a table on a terminal.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { formatTable } from "../store/format.ts";

export const help = `usage: threadgraph query [--store DIR] [--json | --table] "SQL"

Run DuckDB SQL over the store. Views: messages, people, trailers, errors, arrivals, conflicts,
tombstones, person_emails, plus derived tables (threads, replies, ...) once analyze wrote them.
See docs/schema.md. Timestamps print as epoch milliseconds (use strftime(date, ...) for text).

options:
  --store DIR   store directory (default: config store, data/store)
  --json        JSON lines, one object per row (default when stdout is not a terminal)
  --table       an aligned text table (default on a terminal)
  -h, --help    this help

example: threadgraph query "SELECT person_id, count(*) n FROM messages GROUP BY 1 ORDER BY n DESC LIMIT 10"

exit status: 0 ok, 1 SQL or runtime error, 2 usage error`;

export async function run(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: { store: { type: "string" }, json: { type: "boolean" }, table: { type: "boolean" } },
    });
  } catch (e) {
    console.error(`threadgraph query: ${(e as Error).message}\n\n${help}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1 || !positionals[0].trim()) {
    console.error(`threadgraph query: expected exactly one SQL argument\n\n${help}`);
    return 2;
  }
  const config = await loadConfig();
  const store = await openExistingStore("query", v.store, config);
  if (!store) return 1;
  try {
    const rows = await store.query(positionals[0]);
    const table = v.table || (!v.json && process.stdout.isTTY);
    if (table) console.log(formatTable(rows));
    else if (rows.length) process.stdout.write(rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  } catch (e) {
    console.error(`threadgraph query: ${(e as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
  return 0;
}
