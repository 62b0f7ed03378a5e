// Hostile headers whose parse yields (almost) nothing must not hold memory in proportion to their
// size: 8 MiB of ';' in To: kept 8M tokens live, and a subject of 4M tag words kept every word;
// a 64 MiB message of either could exhaust the heap of a long ingest. Each case runs in a worker
// with a small heap: before, both died of "JS heap out of memory" at 128 MiB.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Worker } from "node:worker_threads";

function inSmallHeap(body: string, heapMb: number): Promise<unknown> {
  const index = new URL("../../loaders/parse/index.ts", import.meta.url).href;
  const addresses = new URL("../../loaders/parse/addresses.ts", import.meta.url).href;
  const code = `import("tsx/esm/api").then(async ({ register }) => {
    register();
    const { parseMessage } = await import(${JSON.stringify(index)});
    const { parseAddressList } = await import(${JSON.stringify(addresses)});
    const result = await (async () => { ${body} })();
    require("node:worker_threads").parentPort.postMessage(result);
  });`;
  return new Promise((resolve, reject) => {
    const w = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    w.on("message", (m) => { void w.terminate(); resolve(m); });
    w.on("error", reject);
  });
}

test("bounded memory: an 8 MiB address list of separators parses in a 128 MiB heap", { timeout: 120_000 }, async () => {
  const r = await inSmallHeap(`return parseAddressList(";".repeat(8 << 20)).length + parseAddressList(": ;".repeat(3 << 20)).length;`, 128);
  assert.equal(r, 0);
});

test("bounded memory: an 8 MiB comment of nested parentheses parses in a 128 MiB heap (it was built a character at a time)", { timeout: 120_000 }, async () => {
  const r = await inSmallHeap(`const a = parseAddressList("(".repeat(4 << 20) + ")".repeat(4 << 20) + " a@b.c"); return [a.length, a[0].email, a[0].name.length];`, 128);
  assert.deepEqual(r, [1, "a@b.c", 2 * ((4 << 20) - 1)]);
});

test("bounded memory: a subject of 4M tag words parses in a 128 MiB heap (32 kept, flagged)", { timeout: 120_000 }, async () => {
  const r = await inSmallHeap(`const m = parseMessage(Buffer.from("From: a@b.c\\nSubject: [PATCH " + "v ".repeat(4 << 20) + "1/2] x\\nMessage-ID: <a@b>\\n\\nhi\\n"), { trackedLists: [] });
    return [m.patch.tags.length, m.patch.index, m.flags.includes("truncated-tags")];`, 128);
  assert.deepEqual(r, [32, 1, true]);
});
