// npm test's file list: every fast test file exactly once, the known slow ones first; the full list
// only the *.full.test.ts files.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

const list = (...args: string[]) => {
  const r = spawnSync(process.execPath, ["test/helpers/test-order.mjs", ...args], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.trim().split("\n");
};
const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

test("npm test's order lists every fast test file once, slow site suites first; --full lists the full suites", () => {
  const all = walk("test").filter((f) => f.endsWith(".test.ts"));
  const fast = list();
  assert.deepEqual([...fast].sort(), all.filter((f) => !f.endsWith(".full.test.ts")).sort());
  assert.equal(fast[0], "test/site/site.test.ts");
  assert.deepEqual(list("--full").sort(), all.filter((f) => f.endsWith(".full.test.ts")).sort());
});
