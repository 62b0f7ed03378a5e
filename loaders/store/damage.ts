// Damaged stores: a clear error that names the file and says what to do, instead of a raw DuckDB
// error on every command.
import { existsSync, statSync } from "node:fs";
import { basename, relative } from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { sqlString } from "./sql.ts";

export class StoreDamagedError extends Error {
  readonly code = "ESTOREDAMAGED";
  constructor(message: string, readonly file: string) {
    super(message);
  }
}

/** A file the current views read, and which kind of store file it is. */
export interface ViewFile { abs: string; kind: "part" | "people" | "derived" }

/** Why DuckDB cannot read this file, or null when it reads. */
export async function fileProblem(con: DuckDBConnection, f: ViewFile): Promise<string | null> {
  if (!existsSync(f.abs)) return "it is missing";
  const st = statSync(f.abs);
  if (!st.isFile()) return `it is ${st.isDirectory() ? "a directory" : "no regular file"}, not a data file`;
  if (st.size === 0 && f.abs.endsWith(".parquet")) return "it is empty (0 bytes)";
  try {
    const reader = f.abs.endsWith(".jsonl")
      ? `read_json(${sqlString(f.abs)}, format = 'newline_delimited')`
      : `read_parquet(${sqlString(f.abs)})`;
    await con.run(`SELECT count(*) FROM (SELECT * FROM ${reader})`);
    return null;
  } catch (e) {
    return (e as Error).message.split("\n")[0];
  }
}

export function damageAdvice(dir: string, f: ViewFile, problem: string): StoreDamagedError {
  if (f.kind === "derived") {
    return new StoreDamagedError(`${f.abs}: derived table ${basename(f.abs, ".parquet")} cannot be read: ${problem}. ` +
      "Derived tables are recomputed from the mail: run 'threadgraph analyze' to rebuild it.", f.abs);
  }
  if (f.kind === "people") {
    return new StoreDamagedError(`${f.abs}: people table ${relative(dir, f.abs)} cannot be read: ${problem}. ` +
      "People are recomputed from the mail: run 'threadgraph ingest' again with any archive of this store " +
      "(nothing new is needed) to rebuild it.", f.abs);
  }
  return new StoreDamagedError(`${f.abs}: store file ${relative(dir, f.abs)}, named by manifest.json, cannot be read: ${problem}. ` +
    "The store cannot be read until it is repaired: restore this file from a backup; or move the store away and " +
    "ingest the archives again into a new store (threadgraph ingest --store NEW_DIR ...).", f.abs);
}

/**
 * The damaged file behind a failed query, or null when the failure is not about a store file
 * (a mistake in the SQL). Files the error message names are checked first.
 */
export async function findDamage(con: DuckDBConnection, dir: string, files: ViewFile[], err: unknown): Promise<StoreDamagedError | null> {
  const msg = (err as Error)?.message ?? "";
  const named = files.filter((f) => msg.includes(f.abs));
  const io = /IO Error|parquet|No files found|magic|Corrupt|Invalid Input Error|Could not read|JSON/i.test(msg);
  for (const f of named.length ? named : io ? files : []) {
    const problem = await fileProblem(con, f);
    if (problem) return damageAdvice(dir, f, problem);
  }
  return null;
}
