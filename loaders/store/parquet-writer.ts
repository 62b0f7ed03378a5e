// Rows -> Parquet through DuckDB's appender (columnar data chunks: far cheaper than row INSERTs).
import {
  BIGINT, BOOLEAN, DOUBLE, DuckDBDataChunk, INTEGER, LIST, VARCHAR, listValue,
  type DuckDBConnection, type DuckDBType, type DuckDBValue,
} from "@duckdb/node-api";
import type { ColumnType } from "./api.ts";
import { quoteIdent, sqlString, type Columns } from "./schema.ts";

const CHUNK = 2048; // DuckDB's vector size: the most rows one data chunk holds

// TIMESTAMP is staged as BIGINT epoch ms and converted in the COPY, which is cheap there.
// VARCHAR[] is staged as one VARCHAR joined with U+001F and split in the COPY: one value per row
// crosses into DuckDB instead of one per element (cc lists run to dozens of addresses).
// Consequence: the unit separator never survives inside an element, and empty strings are dropped.
const STAGE_TYPE: Record<ColumnType, [DuckDBType, string]> = {
  VARCHAR: [VARCHAR, "VARCHAR"], BIGINT: [BIGINT, "BIGINT"], INTEGER: [INTEGER, "INTEGER"],
  DOUBLE: [DOUBLE, "DOUBLE"], BOOLEAN: [BOOLEAN, "BOOLEAN"], TIMESTAMP: [BIGINT, "BIGINT"],
  "VARCHAR[]": [VARCHAR, "VARCHAR"], "BIGINT[]": [LIST(BIGINT), "BIGINT[]"],
  "DOUBLE[]": [LIST(DOUBLE), "DOUBLE[]"],
};

// Lone surrogates cannot be stored as UTF-8; email content is untrusted, so clean it here.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const text = (v: unknown): string => {
  const s = typeof v === "string" ? v : String(v);
  return /[\uD800-\uDFFF]/.test(s) ? s.replace(LONE_SURROGATE, "\uFFFD") : s;
};
const big = (v: unknown): bigint => BigInt(Math.trunc(Number(v)));

function convert(type: ColumnType, v: unknown): DuckDBValue {
  if (v === null || v === undefined) return null;
  switch (type) {
    case "VARCHAR": return text(v);
    case "BIGINT": case "TIMESTAMP": return Number.isFinite(Number(v)) ? big(v) : null;
    case "INTEGER": return Number.isFinite(Number(v)) ? Math.trunc(Number(v)) : null;
    case "DOUBLE": return Number(v);
    case "BOOLEAN": return Boolean(v);
    case "VARCHAR[]": return packList(v as unknown[]);
    case "BIGINT[]": return listValue((v as unknown[]).map(big));
    case "DOUBLE[]": return listValue((v as unknown[]).map(Number));
  }
}

const SEP = "\x1f";
function packList(items: unknown[]): string {
  let out = "";
  for (let i = 0; i < items.length; i++) {
    const t = text(items[i] ?? "");
    if (i > 0) out += SEP;
    out += t.includes(SEP) ? t.replaceAll(SEP, " ") : t;
  }
  return out;
}

function selectExpr(name: string, type: ColumnType): string {
  const q = quoteIdent(name);
  if (type === "TIMESTAMP") return `epoch_ms(${q}) AS ${q}`;
  if (type === "VARCHAR[]") return `list_filter(string_split(${q}, chr(31)), x -> x <> '') AS ${q}`;
  return q;
}

let stageSeq = 0;

/** Write `rows` (objects keyed by column name) to a Parquet file at `file`. */
export async function writeParquet(
  con: DuckDBConnection, file: string, columns: Columns, rows: Record<string, unknown>[],
): Promise<void> {
  const names = Object.keys(columns);
  const types = names.map((n) => columns[n]);
  const stage = `__stage_${++stageSeq}`;
  await con.run(`CREATE TEMP TABLE ${stage} (${names.map((n, i) => `${quoteIdent(n)} ${STAGE_TYPE[types[i]][1]}`).join(", ")})`);
  try {
    const appender = await con.createAppender(stage);
    const duckTypes = types.map((t) => STAGE_TYPE[t][0]);
    for (let start = 0; start < rows.length; start += CHUNK) {
      const part = rows.slice(start, start + CHUNK);
      const chunk = DuckDBDataChunk.create(duckTypes, part.length);
      for (let c = 0; c < names.length; c++) {
        const n = names[c], t = types[c];
        chunk.setColumnValues(c, part.map((r) => convert(t, r[n])));
      }
      appender.appendDataChunk(chunk);
    }
    appender.closeSync();
    const select = names.map((n, i) => selectExpr(n, types[i]));
    await con.run(`COPY (SELECT ${select.join(", ")} FROM ${stage}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await con.run(`DROP TABLE IF EXISTS ${stage}`);
  }
}
