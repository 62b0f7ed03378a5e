// What writing a derived table costs (store.writeDerived: columns -> JSON -> DuckDB -> Parquet),
// as a ratio against its floor measured in this same run: DuckDB copying the same rows, already
// in a DuckDB table, to Parquet with the same codec. Process CPU (main thread and DuckDB's), best
// of 3. Synthetic tables shaped like the analysis' biggest ones at ~200k messages: message_lists
// (~900k rows of an id, a few list names and addresses, a flag) and replies (~110k rows of ids,
// person ids, times, a list of list names). The ratio is the JSON transport's cost; the measured
// alternatives (docs/performance.md, "derived tables' writer") are compared with it.
// Run: npm run bench -- derived-write
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ColumnType, DerivedColumns } from "../loaders/store/api.ts";
import { openStore } from "../loaders/store/store.ts";

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

function tables(): { name: string; cols: Record<string, ColumnType>; data: DerivedColumns }[] {
  const lists = Array.from({ length: 160 }, (_, i) => `list${i}`), people = Array.from({ length: 5000 }, (_, i) => `person${i}@example.org`);
  const ids = Array.from({ length: 220_000 }, (_, i) => `<${i.toString(36)}.${(i * 7919).toString(16)}-patch@host${i % 97}.example.com>`);
  const n = 900_000, m = 110_000;
  const at = (i: number) => Date.UTC(2019, 0, 1) + i * 863_000;
  return [
    { name: "message_lists", cols: { message_id: "VARCHAR", list: "VARCHAR", address: "VARCHAR", tracked: "BOOLEAN", via: "VARCHAR" },
      data: { length: n, columns: {
        message_id: Array.from({ length: n }, (_, i) => ids[i >> 2]), list: Array.from({ length: n }, (_, i) => lists[(i * 31) % 160]),
        address: Array.from({ length: n }, (_, i) => `${lists[(i * 31) % 160]}@vger.kernel.org`), tracked: Array.from({ length: n }, (_, i) => i % 3 === 0),
        via: Array.from({ length: n }, (_, i) => (i % 5 ? "to" : "cc")) } } },
    { name: "replies", cols: { child_id: "VARCHAR", parent_id: "VARCHAR", from_id: "VARCHAR", to_id: "VARCHAR", date: "TIMESTAMP", latency_ms: "BIGINT",
      lists: "VARCHAR[]", thread_id: "VARCHAR", is_bot: "BOOLEAN" },
      data: { length: m, columns: {
        child_id: ids.slice(0, m), parent_id: Array.from({ length: m }, (_, i) => ids[i >> 1]), from_id: Array.from({ length: m }, (_, i) => people[(i * 13) % 5000]),
        to_id: Array.from({ length: m }, (_, i) => people[(i * 17) % 5000]), date: Array.from({ length: m }, (_, i) => at(i)),
        latency_ms: Array.from({ length: m }, (_, i) => i * 1000), lists: Array.from({ length: m }, (_, i) => [lists[i % 160]]),
        thread_id: Array.from({ length: m }, (_, i) => ids[i >> 3]), is_bot: Array.from({ length: m }, (_, i) => i % 50 === 0) } } },
  ];
}

const dir = mkdtempSync(join(tmpdir(), "tg-derived-bench-"));
const store = await openStore(dir);
try {
  for (const t of tables()) {
    let write = Infinity, floor = Infinity;
    for (let k = 0; k < 3; k++) {
      const c0 = cpuMs();
      await store.writeDerived(t.name, t.cols, t.data);
      write = Math.min(write, cpuMs() - c0);
      // The floor: the table just written, loaded into DuckDB, copied to Parquet again.
      await store.query(`CREATE OR REPLACE TEMP TABLE bench_floor AS SELECT * FROM ${t.name}`);
      const c1 = cpuMs();
      await store.query(`COPY bench_floor TO '${join(dir, "floor.parquet")}' (FORMAT parquet, COMPRESSION snappy)`);
      floor = Math.min(floor, cpuMs() - c1);
    }
    console.log(`${t.name} (${t.data.length} rows): writeDerived ${write.toFixed(0)} CPU-ms vs Parquet copy alone ${floor.toFixed(0)} CPU-ms = ${(write / floor).toFixed(2)}x`);
  }
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
