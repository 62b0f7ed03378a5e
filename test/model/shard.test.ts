// The loaders' and the pages' shard functions are two copies of one function: a page must look in
// the file the analysis wrote, for every id a mail can carry.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as loader from "../../loaders/model/shard.ts";
// @ts-expect-error plain browser JS module without types
import * as page from "../../src/components/shard.js";

const IDS = ["", ".", "..", "a@b", "20240701.1234-1-x@kernel.org", "x/y@z", "100%@p", "a+b@c", "<bracketed@id>", " spaced ",
  "ünïcödé@例え.jp", "\uD800lone", "emoji😀@x", "A@Example.COM", "a".repeat(5000)];

test("both copies agree and stay in range", () => {
  for (let i = 0; i < 2000; i++) IDS.push(`gen-${i}-${String.fromCharCode(32 + (i % 90))}@host${i % 7}`);
  const seen = new Set<number>();
  for (const id of IDS) {
    const s = loader.shardOf(id);
    assert.equal(page.shardOf(id), s, id);
    assert.ok(Number.isInteger(s) && s >= 0 && s < loader.SHARDS, id);
    seen.add(s);
    assert.equal(page.addressKey(id), loader.addressKey(id));
    assert.equal(page.messageKey(id), loader.messageKey(id));
  }
  assert.equal(page.SHARDS, loader.SHARDS);
  assert.ok(seen.size > loader.SHARDS * 0.9, `ids spread over the shards (${seen.size})`);
  assert.equal(loader.shardName(0), "00");
  assert.equal(page.shardName(255), "ff");
});

test("lookup keys: brackets dropped, addresses case-folded, ids case kept", () => {
  assert.equal(loader.messageKey(" <Abc@X> "), "Abc@X");
  assert.equal(loader.addressKey("<Jo@Example.ORG>"), "jo@example.org");
  assert.equal(loader.messageKey("a<b>c"), "a<b>c");
});

test("the pages list every shard file literally (Framework copies only those)", async () => {
  const { readFileSync } = await import("node:fs");
  const { FILES } = await import("../../loaders/analysis/artifacts.ts");
  const listed = (file: string) => [...readFileSync(file, "utf8").matchAll(/FileAttachment\("\.\.\/data\/site\/([^"]+)"\)/g)].map((m) => m[1]);
  const all = (f: (xx: string) => string) => Array.from({ length: loader.SHARDS }, (_, i) => f(loader.shardName(i)));
  assert.deepEqual(listed("src/components/thread-shards.js"), [...all(FILES.messageShard), ...all(FILES.threadShard), ...all(FILES.threadSeriesShard), ...all(FILES.threadAffiliationShard)]);
  assert.deepEqual(listed("src/components/person-shards.js"), [...all(FILES.addressShard), ...all(FILES.personShard)]);
  const { SEARCH_CHUNKS } = await import("../../loaders/analysis/shards.ts");
  const chunks = (f: (x: string) => string) => Array.from({ length: SEARCH_CHUNKS }, (_, i) => f(i.toString(16)));
  assert.deepEqual(listed("src/components/search-files.js"), [...chunks(FILES.searchThreads), ...chunks(FILES.searchIds), FILES.searchPeople]);
});
