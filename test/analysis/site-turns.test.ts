// The page builders run beside the derived tables, whose JavaScript part needs turns of this
// thread's event loop: siteFilesBeside must turn it within the long builders (the thread and person
// shards), not only between builders (at ~200k messages one builder held the thread for ~20 s).
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles, siteFilesBeside } from "../../loaders/analysis/site.ts";
import { SHARD_YIELD_EVERY } from "../../loaders/analysis/shards.ts";
import { corpus, msg, H, T0 } from "./fixture.ts";

test("siteFilesBeside turns the event loop inside the shard builders, and builds the same files", async () => {
  const n = 6 * SHARD_YIELD_EVERY;
  const a = analyzeCorpus(corpus(Array.from({ length: n }, (_, i) => msg(`t${i}@x`, `p${i % (2 * SHARD_YIELD_EVERY)}`, T0 + i * H))));
  let turns = 0, done = false;
  const tick = () => { turns++; if (!done) setImmediate(tick); };
  setImmediate(tick);
  const files = new Map<string, string>();
  await siteFilesBeside(a, Date.now(), Promise.resolve(), async () => "v1", {}, files, []);
  done = true;
  // One turn per SHARD_YIELD_EVERY threads and per SHARD_YIELD_EVERY people at least, besides the turns between builders.
  assert.ok(turns >= 6 + 2, `${turns} turns`);
  const same = siteFiles(a, "v1", Date.now());
  for (const [k, v] of same) if (k !== "meta.json") assert.equal(files.get(k), v, k);
  assert.equal(files.size, same.size);
});
