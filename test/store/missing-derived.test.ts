// A derived table that is not there (the analysis never ran: --no-analyze, a refresh killed before
// its first write; or its file was removed) is named with what to do, not DuckDB's bare
// "Catalog Error: Table with name threads does not exist! Did you mean trailers?".
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "./helpers.ts";
import { DERIVED_TABLES } from "../../loaders/store/schema.ts";

test("query of a derived table the store does not have says to run analyze", { timeout: 60_000 }, async (t) => {
  const { store, box } = oneMessageArchive(t, "tg-missing-derived-");
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`])).status, 0);
  let r = await cli(["query", "--store", store, "SELECT count(*) FROM threads"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /threads is a derived table.*no derived tables yet.*run 'threadgraph analyze'/);
  assert.equal((await cli(["analyze", "--store", store])).status, 0);
  r = await cli(["query", "--store", store, "SELECT count(*)::INT AS n FROM threads"]);
  assert.equal(r.status, 0, r.stderr);
  // the list the message relies on is what analyze writes
  const written = readdirSync(join(store, "derived")).filter((f) => f.endsWith(".parquet")).map((f) => f.slice(0, -8)).sort();
  assert.deepEqual(written, [...DERIVED_TABLES].sort());
  rmSync(join(store, "derived", "replies.parquet"));
  r = await cli(["query", "--store", store, "SELECT count(*) FROM replies"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /replies is a derived table.*derived\/replies\.parquet is missing.*run 'threadgraph analyze'/);
  // a name that is no table at all keeps DuckDB's own message (and its suggestion)
  r = await cli(["query", "--store", store, "SELECT count(*) FROM no_such_table"]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /Table with name no_such_table does not exist/);
  assert.doesNotMatch(r.stderr, /derived table/);
});
