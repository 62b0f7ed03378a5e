import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { acquireLock } from "../../loaders/store/lock.ts";
import { tempDir } from "./helpers.ts";

test("one writer at a time; a dead writer's lock is taken over", () => {
  const t = tempDir();
  try {
    const release = acquireLock(t.dir);
    assert.throws(() => acquireLock(t.dir), /being written by process/);
    release();
    assert.equal(existsSync(join(t.dir, "store.lock")), false);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    writeFileSync(join(t.dir, "store.lock"), dead.stdout);
    const again = acquireLock(t.dir);
    again();
  } finally {
    t.cleanup();
  }
});
