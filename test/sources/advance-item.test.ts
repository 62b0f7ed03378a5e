// A cursor-only item ("advance": a position without a message) passes the parser in order, in
// this thread and on parse workers, without bytes to parse, so the store only moves the cursor.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseStream } from "../../loaders/parse/index.ts";
import type { SourceItem } from "../../loaders/model/records.ts";
import { DEFAULT_LISTS } from "../../loaders/config.ts";
import { msg } from "./helpers.ts";

async function* items(): AsyncGenerator<SourceItem> {
  for (let i = 0; i < 6; i++) {
    const provenance = { source: "test", position: String(i) };
    if (i % 3 === 1) yield { kind: "advance", provenance, cursor: { i } };
    else yield { kind: "message", bytes: Buffer.from(msg(`m${i}`)), provenance, cursor: { i } };
  }
}

test("advance items pass the parser in order, in this thread and on workers", async () => {
  for (const workers of [0, 1]) {
    const got: string[] = [];
    for await (const r of parseStream(items(), { trackedLists: DEFAULT_LISTS }, { workers, warmup: 0 })) {
      got.push(`${r.item.provenance.position}:${r.item.kind}:${r.parsed?.messageId ?? "none"}`);
    }
    assert.deepEqual(got, ["0:message:m0@example.com", "1:advance:none", "2:message:m2@example.com",
      "3:message:m3@example.com", "4:advance:none", "5:message:m5@example.com"], `workers=${workers}`);
  }
});
