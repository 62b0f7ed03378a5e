// A store.lock written by another version (its owner record has a token of another shape, or
// extra fields) still names its writer: while that process runs, nobody takes the lock over (it
// used to read as "no owner record" and be taken over after 10 s: two writers).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { acquireLock, processStart } from "../../loaders/store/lock.ts";

test("a live writer's lock with a token of another shape is respected; once it exits the lock is stale and taken over", async (t) => {
  const dir = mkdtempSync(join(tmpdir(), "tg-lockver-"));
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  t.after(() => { child.kill("SIGKILL"); rmSync(dir, { recursive: true, force: true }); });
  await new Promise((r) => setTimeout(r, 200));
  const lock = join(dir, "store.lock");
  writeFileSync(lock, JSON.stringify({ token: "Token_From:Another/Version", pid: child.pid, start: processStart(child.pid!), host: hostname(), time: Date.now(), schema: 7 }));
  const old = (Date.now() - 60_000) / 1000;
  utimesSync(lock, old, old); // well past the 10 s an unreadable lock is given
  assert.throws(() => acquireLock(dir), new RegExp(`being written by process ${child.pid}`));
  child.kill("SIGKILL");
  await new Promise((r) => child.once("exit", r));
  const mine = acquireLock(dir); // its writer is gone: stale
  assert.ok(mine.held());
  mine.release();
});
