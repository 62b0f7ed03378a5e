// Untrusted strings that are Object.prototype names, used as keys by the store's readers: a list
// tagged `__proto__` and SQL column aliases like `constructor` must come back as ordinary keys.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { computeStats } from "../../loaders/store/stats.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

test("lists and query columns named like Object.prototype members are kept as own keys", async () => {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    const src = fakeSource("proto-src", msgs(
      pm("a@host", { lists: ["__proto__"] }), pm("b@host", { lists: ["__proto__", "constructor"] }), pm("c@host", { lists: ["netdev"] })));
    await ingest(store, [src], {}, { parseStream: fakeParse });
    const stats = await computeStats(store, ["netdev"]);
    assert.equal(Object.getPrototypeOf(stats.per_list), Object.prototype);
    assert.deepEqual(Object.entries(stats.per_list).sort(), [["__proto__", 2], ["constructor", 1], ["netdev", 1]]);
    assert.equal(JSON.parse(JSON.stringify(stats.per_list)).__proto__, 2);

    const [row] = await store.query<Record<string, number>>("SELECT 1 AS __proto__, 2 AS constructor, 3 AS toString");
    assert.deepEqual(Object.entries(row), [["__proto__", 1], ["constructor", 2], ["toString", 3]]);
  } finally {
    await store.close();
    t.cleanup();
  }
});
