// The store: Parquet parts + manifest on disk, DuckDB views over them in memory.
// openStore() is the only way in; ingest.ts uses the extra writer methods of DuckStore.
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { createRequire } from "node:module";
import { setOwn } from "../model/own-keys.ts";
import type { ColumnType, DerivedColumns, Store } from "./api.ts";
import { jsonLines, type JsonLinesWriter } from "./parquet-writer.ts";
import { processAlive } from "./lock.ts";
import { dataFiles, namedFiles, partName, readManifest, writeManifest, MANIFEST, type Manifest } from "./manifest.ts";
import { expireRetired, RETIRED_GRACE_MS, uncommitted } from "./garbage.ts";
import { damageAdvice, fileProblem, findDamage, StoreDamagedError, type ViewFile } from "./damage.ts";
import { namedError, renameNamed, writeFileNamedAsync } from "./write-file.ts";
import {
  CORE_VIEWS, DERIVED_TABLES, PART_TABLES, PEOPLE_COLUMNS, PERSON_EMAIL_COLUMNS, SUSPECT_COLUMNS, quoteIdent, relationSql, sqlString, viewSql,
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
    for (const [k, x] of Object.entries(v)) setOwn(o, k, plain(x, iso));
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

  /** Opening writes nothing (readers work on read-only stores); writers create what they need. */
  static async open(dir = DEFAULT_STORE_DIR): Promise<DuckStore> {
    const abs = resolve(dir);
    let st;
    try { st = statSync(abs); } catch { /* a new store */ }
    if (st && !st.isDirectory()) throw new Error(`${abs}: is a file, not a store directory; nothing was changed. Give --store a directory (an existing store, or a path that does not exist yet)`);
    readManifest(abs); // fail early on a damaged or missing manifest
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

  private async write(file: string, columns: Columns, rows: Record<string, unknown>[] | DerivedColumns, oneThread = false): Promise<void> {
    const { writeParquet } = await import("./parquet-writer.ts");
    await writeParquet(await this.con(), file, columns, rows, { oneThread });
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

  /** Derived tables whose file DuckDB could not read, with the reason (see refreshViews). */
  private damagedDerived = new Map<string, string>();
  /** Set by the ingest pipeline, which rebuilds people: unreadable people tables are then read as empty. */
  rebuildsPeople = false;
  /** Why the people tables could not be read (only while rebuildsPeople), else null. */
  peopleDamage: string | null = null;
  private viewFiles: ViewFile[] = [];
  private viewsGeneration = -1;

  /**
   * Rebuild the views when the manifest or derived tables changed since the last query. A
   * derived table that cannot be read is left out (and named when a query needs it), so it never
   * blocks the core views, nor the `analyze` that rebuilds it.
   */
  private async refreshViews(): Promise<void> {
    const m = this.manifest();
    const derived = this.derivedFiles();
    const key = `${m.generation}|${JSON.stringify(m.people)}|${derived.map((d) => d.sig).join(",")}`;
    if (key === this.viewsKey) return;
    const abs = (rel: string) => join(this.dir, rel);
    const core: string[] = [];
    for (const [table, cols] of Object.entries(PART_TABLES)) {
      core.push(`CREATE OR REPLACE TEMP VIEW raw_${table} AS ${relationSql(m.parts[table as PartTable].map(abs), cols)}`);
    }
    const peopleViews = (p: Manifest["people"]) => [
      `CREATE OR REPLACE TEMP VIEW raw_people AS ${relationSql(p ? [abs(p.people)] : [], PEOPLE_COLUMNS)}`,
      `CREATE OR REPLACE TEMP VIEW raw_people_suspects AS ${relationSql(p?.suspects ? [abs(p.suspects)] : [], SUSPECT_COLUMNS)}`,
      `CREATE OR REPLACE TEMP VIEW raw_person_emails AS ${relationSql(p ? [abs(p.emails)] : [], PERSON_EMAIL_COLUMNS)}`,
    ];
    this.viewFiles = [
      ...Object.values(m.parts).flat().map((p): ViewFile => ({ abs: abs(p), kind: "part" })),
      ...(m.people ? [m.people.people, m.people.emails, ...(m.people.suspects ? [m.people.suspects] : [])] : [])
        .map((p): ViewFile => ({ abs: abs(p), kind: "people" })),
      ...derived.map((d): ViewFile => ({ abs: d.file, kind: "derived" })),
    ];
    this.viewsGeneration = m.generation;
    const retags = Object.entries(m.sources).filter(([, s]) => s.retagged).map(([source, s]) => ({ source, list: s.list ?? null }));
    const con = await this.con();
    for (const sql of core) await con.run(sql);
    this.peopleDamage = null;
    try {
      for (const sql of peopleViews(m.people)) await con.run(sql);
    } catch (e) {
      // People are derived from the mail: an ingest rebuilds them (see rebuildPeople), so a writer
      // that does may go on over empty people views; every other command is told what to do.
      const files = this.viewFiles.filter((f) => f.kind === "people");
      let damage: StoreDamagedError | null = null;
      for (const f of files) {
        const problem = await fileProblem(con, f);
        if (problem) { damage = damageAdvice(this.dir, f, problem); break; }
      }
      if (!this.rebuildsPeople) throw damage ?? e;
      this.peopleDamage = damage?.message ?? (e as Error).message;
      for (const sql of peopleViews(null)) await con.run(sql);
    }
    this.damagedDerived.clear();
    for (const d of derived) {
      try {
        await con.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(d.name)} AS SELECT * FROM read_parquet(${sqlString(d.file)})`);
      } catch (e) {
        this.damagedDerived.set(d.name, (e as Error).message.split("\n")[0]);
        await con.run(`DROP VIEW IF EXISTS ${quoteIdent(d.name)}`);
      }
    }
    const usable = (n: string) => derived.some((d) => d.name === n && !this.damagedDerived.has(d.name));
    for (const sql of viewSql(usable("message_threads"), retags, usable("person_homes"))) await con.run(sql);
    this.viewsKey = key;
  }

  /**
   * Run SQL over a current snapshot. A writer may replace parts meanwhile (sealing, compaction);
   * replaced files stay for a grace period (garbage.ts), and a query that still fails while the
   * manifest moved on is re-run once over the new one: every result comes from one manifest.
   * A failure caused by a damaged store file is reported naming that file.
   */
  private async run(sql: string): Promise<Record<string, unknown>[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.refreshViews();
        const reader = await (await this.con()).runAndReadAll(sql);
        // Rows built here, not by getRowObjectsJS(): a column named __proto__ must stay a column.
        const names = reader.columnNames();
        return reader.getRowsJS().map((values) => {
          const row: Record<string, unknown> = {};
          names.forEach((n, i) => setOwn(row, n, values[i]));
          return row;
        });
      } catch (e) {
        if (e instanceof StoreDamagedError) throw e;
        const moved = this.viewsGeneration !== -1 && readManifest(this.dir).generation !== this.viewsGeneration;
        this.viewsKey = "";
        if (moved && attempt < 3) continue;
        throw await this.explain(e);
      }
    }
  }

  private async explain(e: unknown): Promise<unknown> {
    const msg = (e as Error)?.message ?? "";
    // A view left out because its table is damaged: the query names it.
    for (const [name, why] of this.damagedDerived) {
      if (new RegExp(`\\b${name}\\b`).test(msg)) return damageAdvice(this.dir, { abs: join(this.dir, "derived", `${name}.parquet`), kind: "derived" }, why);
    }
    return (await findDamage(await this.con(), this.dir, this.viewFiles, e)) ?? this.missingDerived(msg) ?? e;
  }

  /** A derived table the store lacks (never analysed, or its file removed): say so and what to do. */
  private missingDerived(msg: string): Error | null {
    const name = /Catalog Error: Table with name (\w+) does not exist/.exec(msg)?.[1];
    if (!name || !DERIVED_TABLES.has(name)) return null;
    const have = this.derivedNames();
    return new Error(`${name} is a derived table, and ${have.length === 0
      ? "this store has no derived tables yet (the analysis has not run since the mail was ingested: --no-analyze, or a refresh that was stopped)"
      : `derived/${name}.parquet is missing`}: run 'threadgraph analyze' to compute it, then query again`);
  }

  async query<T = Record<string, unknown>>(sql: string): Promise<T[]> {
    return (await this.run(sql)).map((r) => plain(r) as T);
  }

  /** Like query(), for people to read: timestamps as ISO 8601 text (UTC) instead of epoch ms. */
  async queryForDisplay(sql: string): Promise<Record<string, unknown>[]> {
    return (await this.run(sql)).map((r) => plain(r, true) as Record<string, unknown>);
  }

  /** Names of derived tables currently present and readable. */
  derivedNames(): string[] {
    return this.derivedFiles().map((d) => d.name).filter((n) => !this.damagedDerived.has(n));
  }

  async writeDerived(name: string, columns: Record<string, ColumnType>, rows: Record<string, unknown>[] | DerivedColumns): Promise<void> {
    if (!DERIVED_NAME.test(name) || CORE_VIEWS.has(name)) throw new Error(`invalid derived table name '${name}'`);
    mkdirSync(join(this.dir, "derived"), { recursive: true });
    const file = join(this.dir, "derived", `${name}.parquet`);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      await this.write(tmp, columns, rows, true); // beside the analysis: DuckDB on one thread (parquet-writer.ts)
    } catch (e) {
      try { unlinkSync(tmp); } catch { /* not written */ }
      throw namedError(tmp, e);
    }
    renameNamed(tmp, file); // atomic replace: readers see the old or the new table, never half
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
    await writeFileNamedAsync(join(this.dir, rel), lines); // async: the parser keeps going meanwhile
    return rel;
  }

  async writeTable(rel: string, columns: Columns, rows: Record<string, unknown>[]): Promise<string> {
    mkdirSync(join(this.dir, rel, ".."), { recursive: true });
    try {
      await this.write(join(this.dir, rel), columns, rows);
    } catch (e) {
      throw namedError(join(this.dir, rel), e);
    }
    return rel;
  }

  /**
   * Commit a new manifest. Files the current manifest names and `m` does not are retired, not
   * deleted: readers that still hold the current manifest keep reading them (garbage.ts).
   */
  commit(m: Manifest, now = Date.now()): void {
    const prev = this.manifest();
    const keep = new Set(namedFiles(m));
    const retired = [...(m.retired ?? []), ...namedFiles(prev).filter((f) => !keep.has(f)).map((file) => ({ file, at: now }))];
    writeManifest(this.dir, { ...m, retired: retired.filter((r) => !keep.has(r.file)) });
    this.viewsKey = "";
  }

  /** Create the manifest of a new store before anything else is written into it (see readManifest). */
  initialize(): void {
    if (existsSync(join(this.dir, MANIFEST))) return;
    mkdirSync(this.dir, { recursive: true });
    writeManifest(this.dir, readManifest(this.dir)); // throws if data files exist without a manifest
  }

  /**
   * Refuse to write into a store whose manifest names mail parts that are gone. People tables are
   * not checked: they are recomputed from the mail by the ingest that calls this (rebuildsPeople).
   */
  checkNamedFiles(): void {
    const missing = Object.values(this.manifest().parts).flat().filter((f) => !existsSync(join(this.dir, f)));
    if (missing.length) {
      throw new StoreDamagedError(`${join(this.dir, missing[0])}: named by manifest.json but missing` +
        `${missing.length > 1 ? ` (and ${missing.length - 1} more)` : ""}. The store cannot be written until it is repaired: ` +
        "restore the file from a backup; or move the store away and ingest the archives again into a new store.", join(this.dir, missing[0]));
    }
  }

  /**
   * Under the writer lock: remove what a killed writer left (files written for a commit that
   * never happened). Never a file it cannot account for; the manifest is not touched.
   */
  cleanOrphans(): void {
    const m = this.manifest();
    const keep = new Set([...namedFiles(m), ...(m.retired ?? []).map((r) => r.file)]);
    for (const rel of dataFiles(this.dir)) {
      if (!keep.has(rel) && uncommitted(rel, m)) unlinkSync(join(this.dir, rel));
    }
    // Derived temp files carry their writer's pid (another process may be writing one right now).
    const derived = join(this.dir, "derived");
    for (const f of existsSync(derived) ? readdirSync(derived) : []) {
      const pid = /\.(\d+)\.tmp(\.rows\.jsonl)?$/.exec(f)?.[1];
      if (pid && !processAlive(Number(pid))) unlinkSync(join(derived, f));
    }
    if (existsSync(join(this.dir, `${MANIFEST}.tmp`))) unlinkSync(join(this.dir, `${MANIFEST}.tmp`));
  }

  /** Under the writer lock: delete files retired more than graceMs ago (same generation: no data changes). */
  collectGarbage(graceMs = RETIRED_GRACE_MS): void {
    const expired = expireRetired(this.dir, this.manifest(), Date.now(), graceMs);
    if (expired) writeManifest(this.dir, expired);
  }

  async close(): Promise<void> {
    // Only the connection is closed: closing the in-memory instance itself takes ~0.5 s (it tears
    // down the buffer pool) and buys nothing; its memory goes with the last reference.
    this.connection?.closeSync();
    this.connection = this.instance = null;
    this.viewsKey = "";
    this.viewsGeneration = -1;
  }
}

export async function openStore(dir = DEFAULT_STORE_DIR): Promise<DuckStore> {
  return DuckStore.open(dir);
}
