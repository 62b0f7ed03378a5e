// The site search (src/components/search-index.js) over the index the analysis writes: threads by
// subject words, starter, list and date; people by name or any address.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeCorpus } from "../../loaders/analysis/analyze.ts";
import { siteFiles } from "../../loaders/analysis/site.ts";
import { FILES } from "../../loaders/analysis/artifacts.ts";
import { SEARCH_CHUNKS } from "../../loaders/analysis/shards.ts";
import { corpus, msg, person, D, T0 } from "../analysis/fixture.ts";
// @ts-expect-error plain browser JS module without types
import { decodeIndex, searchThreads, searchPeople, withIds, threadInFilter } from "../../src/components/search-index.js";

const extra = [person("ann", { name: "Ann Arbor" }), person("bob", { name: "Bob Builder" }), person("ci", { name: "Build Bot", bot: true })];
extra[0].emails.push("Ann.Other@Corp.example");
const msgs = [
  msg("r1@x", "ann", T0, { subject: "[PATCH] cxl: region teardown", lists: ["alpha"] }),
  msg("r2@x", "bob", T0 + 40 * D, { subject: "[PATCH] net: fix region leak", lists: ["beta"] }),
  msg("r3@x", "bob", T0 + 80 * D, { subject: "Re: unrelated question", lists: ["alpha", "beta"] }),
  msg("r4@x", "ci", T0 + 2 * D, { subject: "build report", bot: true, lists: ["gamma"] }),
];
const files = siteFiles(analyzeCorpus(corpus(msgs, [], extra)), "v1", Date.now());
const chunks = Array.from({ length: SEARCH_CHUNKS }, (_, i) => JSON.parse(files.get(FILES.searchThreads(i.toString(16)))!));
const idx = decodeIndex(chunks, JSON.parse(files.get(FILES.searchPeople)!));
const loaded: number[] = [];
const idFile = async (c: number) => { loaded.push(c); return JSON.parse(files.get(FILES.searchIds(c.toString(16)))!); };
await withIds(idx.threads, idFile);
const ids = (q: string) => searchThreads(idx.threads, q).rows.map((t: { id: string }) => t.id);

test("threads by subject words (all must match), starter, list and date; newest first", () => {
  assert.deepEqual(ids("region"), ["r2@x", "r1@x"]);
  assert.deepEqual(ids("REGION cxl"), ["r1@x"]);
  assert.deepEqual(ids("ann arbor"), ["r1@x"], "by the starter's name");
  assert.deepEqual(ids("from:bob"), ["r3@x", "r2@x"]);
  assert.deepEqual(ids("list:beta"), ["r3@x", "r2@x"]);
  assert.deepEqual(ids("2024-07-01"), ["r1@x"], "by start date");
  assert.deepEqual(ids("after:2024-08-01 before:2024-09-01"), ["r2@x"]);
  assert.deepEqual(ids("nothing-like-this"), []);
  assert.deepEqual(ids("  "), []);
  const r = searchThreads(idx.threads, "region").rows[0];
  assert.equal(r.author, "Bob Builder");
  assert.equal(r.author_id, "bob");
});

test("thread ids are fetched only for the chunks that hold the results", async () => {
  const fresh = decodeIndex(chunks, JSON.parse(files.get(FILES.searchPeople)!));
  const hit = searchThreads(fresh.threads, "teardown").rows;
  assert.equal(hit[0].id, null);
  const asked: number[] = [];
  await withIds(hit, async (c: number) => { asked.push(c); return idFile(c); });
  assert.deepEqual(hit.map((t: { id: string }) => t.id), ["r1@x"]);
  assert.deepEqual(asked, [hit[0].chunk]);
});

test("people by name or any of their addresses, bots included and flagged", () => {
  const who = (q: string) => searchPeople(idx.people, q).rows.map((p: { id: string }) => p.id);
  assert.deepEqual(who("arbor"), ["ann"]);
  assert.deepEqual(who("ann.other@corp"), ["ann"], "a second address, any case");
  assert.deepEqual(who("build").sort(), ["bob", "ci"]);
  assert.equal(searchPeople(idx.people, "build bot").rows[0].bot, true);
});

test("people: a keep predicate (those who sent mail in the filter) narrows the matches before the limit and the total", () => {
  const all = searchPeople(idx.people, "build");
  const kept = searchPeople(idx.people, "build", 1, (p: { id: string }) => p.id === "ci");
  assert.deepEqual(kept.rows.map((p: { id: string }) => p.id), ["ci"]);
  assert.equal(kept.total, 1);
  assert.equal(all.total, 2, "without a predicate nothing changes");
});

test("the global filter narrows thread results (started in the window, on its lists) before the limit; without one nothing changes", () => {
  const under = (q: string, filter: object, limit = 200) => searchThreads(idx.threads, q, limit, threadInFilter(filter));
  const got = (q: string, filter: object) => under(q, filter).rows.map((t: { id: string }) => t.id);
  assert.deepEqual(got("region", { from: "2024-08-01", to: "2024-09-01", lists: null }), ["r2@x"]);
  assert.deepEqual(got("region", { from: null, to: null, lists: ["alpha"] }), ["r1@x"]);
  assert.deepEqual(got("region", { from: "2024-07-01", to: "2024-07-02", lists: null }), ["r1@x"], "to is exclusive, from inclusive");
  assert.deepEqual(got("region", { from: "2024-07-02", to: null, lists: ["alpha"] }), []);
  assert.deepEqual(got("region", { from: null, to: null, lists: null }), ["r2@x", "r1@x"]);
  // The total counts only the threads in the filter, whatever the limit.
  const t = under("r", { from: "2024-08-01", to: null, lists: null }, 1);
  assert.equal(t.total, searchThreads(idx.threads, "r").rows.filter((x: { start: number }) => x.start >= Date.parse("2024-08-01")).length);
  assert.equal(t.rows.length, 1);
});
