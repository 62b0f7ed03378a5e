// jsonLines encodes rows into one Buffer line by line (store staging format): the bytes must be
// exactly what JSON.stringify + UTF-8 gives, across buffer growth and for any text email carries.
import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonLines } from "../../loaders/store/parquet-writer.ts";

test("jsonLines: one UTF-8 JSON line per row, non-Latin-1 text and growth past the first buffer", () => {
  const rows = Array.from({ length: 3000 }, (_, i) => ({
    id: `m${i}@example.org`,
    name: i % 7 === 0 ? `Zhāng Wěi 张伟 ${i} 😀` : `Dev ${i}`,
    list: ["a", "b\n\"q\""],
    n: i,
    ok: i % 2 === 0,
    nothing: null,
  }));
  const buf = jsonLines(rows);
  assert.ok(buf.length > 64 * 1024, "test must outgrow the initial buffer");
  const lines = buf.toString("utf8").split("\n");
  assert.equal(lines.pop(), "", "ends with a newline");
  assert.equal(lines.length, rows.length);
  lines.forEach((l, i) => assert.deepEqual(JSON.parse(l), rows[i]));
  assert.ok(buf.equals(Buffer.from(rows.map((r) => JSON.stringify(r) + "\n").join(""))));
});

test("jsonLines: lone surrogates become U+FFFD, escaped backslashes are left alone", () => {
  const buf = jsonLines([{ s: "a\ud800b" }, { s: "x\\ud800y" }, { s: "ok 😀" }]);
  const rows = buf.toString("utf8").trim().split("\n").map((l) => JSON.parse(l));
  assert.deepEqual(rows, [{ s: "a\ufffdb" }, { s: "x\\ud800y" }, { s: "ok 😀" }]);
});

test("jsonLines: no rows, no bytes", () => {
  assert.equal(jsonLines([]).length, 0);
});
