// The store: Parquet parts + manifest on disk, DuckDB views over them in memory.
// openStore() is the only way in; ingest.ts uses the extra writer methods of DuckStore.
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import type { ColumnType, Store } from "./api.ts";
import { writeFile } from "node:fs/promises";
import { jsonLines, type JsonLinesWriter } from "./parquet-writer.ts";
import { processAlive } from "./lock.ts";
import { partName, readManifest, writeManifest, MANIFEST, type Manifest } from "./manifest.ts";
import {
  CORE_VIEWS, PART_TABLES, PEOPLE_COLUMNS, PERSON_EMAIL_COLUMNS, SUSPECT_COLUMNS, quoteIdent, relationSql, sqlString, viewSql,
  type Columns, type PartTable,
} from "./schema.ts";

export const DEFAULT_STORE_DIR = "data/store";
const DERIVED_NAME = /^[a-z_][a-z0-9_]*$/;

/** DuckDB values -> plain JS: BIGINT/HUGEINT as number, TIMESTAMP as epoch ms. */
/** DuckDB JS values as plain JSON values; timestamps as epoch ms, or ISO text for display. */
function plain(v: unknown, iso = false): unknown {
  if (typeof v === "bigint") return Number(v);
  if (v instanceof Date) return iso ? (Number.isNaN(v.getTime()) ? String(v) : v.toISOString()) : v.getTime();
  if (Array.isArray(v)) return v.map((x) => plain(x, iso));
  if (v && typeof v === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) o[k] = plain(x, iso);
    return o;
  }
  return v;
}

export class DuckStore implements Store {
  readonly dir: string;
  private viewsKey = "";

  private instance: DuckDBInstance | null = null;
  private connection: DuckDBConnection | null = null;

  private constructor(dir: string) {
    this.dir = dir;
  }

  static async open(dir = DEFAULT_STORE_DIR): Promise<DuckStore> {
    const abs = resolve(dir);
    mkdirSync(join(abs, "derived"), { recursive: true });
    readManifest(abs); // fail early on a corrupt manifest
    return new DuckStore(abs);
  }

  /** DuckDB starts on first use: a re-run with nothing new never loads it. */
  private starting: Promise<DuckDBConnection> | null = null;
  async con(): Promise<DuckDBConnection> {
    if (this.connection) return this.connection;
    // One start even when callers overlap (ingest starts DuckDB early without waiting for it).
    this.starting ??= (async () => {
      try {
        // require() of this CommonJS package is several hundred ms faster than an ESM import.
        const { DuckDBInstance } = createRequire(import.meta.url)("@duckdb/node-api") as typeof import("@duckdb/node-api");
        this.instance = await DuckDBInstance.create(":memory:");
        this.connection = await this.instance.connect();
        return this.connection;
      } finally {
        this.starting = null;
      }
    })();
    return this.starting;
  }

  private async write(file: string, columns: Columns, rows: Record<string, unknown>[]): Promise<void> {
    const { writeParquet } = await import("./parquet-writer.ts");
    await writeParquet(await this.con(), file, columns, rows);
  }

  manifest(): Manifest {
    return readManifest(this.dir);
  }

  private derivedFiles(): { name: string; file: string; sig: string }[] {
    const d = join(this.dir, "derived");
    if (!existsSync(d)) return [];
    return readdirSync(d)
      .filter((f) => f.endsWith(".parquet") && DERIVED_NAME.test(f.slice(0, -8)))
      .sort()
      .map((f) => {
        const st = statSync(join(d, f));
        return { name: f.slice(0, -8), file: join(d, f), sig: `${f}:${st.size}:${st.mtimeMs}:${st.ino}` };
      });
  }

  async version(): Promise<string> {
    const m = this.manifest();
    return `${m.generation}|${this.derivedFiles().map((d) => d.sig).join(",")}`;
  }

  /** Rebuild the views when the manifest or derived tables changed since the last query. */
  private async refreshViews(): Promise<void> {
    const m = this.manifest();
    const derived = this.derivedFiles();
    const key = `${m.generation}|${JSON.stringify(m.people)}|${derived.map((d) => d.sig).join(",")}`;
    if (key === this.viewsKey) return;
    const abs = (rel: string) => join(this.dir, rel);
    const stmts: string[] = [];
    for (const [table, cols] of Object.entries(PART_TABLES)) {
      stmts.push(`CREATE OR REPLACE TEMP VIEW raw_${table} AS ${relationSql(m.parts[table as PartTable].map(abs), cols)}`);
    }
    stmts.push(`CREATE OR REPLACE TEMP VIEW raw_people AS ${relationSql(m.people ? [abs(m.people.people)] : [], PEOPLE_COLUMNS)}`);
    stmts.push(`CREATE OR REPLACE TEMP VIEW raw_people_suspects AS ${relationSql(m.people?.suspects ? [abs(m.people.suspects)] : [], SUSPECT_COLUMNS)}`);
    stmts.push(`CREATE OR REPLACE TEMP VIEW raw_person_emails AS ${relationSql(m.people ? [abs(m.people.emails)] : [], PERSON_EMAIL_COLUMNS)}`);
    for (const d of derived) {
      stmts.push(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(d.name)} AS SELECT * FROM read_parquet(${sqlString(d.file)})`);
    }
    const retags = Object.entries(m.sources).filter(([, s]) => s.retagged).map(([source, s]) => ({ source, list: s.list ?? null }));
    stmts.push(...viewSql(derived.some((d) => d.name === "message_threads"), retags));
    const con = await this.con();
    for (const s of stmts) await con.run(s);
    this.viewsKey = key;
  }

  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    await this.refreshViews();
    const reader = await (await this.con()).runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => plain(r) as T);
  }

  /** Like query(), for people to read: timestamps as ISO 8601 text (UTC) instead of epoch ms. */
  async queryForDisplay(sql: string): Promise<Record<string, unknown>[]> {
    await this.refreshViews();
    const reader = await (await this.con()).runAndReadAll(sql);
    return reader.getRowObjectsJS().map((r) => plain(r, true) as Record<string, unknown>);
  }

  /** Names of derived tables currently present. */
  derivedNames(): string[] {
    return this.derivedFiles().map((d) => d.name);
  }

  async writeDerived(name: string, columns: Record<string, ColumnType>, rows: Record<string, unknown>[]): Promise<void> {
    if (!DERIVED_NAME.test(name) || CORE_VIEWS.has(name)) throw new Error(`invalid derived table name '${name}'`);
    const file = join(this.dir, "derived", `${name}.parquet`);
    const tmp = `${file}.${process.pid}.tmp`;
    await this.write(tmp, columns, rows);
    renameSync(tmp, file); // atomic replace: readers see the old or the new table, never half
    this.viewsKey = "";
  }

  // ---- writer side (used by ingest.ts under the store lock) ----

  /**
   * Stage one batch of `table` (rows, or lines a JsonLinesWriter already encoded) for the commit that will have generation `gen` as JSON lines
   * (cheap to write); the Sealer (sealer.ts) turns staged parts into Parquet. Returns the relative path.
   */
  async writePart(table: PartTable, gen: number, rows: Record<string, unknown>[] | JsonLinesWriter): Promise<string | null> {
    const lines = Array.isArray(rows) ? jsonLines(rows) : rows.bytes();
    if (lines.length === 0) return null;
    const rel = partName(table, gen, "jsonl");
    mkdirSync(join(this.dir, table), { recursive: true });
    await writeFile(join(this.dir, rel), lines); // async: the parser keeps going meanwhile
    return rel;
  }

  async writeTable(rel: string, columns: Columns, rows: Record<string, unknown>[]): Promise<string> {
    mkdirSync(join(this.dir, rel, ".."), { recursive: true });
    await this.write(join(this.dir, rel), columns, rows);
    return rel;
  }

  commit(m: Manifest): void {
    writeManifest(this.dir, m);
    this.viewsKey = "";
  }

  /** Remove files a killed writer left behind (parts and people tables the manifest does not name). */
  cleanOrphans(): void {
    const m = this.manifest();
    const keep = new Set<string>([...Object.values(m.parts).flat()]);
    if (m.people) { keep.add(m.people.people); keep.add(m.people.emails); if (m.people.suspects) keep.add(m.people.suspects); }
    for (const sub of [...Object.keys(PART_TABLES), "people"]) {
      const d = join(this.dir, sub);
      if (!existsSync(d)) continue;
      for (const f of readdirSync(d)) if (!keep.has(`${sub}/${f}`)) unlinkSync(join(d, f));
    }
    // Derived temp files carry their writer's pid (another process may be writing one right now).
    for (const f of readdirSync(join(this.dir, "derived"))) {
      const pid = /\.(\d+)\.tmp(\.rows\.jsonl)?$/.exec(f)?.[1];
      if (pid && !processAlive(Number(pid))) unlinkSync(join(this.dir, "derived", f));
    }
    if (existsSync(join(this.dir, `${MANIFEST}.tmp`))) unlinkSync(join(this.dir, `${MANIFEST}.tmp`));
  }

  async close(): Promise<void> {
    // Only the connection is closed: closing the in-memory instance itself takes ~0.5 s (it tears
    // down the buffer pool) and buys nothing; its memory goes with the last reference.
    this.connection?.closeSync();
    this.connection = this.instance = null;
    this.viewsKey = "";
  }
}

export async function openStore(dir = DEFAULT_STORE_DIR): Promise<DuckStore> {
  return DuckStore.open(dir);
}
