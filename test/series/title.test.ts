// seriesTitle: reply prefixes and leading bracket groups dropped, spacing and case folded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { seriesTitle } from "../../loaders/series/index.ts";

test("seriesTitle drops reply prefixes and leading bracket groups only", () => {
  assert.equal(seriesTitle("[PATCH net-next v3 2/7] net: Fix  the\tThing "), "net: fix the thing");
  assert.equal(seriesTitle("Re: [RFC][PATCH] a [b] c"), "a [b] c");
  assert.equal(seriesTitle(" \u00a0[PATCH]\u2003Title\u00a0x"), "title x");
  assert.equal(seriesTitle("[PATCH unclosed title"), "[patch unclosed title");
  assert.equal(seriesTitle("[a\n]\n[b]  Two\n\nlines"), "two lines");
  assert.equal(seriesTitle("plain title"), "plain title");
  assert.equal(seriesTitle("[x]".repeat(70) + " t"), "[x]".repeat(6).toLowerCase() + " t", "at most 64 groups");
});
