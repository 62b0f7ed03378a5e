// parseStream: order, worker/in-thread equivalence, error items, source failures after delivery.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseStream, type ParsedItem } from "../../loaders/parse/index.ts";
import { poolStats } from "../../loaders/parse/pool.ts";
import type { SourceItem } from "../../loaders/model/records.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";
import { msg } from "../sources/helpers.ts";

const ctx = { trackedLists: DEFAULT_LISTS };

function item(i: number): SourceItem {
  const provenance = { source: "test", position: String(i), list: i % 2 ? "netdev" : undefined };
  if (i % 97 === 5) return { kind: "error", provenance, reason: `unreadable ${i}`, cursor: { i } };
  if (i % 89 === 7) return { kind: "message", bytes: Buffer.from("not a message\n"), provenance, cursor: { i } };
  if (i % 101 === 3) return { kind: "delete", bytes: Buffer.from(msg(`m${i - 1}`)), provenance, cursor: { i } };
  return { kind: "message", bytes: Buffer.from(msg(`m${i}`, `Reviewed-by: R${i} <r${i}@x.org>\n`)), provenance, fallbackDate: i, cursor: { i } };
}

async function* items(n: number, failAfter = -1): AsyncGenerator<SourceItem> {
  for (let i = 0; i < n; i++) {
    if (i === failAfter) throw new Error("source broke at " + i);
    yield item(i);
  }
}

const summary = (r: ParsedItem) => [r.item.provenance.position, r.item.kind, r.parsed?.messageId ?? `error:${r.error}`, r.parsed?.lists.join() ?? "", r.parsed?.trailers[0]?.email ?? ""].join("|");

test("parseStream: workers give exactly the in-thread results, in order", async () => {
  const here: string[] = [];
  for await (const r of parseStream(items(1500), ctx, { workers: 0 })) here.push(summary(r));
  const pooled: string[] = [];
  const before = { ...poolStats };
  for await (const r of parseStream(items(1500), ctx, { workers: 2, warmup: 100 })) pooled.push(summary(r));
  assert.ok(poolStats.batches - before.batches >= 7, `batches were parsed on the workers: ${JSON.stringify([before, poolStats])}`);
  assert.equal(poolStats.fallbacks, before.fallbacks, "no batch fell back to this thread");
  assert.equal(here.length, 1500);
  assert.deepEqual(pooled, here);
  assert.ok(here.some((s) => s.includes("|error|error:unreadable")));
  assert.ok(here.some((s) => s.includes("|message|error:")), "a parse error is an item, not a throw");
  assert.ok(here.some((s) => s.startsWith("3|delete|m2@example.com")));
  assert.ok(here[1].endsWith("|netdev|r1@x.org"));
});

test("parseStream: a source failure is thrown after every earlier item was yielded", async () => {
  for (const workers of [0, 1]) {
    const got: string[] = [];
    await assert.rejects(async () => {
      for await (const r of parseStream(items(900, 777), ctx, { workers, warmup: 50 })) got.push(r.item.provenance.position);
    }, /source broke at 777/);
    assert.equal(got.length, 777, `workers=${workers}`);
    assert.equal(got[776], "776");
  }
});
