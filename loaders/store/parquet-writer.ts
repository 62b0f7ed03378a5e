// Rows -> files DuckDB reads, as JSON (JSON.stringify is native and cheap; per-value appender
// calls cost far more) that DuckDB's multi-threaded JSON reader turns into typed columns. Staged
// batch parts are JSON lines, one object per row (a view reads them, then the sealer's COPY to
// Parquet). Derived tables go columnar: one line per chunk of rows holding one JSON array per
// column, unnested by DuckDB, so no JS object is made per row and each column is one stringify.
import { closeSync, openSync, unlinkSync, writeSync } from "node:fs";
import type { DuckDBConnection } from "@duckdb/node-api";
import type { ColumnType, DerivedColumns } from "./api.ts";
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
    this.addLine(JSON.stringify(row));
  }

  /** Append one line of JSON text (lone surrogates replaced). */
  addLine(s: string): void {
    this.text(s);
    this.endLine();
  }

  /** Append JSON text to the current line (lone surrogates replaced): a line may come in pieces. */
  text(s: string): void {
    if (s.includes("\\ud")) s = s.replace(LONE_SURROGATE, "$1\\ufffd");
    // UTF-8 needs at most 3 bytes per UTF-16 unit, plus the newline
    const need = this.used + s.length * 3 + 1;
    if (need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buf.length * 2, need));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    this.used += this.buf.write(s, this.used);
  }

  /** End the current line. */
  endLine(): void {
    if (this.used >= this.buf.length) this.text("");
    this.buf[this.used++] = 0x0a;
    this.rows++;
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }

  /** Bytes encoded so far and not drained. */
  get size(): number {
    return this.used;
  }

  /** Write the bytes encoded so far to `fd` and start again in the same buffer. */
  drainTo(fd: number): void {
    for (let off = 0; off < this.used;) off += writeSync(fd, this.buf, off, this.used - off);
    this.used = 0;
  }
}

export function jsonLines(rows: Record<string, unknown>[]): Buffer {
  const w = new JsonLinesWriter();
  for (const r of rows) w.add(r);
  return w.bytes();
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

/** A typed SELECT over JSON-lines files of row objects (staged parts: jsonLines, JsonLinesWriter). */
export function jsonRelationSql(files: string[], columns: Columns): string {
  const spec = Object.entries(columns).map(([n, t]) => `${sqlString(n)}: ${sqlString(JSON_TYPE[t])}`).join(", ");
  const cols = Object.entries(columns).map(([n, t]) => castExpr(n, t)).join(", ");
  return `SELECT ${cols} FROM read_json([${files.map(sqlString).join(", ")}], format = 'newline_delimited', columns = {${spec}})`;
}

/** The statement copying a relation into one Parquet file (snappy: measurably cheaper than zstd here; files stay small). */
const copySql = (selectSql: string, file: string) => `COPY (${selectSql}) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION snappy)`;

export async function copyToParquet(con: DuckDBConnection, selectSql: string, file: string): Promise<void> {
  await con.run(copySql(selectSql, file));
}

/** Rows per line of the columnar encoding: DuckDB reads lines in parallel; a chunk's arrays stay small. */
export const ROWS_PER_LINE = 2048;

/** The declared value of a cell: undefined is null, booleans and text coerced loosely. */
function cell(v: unknown, t: ColumnType): unknown {
  return v === undefined || v === null ? null
    : t === "BOOLEAN" ? Boolean(v)
    : t === "VARCHAR" && typeof v !== "string" ? String(v)
    : v;
}

/** Cells from..to of a column as declared (see cell); a plain copy when no cell needs coercing. */
function chunk(col: ArrayLike<unknown> | undefined, t: ColumnType, from: number, to: number): unknown[] {
  if (!col) return new Array(to - from).fill(null);
  let plain = true;
  if (t === "VARCHAR") { for (let i = from; i < to && plain; i++) { const v = col[i]; plain = typeof v === "string" || v === null; } }
  else if (t === "BOOLEAN") { for (let i = from; i < to && plain; i++) { const v = col[i]; plain = typeof v === "boolean" || v === null; } }
  // Other cells go as they are (cell): JSON.stringify writes an array's undefined and holes as null.
  if (plain && Array.isArray(col)) return col.slice(from, to);
  const out = new Array<unknown>(to - from);
  for (let i = from; i < to; i++) out[i - from] = cell(col[i], t);
  return out;
}

type Extract = (rows: Record<string, unknown>[]) => unknown[][];
const extractors = new Map<string, Extract>();

/**
 * One pass over the rows reading each declared column by its literal name: `rows.map((r) => r[n])`
 * per column made that read megamorphic (one site, many names), a second at ~200k rows. The
 * names are the code's own column names (JSON-quoted into the generated reader).
 */
function extractor(names: string[]): Extract {
  const key = JSON.stringify(names);
  let f = extractors.get(key);
  if (!f) {
    const cols = names.map((_, j) => `c${j}`);
    f = new Function("rows", `const n = rows.length; ${cols.map((c) => `const ${c} = new Array(n);`).join(" ")}
      for (let i = 0; i < n; i++) { const r = rows[i]; ${names.map((x, j) => `${cols[j]}[i] = r[${JSON.stringify(x)}];`).join(" ")} }
      return [${cols.join(", ")}];`) as Extract;
    extractors.set(key, f);
  }
  return f;
}

/** Objects keyed by column name as one array per declared column (stray fields never reach the file). */
export function rowsToColumns(columns: Columns, rows: Record<string, unknown>[]): DerivedColumns {
  const names = Object.keys(columns), cols = extractor(names)(rows);
  return { length: rows.length, columns: Object.fromEntries(names.map((n, j) => [n, cols[j]])) };
}

/**
 * The lines of the columnar encoding, each as its texts (without the newline), in order, to
 * `emit`. A chunk whose text outgrows what a JS string can hold (huge hostile values) is split
 * in halves down to single rows.
 */
function eachColumnarLine(columns: Columns, data: DerivedColumns, emit: (texts: string[]) => void): void {
  const names = Object.keys(columns);
  const line = (from: number, to: number): void => {
    // Each column's JSON its own text, after its key: joined to the key, a chunk's whole JSON was
    // copied once more (a string concatenation, flattened by the writer's first look at it).
    const texts: string[] = [];
    try {
      names.forEach((n, j) => texts.push(`${j ? "," : "{"}"c${j}":`, JSON.stringify(chunk(data.columns[n], columns[n], from, to))));
    } catch (e) {
      if (!(e instanceof RangeError) || to - from < 2) throw e;
      const mid = from + ((to - from) >> 1);
      line(from, mid); line(mid, to);
      return;
    }
    texts.push("}");
    emit(texts);
  };
  for (let i = 0; i < data.length; i += ROWS_PER_LINE) line(i, Math.min(data.length, i + ROWS_PER_LINE));
}

/** Encoded bytes held before a write: few syscalls and one reused buffer, never the whole table. */
const DRAIN_BYTES = 1 << 20;

/**
 * Columnar JSON lines written to `file`: `{"c0":[...],"c1":[...]}` per ROWS_PER_LINE rows, column
 * j holding the j-th declared column's cells (lone surrogates replaced by JsonLinesWriter). Each
 * text is encoded into one buffer drained to the file every DRAIN_BYTES: a Buffer per text (a
 * UTF-8 copy of every column chunk) was ~250 MB of garbage at ~200k messages, and a buffer of
 * the whole table, grown and copied over and over, a second of the analysis' main thread.
 */
export function writeColumnarLines(file: string, columns: Columns, data: DerivedColumns): void {
  const fd = openSync(file, "w");
  try {
    const w = new JsonLinesWriter();
    eachColumnarLine(columns, data, (texts) => {
      // One text at a time: joined, a line of huge values could outgrow a JS string.
      for (const t of texts) w.text(t);
      w.endLine();
      if (w.size >= DRAIN_BYTES) w.drainTo(fd);
    });
    w.drainTo(fd);
  } finally {
    closeSync(fd);
  }
}

/** A typed SELECT over a file written by writeColumnarLines: the chunks' arrays unnested side by side, in order. */
export function columnarRelationSql(file: string, columns: Columns): string {
  const names = Object.keys(columns);
  const spec = names.map((n, j) => `c${j}: ${sqlString(JSON_TYPE[columns[n]] + "[]")}`).join(", ");
  const unnested = names.map((n, j) => `unnest(c${j}) AS ${quoteIdent(n)}`).join(", ");
  const cols = names.map((n) => castExpr(n, columns[n])).join(", ");
  return `SELECT ${cols} FROM (SELECT ${unnested} FROM read_json([${sqlString(file)}], format = 'newline_delimited', ` +
    `columns = {${spec}}))`;
}

/**
 * Copy a relation to Parquet with DuckDB on one thread, then restore the thread count (an
 * instance-wide setting; kept in a variable of the connection), in one statement: each await
 * waits for a turn of an event loop the analysis keeps busy. The derived writes run beside the
 * analysis' main thread and workers, which keep the cores busy: a second DuckDB thread mostly
 * polled the task queue under a mutex (perf: ~18% of these COPYs' CPU); on one thread the
 * 212k-message store's derived tables took ~25% less CPU (docs/performance.md). DuckDB runs one
 * query string's statements under its connection lock: no other statement sees the one thread.
 */
async function copyToParquetOneThread(con: DuckDBConnection, selectSql: string, file: string): Promise<void> {
  const restore = "SET threads = getvariable('threadgraph_threads')";
  try {
    await con.run(`SET VARIABLE threadgraph_threads = current_setting('threads'); SET threads = 1; ${copySql(selectSql, file)}; ${restore}`);
  } catch (e) {
    // Fails only if the variable was never set: then neither was the thread count.
    await con.run(restore).catch(() => {});
    throw e;
  }
}

/** Write rows (objects keyed by column name, or one array per column) to a Parquet file at `file`. */
export async function writeParquet(
  con: DuckDBConnection, file: string, columns: Columns, rows: Record<string, unknown>[] | DerivedColumns, o: { oneThread?: boolean } = {},
): Promise<void> {
  const tmp = `${file}.rows.jsonl`;
  // Sync file calls: the analysis writes the derived tables while its main thread builds the page
  // artifacts and turns the event loop only between builders; each async call would wait for one
  // such turn (with async write and unlink the tables finished well after the artifacts).
  try {
    writeColumnarLines(tmp, columns, Array.isArray(rows) ? rowsToColumns(columns, rows) : rows);
    // One thread only beside a busy analysis (derived tables); ingest's tables keep DuckDB's threads.
    if (o.oneThread) await copyToParquetOneThread(con, columnarRelationSql(tmp, columns), file);
    else await copyToParquet(con, columnarRelationSql(tmp, columns), file);
  } finally {
    try { unlinkSync(tmp); } catch { /* never created: the first error is the one to report */ }
  }
}
