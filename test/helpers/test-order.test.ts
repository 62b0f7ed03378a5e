// npm test's file list: every fast test file exactly once, the known slow ones first; the full list
// only the *.full.test.ts files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { SLOW, testFiles } from "./test-order.mjs";

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

test("npm test's order lists every fast test file once, the slow ones first in SLOW's order; full lists the full suites", () => {
  const all = walk("test").filter((f) => f.endsWith(".test.ts"));
  const fast = testFiles();
  assert.deepEqual([...fast].sort(), all.filter((f) => !f.endsWith(".full.test.ts")).sort());
  assert.deepEqual(fast.slice(0, SLOW.length), SLOW);
  assert.deepEqual(testFiles(true).sort(), all.filter((f) => f.endsWith(".full.test.ts")).sort());
});
