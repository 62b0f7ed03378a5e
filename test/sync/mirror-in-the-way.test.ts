// git mode: a file, or a directory that is no git mirror, where an epoch's mirror goes is a clear
// error naming it before anything is fetched (a whole epoch was cloned, then the rename failed
// with a raw ENOTDIR/ENOTEMPTY); the thing in the way is left as it was.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mirrorEpoch } from "../../loaders/sync/git-mode.ts";
import { tempDir } from "./fixture.ts";

test("git mode: a file or a non-mirror directory in the mirror's place fails before any fetch", async () => {
  const t = tempDir("mirror-in-the-way");
  try {
    const file = join(t.dir, "0.git");
    writeFileSync(file, "mine\n");
    // the inbox URL is never contacted: port 9 (discard) would refuse it
    await assert.rejects(mirrorEpoch("http://127.0.0.1:9/zoo/", 0, file), /0\.git: is in the way of epoch 0's mirror \(not a directory\); nothing was fetched\. Move it away/);
    assert.equal(readFileSync(file, "utf8"), "mine\n");
    const dir = join(t.dir, "1.git");
    mkdirSync(join(dir, "objects"), { recursive: true });
    writeFileSync(join(dir, "notes.txt"), "x");
    await assert.rejects(mirrorEpoch("http://127.0.0.1:9/zoo/", 1, dir), /a directory that is no git mirror: it has no HEAD/);
    assert.equal(readFileSync(join(dir, "notes.txt"), "utf8"), "x");
  } finally {
    t.cleanup();
  }
});
