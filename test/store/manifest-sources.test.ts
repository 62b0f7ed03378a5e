// A manifest whose sources entries are damaged (null, a number, no path, a cursor that is no
// object) is a clear error naming the entry, for writers and readers, never a TypeError; nothing
// is changed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { oneMessageArchive } from "./helpers.ts";

test("damaged sources entries in manifest.json: a clear error naming the entry, the store unchanged", { timeout: 60_000 }, async (t) => {
  const { store, box } = oneMessageArchive(t, "tg-manifest-sources-");
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`])).status, 0);
  const file = join(store, "manifest.json");
  const good = JSON.parse(readFileSync(file, "utf8"));
  const id = Object.keys(good.sources)[0];
  for (const [entry, why] of [[null, /is null, not a source entry/], [5, /is 5, not a source entry/], [{ kind: "mbox" }, /has no path/],
    [{ ...good.sources[id], cursor: "x" }, /has cursor "x"/], [{ ...good.sources[id], list: 7 }, /has list 7/], [{ ...good.sources[id], retagged: "yes" }, /has retagged "yes"/]] as const) {
    const text = JSON.stringify({ ...good, sources: { [id]: entry } });
    writeFileSync(file, text);
    for (const args of [["ingest", "--store", store, "--no-analyze", `netdev=${box}`], ["stats", "--store", store], ["query", "--store", store, "select 1"]]) {
      const r = await cli(args);
      assert.notEqual(r.status, 0, `${args[0]} with ${JSON.stringify(entry)}`);
      assert.match(r.stderr, why);
      assert.match(r.stderr, /remove that entry from manifest\.json/);
      assert.doesNotMatch(r.stderr, /TypeError|Cannot read properties/);
    }
    assert.equal(readFileSync(file, "utf8"), text, "nothing changed");
  }
});
