// A part the manifest names that is a directory (or a zero-byte file) is reported as such, with
// the file and what to do, not as DuckDB's "No files found that match the pattern".
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "./helpers.ts";

test("a part that is a directory or empty: the error says what the file is", { timeout: 30_000 }, async (t) => {
  const { store, box } = oneMessageArchive(t, "tg-part-dir-");
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`])).status, 0);
  const part = join(store, JSON.parse(readFileSync(join(store, "manifest.json"), "utf8")).parts.messages[0]);
  rmSync(part);
  mkdirSync(part);
  let r = await cli(["stats", "--store", store]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /part-\d+\.parquet, named by manifest\.json, cannot be read: it is a directory, not a data file\. .*restore this file/);
  rmSync(part, { recursive: true });
  writeFileSync(part, "");
  r = await cli(["query", "--store", store, "select count(*) from messages"]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /cannot be read: it is empty \(0 bytes\)/);
});
