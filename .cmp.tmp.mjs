import { DuckDBInstance } from "@duckdb/node-api";
import { readdirSync } from "node:fs";
const [a, b] = process.argv.slice(2);
const db = await DuckDBInstance.create(":memory:"); const c = await db.connect();
let bad = 0;
for (const f of readdirSync(a).filter((f) => f.endsWith(".parquet")).sort()) {
  const q = async (x, y) => Number((await (await c.runAndReadAll(`SELECT count(*) FROM (SELECT * FROM read_parquet('${x}') EXCEPT ALL SELECT * FROM read_parquet('${y}'))`)).getRows())[0][0]);
  const n = Number((await (await c.runAndReadAll(`SELECT count(*) FROM read_parquet('${a}/${f}')`)).getRows())[0][0]);
  const d1 = await q(`${a}/${f}`, `${b}/${f}`), d2 = await q(`${b}/${f}`, `${a}/${f}`);
  if (d1 || d2) bad++;
  console.log(f, n, d1, d2);
}
console.log(bad ? "DIFFER" : "ALL EQUAL");
