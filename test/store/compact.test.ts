import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { compactParts, MAX_PARTS } from "../../loaders/store/compact.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { dumpStore, fakeParse, fakeSource, msgs, pm, tempDir } from "./helpers.ts";

test("small batches are sealed into Parquet, then compacted into one part per table, same contents", async () => {
  const t = tempDir();
  try {
    const n = MAX_PARTS + 6;
    const entries = msgs(...Array.from({ length: n }, (_, i) => pm(`m${i}@h`, {
      lists: ["netdev"], trailers: [{ kind: "acked-by", name: "A B", email: "ab@example.org", raw: "Acked-by: A B <ab@example.org>" }],
    })));
    const small = await openStore(join(t.dir, "small"));
    await ingest(small, [fakeSource("s", entries)], { batchSize: 1 }, { parseStream: fakeParse });
    // batches are sealed a few at a time in the background: several Parquet parts, no staged JSON left
    const sealed = small.manifest();
    assert.ok(sealed.parts.messages.length >= 2, `several parts (${sealed.parts.messages.length})`);
    assert.ok(Object.values(sealed.parts).flat().every((p) => p.endsWith(".parquet")));
    assert.deepEqual(await compactParts(small, 1), ["messages", "arrivals", "trailers"]);
    const m = small.manifest();
    assert.equal(m.parts.messages.length, 1);
    assert.equal(m.parts.arrivals.length, 1);
    assert.equal(m.parts.trailers.length, 1);
    // The replaced parts stay (retired) for readers of the older manifest, until the grace period ends.
    const onDisk = () => readdirSync(join(small.dir, "messages")).map((f) => `messages/${f}`).sort();
    const retired = (m.retired ?? []).map((r) => r.file).filter((f) => f.startsWith("messages/"));
    assert.deepEqual(onDisk(), [...m.parts.messages, ...retired].sort());
    assert.ok(retired.length >= sealed.parts.messages.length);
    small.collectGarbage(0);
    assert.deepEqual(onDisk(), m.parts.messages);
    assert.deepEqual(small.manifest().retired, []);
    await small.close();

    const big = await openStore(join(t.dir, "big"));
    await ingest(big, [fakeSource("s", entries)], { batchSize: 1000 }, { parseStream: fakeParse });
    await big.close();
    const [a, b] = [await dumpStore(join(t.dir, "small")), await dumpStore(join(t.dir, "big"))];
    assert.equal(a.messages.length, n);
    assert.deepEqual(a, b);
  } finally {
    t.cleanup();
  }
});
