// Rows -> files DuckDB reads. Rows are serialised as JSON lines (JSON.stringify is native and
// cheap; per-value appender calls cost far more) and DuckDB's multi-threaded JSON reader turns
// them into typed columns: either in a view (staged batch parts) or in a COPY to Parquet.
import { unlinkSync, writeFileSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnType } from "./api.ts";
import type { Columns } from "./schema.ts";
import { quoteIdent, sqlString } from "./sql.ts";

// JSON.stringify escapes lone UTF-16 surrogates (\ud800) and DuckDB rejects them; email text is
// untrusted, so replace them (only an unescaped backslash starts an escape).
const LONE_SURROGATE = /(?<!\\)((?:\\\\)*)\\ud[89a-f][0-9a-f]{2}/g;

/**
 * UTF-8 JSON lines, encoded row by row into one growing Buffer. Appending to one string builds
 * a rope that must be flattened and re-encoded whole (and one non-Latin-1 name makes all of it a
 * two-byte string): 4-5x more main-thread time. Encoding at add() time also lets a batch keep
 * bytes instead of row objects that would survive young-generation GCs until the commit.
 */
export class JsonLinesWriter {
  private buf = Buffer.allocUnsafe(16 * 1024);
  private used = 0;
  rows = 0;

  add(row: Record<string, unknown>): void {
    let s = JSON.stringify(row);
    if (s.includes("\\ud")) s = s.replace(LONE_SURROGATE, "$1\\ufffd");
    // UTF-8 needs at most 3 bytes per UTF-16 unit, plus the newline
    const need = this.used + s.length * 3 + 1;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(s, this.used);
    this.buf[this.used++] = 0x0a;
    this.rows++;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }
}

export function jsonLines(rows: Record<string, unknown>[]): Buffer {
  const w = new JsonLinesWriter();
  for (const r of rows) w.add(r);
  return w.bytes();
}

export function writeJsonLines(file: string, rows: Record<string, unknown>[]): void {
  writeFileSync(file, jsonLines(rows));
}

// Numbers are read as DOUBLE and cast, so 1.0 or 3.7 given for a BIGINT column still loads.
const JSON_TYPE: Record<ColumnType, string> = {
  VARCHAR: "VARCHAR", BIGINT: "DOUBLE", INTEGER: "DOUBLE", DOUBLE: "DOUBLE", BOOLEAN: "BOOLEAN",
  TIMESTAMP: "DOUBLE", "VARCHAR[]": "VARCHAR[]", "BIGINT[]": "DOUBLE[]", "DOUBLE[]": "DOUBLE[]",
};

function castExpr(name: string, type: ColumnType): string {
  const q = quoteIdent(name);
  switch (type) {
    case "TIMESTAMP": return `epoch_ms(CAST(round(${q}) AS BIGINT)) AS ${q}`;
    case "BIGINT": return `CAST(round(${q}) AS BIGINT) AS ${q}`;
    case "INTEGER": return `CAST(round(${q}) AS INTEGER) AS ${q}`;
    case "BIGINT[]": return `list_transform(${q}, x -> CAST(round(x) AS BIGINT)) AS ${q}`;
    default: return q;
  }
}

/** A typed SELECT over JSON-lines files written by writeJsonLines. */
export function jsonRelationSql(files: string[], columns: Columns): string {
  const spec = Object.entries(columns).map(([n, t]) => `${sqlString(n)}: ${sqlString(JSON_TYPE[t])}`).join(", ");
  const cols = Object.entries(columns).map(([n, t]) => castExpr(n, t)).join(", ");
  return `SELECT ${cols} FROM read_json([${files.map(sqlString).join(", ")}], format = 'newline_delimited', columns = {${spec}})`;
}

/** Copy a relation into one Parquet file (snappy: measurably cheaper than zstd here; files stay small). */
export async function copyToParquet(con: DuckDBConnection, selectSql: string, file: string): Promise<void> {
  await con.run(`COPY (${selectSql}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`);
}

/** Write `rows` (objects keyed by column name) to a Parquet file at `file`. */
export async function writeParquet(
  con: DuckDBConnection, file: string, columns: Columns, rows: Record<string, unknown>[],
): Promise<void> {
  const names = Object.keys(columns);
  // Keep only the declared columns, so stray fields never reach the file; coerce loose values.
  const clean = rows.map((r) => {
    const o: Record<string, unknown> = {};
    for (const n of names) {
      const v = r[n];
      const t = columns[n];
      o[n] = v === undefined || v === null ? null
        : t === "BOOLEAN" ? Boolean(v)
        : t === "VARCHAR" && typeof v !== "string" ? String(v)
        : v;
    }
    return o;
  });
  const tmp = `${file}.rows.jsonl`;
  writeJsonLines(tmp, clean);
  try {
    await copyToParquet(con, jsonRelationSql([tmp], columns), file);
  } finally {
    unlinkSync(tmp);
  }
}
