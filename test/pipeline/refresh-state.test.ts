// derived/refresh.json damaged or hand-edited (null, a list, a string, tables that are no list)
// makes the analysis stale, so the next command recomputes it; it never crashes a command.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { analysisStale } from "../../loaders/pipeline/refresh.ts";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "../store/helpers.ts";

test("a damaged derived/refresh.json means 'stale': ingest recomputes the analysis instead of crashing", { timeout: 60_000 }, async (t) => {
  const { store, box } = oneMessageArchive(t, "tg-refresh-state-");
  let r = await cli(["ingest", "--store", store, `netdev=${box}`]);
  assert.equal(r.status, 0, r.stderr);
  const file = join(store, "derived", "refresh.json");
  const good = JSON.parse(readFileSync(file, "utf8"));
  assert.equal(analysisStale(store), false);
  for (const bad of ["null", "[]", '"x"', "7", JSON.stringify({ ...good, tables: 5 }), JSON.stringify({ ...good, tables: [null] })]) {
    writeFileSync(file, bad);
    assert.equal(analysisStale(store), true, bad);
  }
  writeFileSync(file, JSON.stringify({ generation: good.generation })); // written before tables were listed: still read
  assert.equal(analysisStale(store), false);
  writeFileSync(file, "null");
  r = await cli(["ingest", "--store", store, `netdev=${box}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout + r.stderr, /analyzed 1 messages/);
  assert.equal(analysisStale(store), false);
});
