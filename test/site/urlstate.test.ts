// The global filter's URL form (src/components/urlstate.js): what a hand-edited or hostile query
// string turns into, and which links carry the filter.
import { test } from "node:test";
import assert from "node:assert/strict";
// @ts-expect-error plain browser JS module without types
import { readFilter, filterParams, withFilter } from "../../src/components/urlstate.js";

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];

test("readFilter: valid days, known lists, bots; anything else falls back to the default", () => {
  assert.deepEqual(readFilter(LISTS, "?from=2025-03-01&to=2025-04-01&lists=netdev,linux-rdma&bots=0"),
    { from: "2025-03-01", to: "2025-04-01", lists: ["netdev", "linux-rdma"], bots: false });
  assert.deepEqual(readFilter(LISTS, ""), { from: null, to: null, lists: null, bots: true });
  // Not a day, a non-existent day, a time of day: ignored.
  assert.equal(readFilter(LISTS, "?from=2025-3-1").from, null);
  assert.equal(readFilter(LISTS, "?from=2025-02-30").from, null);
  assert.equal(readFilter(LISTS, "?from=2025-03-01T10:00").from, null);
  // An empty window keeps its start only.
  assert.deepEqual([readFilter(LISTS, "?from=2025-03-01&to=2025-03-01").from, readFilter(LISTS, "?from=2025-03-01&to=2025-03-01").to], ["2025-03-01", null]);
  // Unknown lists dropped; every list (or none known) = no list filter; order follows the lists.
  assert.deepEqual(readFilter(LISTS, "?lists=linux-rdma,<script>,netdev").lists, ["netdev", "linux-rdma"]);
  assert.equal(readFilter(LISTS, "?lists=netdev,linux-cxl,linux-rdma").lists, null);
  assert.equal(readFilter(LISTS, "?lists=__proto__").lists, null);
  assert.equal(readFilter(LISTS, "?bots=1").bots, true);
});

test("filterParams omits defaults", () => {
  assert.deepEqual(filterParams({ from: null, to: null, lists: null, bots: true }), []);
  assert.deepEqual(filterParams({ from: "2025-03-01", to: null, lists: ["netdev"], bots: false }), [["from", "2025-03-01"], ["lists", "netdev"], ["bots", "0"]]);
});

test("withFilter: internal page links get the current filter, other links stay as they are", () => {
  const cur = "?from=2025-03-01&to=2025-04-01&bots=0&metric=people";
  assert.equal(withFilter("./threads.html", cur), "./threads.html?from=2025-03-01&to=2025-04-01&bots=0");
  // A link's own parameters stay; its filter parameters are replaced; the hash stays.
  assert.equal(withFilter("./graph.html?p=abc&from=2019-01-01#x", cur), "./graph.html?p=abc&from=2025-03-01&to=2025-04-01&bots=0#x");
  assert.equal(withFilter("/people/abc", cur), "/people/abc?from=2025-03-01&to=2025-04-01&bots=0");
  for (const href of ["https://lore.kernel.org/r/x", "#top", "./_file/data/site/graph-nodes.csv", "mailto:a@b", "//evil.example/x"]) {
    assert.equal(withFilter(href, cur), href);
  }
  // No filter in the URL: filter parameters are removed from the link.
  assert.equal(withFilter("./index.html?from=2019-01-01", ""), "./index.html");
});
