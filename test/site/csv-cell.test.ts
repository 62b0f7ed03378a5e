// The pages' CSV cell (src/components/csv-cell.js) and the graph downloads' (loaders/model/csv-cell.ts)
// are two copies of one function (pages cannot import outside src/): they must behave identically.
import { test } from "node:test";
import assert from "node:assert/strict";
import { csvCell as loaderCell } from "../../loaders/model/csv-cell.ts";
// @ts-expect-error plain browser JS module without types
import { csvCell as pageCell } from "../../src/components/csv-cell.js";
// @ts-expect-error plain browser JS module without types
import { toCsv } from "../../src/components/table.js";

const VALUES: unknown[] = [null, undefined, "", "plain", "=1+1", "+1", "-x", "@SUM(A1)", "\tt", "\rr", "\nn", "\uFF1D1", "\uFF0B1", "\uFF0D1", "\uFF201",
  " =leading space", "'=already", 'q"uote', "a,b", "line\nbreak", 0, -3, 2.5, -0, NaN, true, false, ["=a", "b"], ["a", "=b"], [null, "x"], [],
  { a: "=b" }, "😀", "\uD800", "Ctl\u0001\u001b[31mred\u007f\u0085"];

test("page and loader CSV cells are the same function", () => {
  for (const v of VALUES) assert.equal(pageCell(v), loaderCell(v), JSON.stringify(v) ?? String(v));
});

test("cells that a spreadsheet would run as a formula stay text, numbers stay numbers", () => {
  for (const v of ["=1+1", "+1", "-x", "@SUM(A1)", "\tt", "\rr", "\uFF1D1", ["=a", "b"]]) assert.match(loaderCell(v), /^"?'/, JSON.stringify(v));
  assert.equal(loaderCell(-3), "-3");
  assert.equal(loaderCell(["a", "=b"]), "a;=b", "only the cell start matters");
  assert.equal(loaderCell("Ctl\u0001\u001b[31mred\u007f"), "Ctl\uFFFD\uFFFD[31mred\uFFFD", "control characters and terminal escapes do not reach the file");
  assert.equal(toCsv([{ l: ["=HYPERLINK(1)", "x"] }], [{ key: "l", label: "Lists" }]), "Lists\n'=HYPERLINK(1);x", "the page table defuses arrays too");
});
