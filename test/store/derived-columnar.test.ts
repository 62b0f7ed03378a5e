// Derived tables are written columnar (parquet-writer.ts: one JSON line of column arrays per chunk
// of rows): the table must hold exactly the rows given, in order, whether given as objects or as
// columns, across chunk boundaries, for any text mail carries, and for huge values (a hostile
// 17 MiB subject, past DuckDB's default 16 MB JSON object size, stays whole in the store).
import { test } from "node:test";
import assert from "node:assert/strict";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { ROWS_PER_LINE, rowsToColumns } from "../../loaders/store/parquet-writer.ts";
import { fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

const COLS = { id: "VARCHAR", n: "BIGINT", at: "TIMESTAMP", ok: "BOOLEAN", w: "DOUBLE", tags: "VARCHAR[]", ns: "BIGINT[]", label: "VARCHAR" } as const;

function rows(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    id: i % 11 === 0 ? `Zhāng "q" \\ 张伟\n${i} 😀` : `m${i}@example.org`,
    n: i % 5 === 0 ? null : i * 1000,
    at: Date.UTC(2024, 0, 1) + i * 60_000,
    ok: i % 3 === 0 ? 1 : i % 3 === 1 ? 0 : undefined, // loose values are coerced, undefined is null
    w: i % 6 === 0 ? undefined : i / 7, // undefined numbers and lists are null
    tags: i % 4 === 0 ? [] : ["a", `b${i}`],
    ns: i % 10 === 0 ? undefined : [i, i + 1],
    label: i % 13 === 0 ? 42 : i % 17 === 0 ? "lone \ud800 surrogate" : `t${i % 9}`,
    stray: "never stored",
  }));
}

const expected = (r: ReturnType<typeof rows>[number]) => ({
  id: r.id, n: r.n, at: r.at, ok: r.ok === undefined ? null : Boolean(r.ok), w: r.w ?? null, tags: r.tags, ns: r.ns ?? null,
  label: typeof r.label === "number" ? String(r.label) : r.label.replace("\ud800", "\ufffd"),
});

async function withStore(f: (s: Awaited<ReturnType<typeof openStore>>) => Promise<void>) {
  const t = tempDir();
  const store = await openStore(t.dir);
  try {
    await ingest(store, [fakeSource("s", msgs(pm("a@h")))], {}, { parseStream: fakeParse });
    await f(store);
  } finally {
    await store.close();
    t.cleanup();
  }
}

test("writeDerived: rows and columns give the same table, in order, across chunk boundaries", async () => {
  const given = rows(2 * ROWS_PER_LINE + 17);
  await withStore(async (store) => {
    const read = async () => (await store.query("SELECT * FROM t")) as Record<string, unknown>[];
    await store.writeDerived("t", COLS, given);
    const fromRows = await read();
    assert.equal(fromRows.length, given.length);
    fromRows.forEach((r, i) => assert.deepEqual(r, expected(given[i]), `row ${i}`));
    await store.writeDerived("t", COLS, rowsToColumns(COLS, given));
    assert.deepEqual(await read(), fromRows);
    // Columns may be any array-likes; a missing column is all null.
    const { id, n } = rowsToColumns(COLS, given).columns;
    await store.writeDerived("t", { id: "VARCHAR", n: "BIGINT", none: "VARCHAR" }, { length: given.length, columns: { id, n } });
    assert.deepEqual(await read(), given.map((r) => ({ id: r.id, n: r.n, none: null })));
    await store.writeDerived("t", COLS, { length: 0, columns: {} });
    assert.deepEqual(await read(), []);
  });
});

test("writeDerived: a value longer than 16 MB is stored whole", async () => {
  const huge = "S".repeat(17 * 1024 * 1024) + " é";
  await withStore(async (store) => {
    await store.writeDerived("t", { id: "VARCHAR", subject: "VARCHAR" }, [{ id: "a", subject: "short" }, { id: "b", subject: huge }]);
    const r = await store.query<{ id: string; len: number; tail: string }>("SELECT id, length(subject) AS len, right(subject, 2) AS tail FROM t");
    assert.deepEqual(r, [{ id: "a", len: 5, tail: "rt" }, { id: "b", len: huge.length, tail: " é" }]);
  });
});

test("writeDerived: DuckDB's thread count is as it was after a write, also after a failed one", async () => {
  await withStore(async (store) => {
    const threads = async () => Number((await store.query<{ t: bigint }>("SELECT current_setting('threads') AS t"))[0].t);
    await store.query("SET threads = 3"); // not the default: the writer must restore what it found
    await store.writeDerived("t", { n: "BIGINT" }, [{ n: 1 }]);
    assert.equal(await threads(), 3);
    // 1e300 does not fit a BIGINT: DuckDB fails the COPY after the writer set one thread.
    await assert.rejects(store.writeDerived("t", { n: "BIGINT" }, [{ n: 1e300 }]));
    assert.equal(await threads(), 3);
    assert.deepEqual(await store.query("SELECT n FROM t"), [{ n: 1 }]);
  });
});
