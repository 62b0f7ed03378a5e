// threadgraph query: DuckDB SQL over the store's views; JSON lines, or a table on a terminal.
import { parseArgs } from "node:util";
import { loadConfig } from "../config.ts";
import { openExistingStore } from "./existing-store.ts";
import { formatTable } from "../store/format.ts";

export const help = `usage: threadgraph query [--store DIR] [--json | --table] "SQL"

Run DuckDB SQL over the store. Views: messages, people, trailers, naks, verdicts, errors, arrivals,
conflicts, tombstones, person_emails, plus derived tables (threads, replies, ...) once analyze wrote them.
See docs/schema.md. Timestamps print as ISO 8601 UTC in a table and as epoch milliseconds in
JSON lines. The SQL is not sandboxed: it can read and write files (COPY ... TO), like any DuckDB.

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
  if (v.table && v.json) {
    console.error(`threadgraph query: --json and --table exclude each other\n\n${help}`);
    return 2;
  }
  const config = await loadConfig();
  const store = await openExistingStore("query", v.store, config);
  if (!store) return 1;
  try {
    const table = v.table || (!v.json && process.stdout.isTTY);
    if (table) {
      console.log(formatTable(await store.queryForDisplay(positionals[0])));
      return 0;
    }
    const rows = await store.query(positionals[0]);
    if (rows.length) process.stdout.write(rows.map((r) => JSON.stringify(r)).join("\n") + "\n");
  } catch (e) {
    console.error(`threadgraph query: ${(e as Error).message}`);
    return 1;
  } finally {
    await store.close();
  }
  return 0;
}
