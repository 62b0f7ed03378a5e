// Pure helpers of the site components (no browser): link sanitising, lore links, CSV export.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { safeHref, loreUrl, routeSegment, fmtDuration } from "../../src/components/dom.js";
// @ts-expect-error plain browser JS module without types
import { toCsv } from "../../src/components/table.js";

test("safeHref keeps https and relative links, neutralises script and data URLs", () => {
  for (const ok of ["https://lore.kernel.org/r/x", "./people/abc", "../threads/k1", "people/abc", "?q=1", "#top"]) assert.equal(safeHref(ok), ok);
  for (const bad of ["javascript:alert(3)", " javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>", "vbscript:x", "http://evil.example"]) {
    assert.equal(safeHref(bad), "#", bad);
  }
});

test("loreUrl percent-encodes the Message-ID so it cannot break out of the path", () => {
  assert.equal(loreUrl("a/b?c#d@example.org"), "https://lore.kernel.org/r/a%2Fb%3Fc%23d%40example.org");
  assert.equal(loreUrl("<x>\"@y"), "https://lore.kernel.org/r/%3Cx%3E%22%40y");
  assert.equal(routeSegment("a/b.c"), "a_b_c");
});

test("toCsv quotes commas, quotes and newlines, joins arrays, keeps raw values, defuses formulas", () => {
  const csv = toCsv(
    [{ s: 'He said "NAK", twice\nreally', n: 3, l: ["netdev", "linux-cxl"] }, { s: "=HYPERLINK(1)", n: -2, l: [] }],
    [{ key: "s", label: "Subject" }, { key: "n", label: "Msgs", format: () => "formatted" }, { key: "l", label: "Lists" }],
  );
  assert.equal(csv, `Subject,Msgs,Lists\n"He said ""NAK"", twice\nreally",3,netdev;linux-cxl\n'=HYPERLINK(1),-2,`);
});

test("fmtDuration picks readable units", () => {
  assert.equal(fmtDuration(null), "–");
  assert.equal(fmtDuration(45 * 60_000), "45 min");
  assert.equal(fmtDuration(3 * 3_600_000), "3.0 h");
  assert.equal(fmtDuration(3 * 86_400_000), "3.0 d");
});
