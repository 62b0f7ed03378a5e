// settings.json written by another version (or edited) with values of another shape: a clear
// error naming the file and the entry, never a raw "s.trim is not a function" or a MAINTAINERS
// file called "[object Object]"; valid settings and unknown keys (a newer version's) read as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readStoreSettings } from "../../loaders/store/settings.ts";

test("settings of another shape are a clear error naming the entry; valid ones and unknown keys read", (t) => {
  const dir = mkdtempSync(join(tmpdir(), "tg-settings-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, "settings.json");
  const bad: [unknown, RegExp][] = [
    [[1, 2], /the settings are \[1,2\], not an object/],
    ["x", /the settings are "x"/],
    [{ reportWindow: "2024" }, /reportWindow is "2024"/],
    [{ reportWindow: { since: 5 } }, /reportWindow\.since is 5/],
    [{ identity: "x" }, /identity is "x"/],
    [{ identity: { mailmap: 5 } }, /identity\.mailmap is 5/],
    [{ maintainers: { x: 1 } }, /maintainers is \{"x":1\}/],
  ];
  for (const [value, message] of bad) {
    writeFileSync(file, JSON.stringify(value));
    assert.throws(() => readStoreSettings(dir), (e: Error) => message.test(e.message) && e.message.includes(file) && /Fix or delete/.test(e.message), JSON.stringify(value));
  }
  const good = { reportWindow: { since: "90d" }, identity: { mailmap: "/x.mailmap", overrides: null }, maintainers: null, fromTheFuture: { a: 1 } };
  writeFileSync(file, JSON.stringify(good));
  assert.deepEqual(readStoreSettings(dir), good);
});
