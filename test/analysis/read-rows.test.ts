// readRows: DuckDB joins rows into a few large JSON texts; every row comes back once, in order,
// whatever its size (a single mail may carry a subject of megabytes). Synthetic rows only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { openStore } from "../../loaders/store/store.ts";
import { readRows, readRowSets } from "../../loaders/analysis/read-rows.ts";
import { tempDir } from "../store/helpers.ts";

test("readRows returns every row in order, with huge values and odd text intact", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    const n = 30_000, big = 6 << 20; // rows past several texts; one value longer than a text
    const rows = await readRows(store, `SELECT i, CASE WHEN i = 777 THEN repeat('x', ${big}) WHEN i % 1000 = 3 THEN NULL WHEN i % 997 = 5 THEN repeat('é', 20000)
      ELSE 'r' || i || ' "q" \\ ,]' END AS s, [i, i + 1] AS l FROM range(${n}) t(i)`, ["i", "s", "l"], "i DESC");
    assert.equal(rows.length, n);
    rows.forEach((r, k) => {
      const i = n - 1 - k;
      assert.equal(r[0], i);
      const want = i === 777 ? "x".repeat(big) : i % 1000 === 3 ? null : i % 997 === 5 ? "é".repeat(20000) : `r${i} "q" \\ ,]`;
      if (r[1] !== want) assert.fail(`row ${i}: ${String(r[1]).slice(0, 40)}`);
      assert.deepEqual(r[2], [i, i + 1]);
    });
    assert.deepEqual(await readRows(store, "SELECT 1 AS a WHERE false", ["a"], "a"), []);
  } finally {
    await store.close();
    t.cleanup();
  }
});

test("readRowSets: several results in one statement, each whole and in its own order (one empty)", async () => {
  const t = tempDir();
  const store = await openStore(join(t.dir, "store"));
  try {
    const sets = await readRowSets(store, {
      up: { select: "SELECT i, 'u' || i AS s FROM range(9000) t(i)", cols: ["i", "s"], order: "i" },
      down: { select: "SELECT i % 7 AS a, i AS b FROM range(5000) t(i)", cols: ["b", "a"], order: "a DESC, b" },
      none: { select: "SELECT 1 AS x WHERE false", cols: ["x"], order: "x" },
    });
    assert.deepEqual(sets.up, Array.from({ length: 9000 }, (_, i) => [i, `u${i}`]));
    const want = Array.from({ length: 5000 }, (_, i) => [i, i % 7]).sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    assert.deepEqual(sets.down, want);
    assert.deepEqual(sets.none, []);
  } finally {
    await store.close();
    t.cleanup();
  }
});
