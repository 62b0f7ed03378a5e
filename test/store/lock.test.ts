import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { acquireLock, processStart } from "../../loaders/store/lock.ts";
import { tempDir } from "./helpers.ts";

const deadPid = () => Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
const record = (o: Partial<{ token: string; pid: number; start: string | null; host: string }>) =>
  JSON.stringify({ token: "a1b2c3", pid: process.pid, start: processStart(process.pid), host: hostname(), time: Date.now(), ...o });

test("one writer at a time; a dead writer's lock is taken over", () => {
  const t = tempDir();
  try {
    const lock = acquireLock(t.dir);
    assert.throws(() => acquireLock(t.dir), /being written by process/);
    lock.release();
    assert.equal(existsSync(join(t.dir, "store.lock")), false);
    writeFileSync(join(t.dir, "store.lock"), String(deadPid())); // the bare pid older versions wrote
    const again = acquireLock(t.dir);
    assert.equal(JSON.parse(readFileSync(join(t.dir, "store.lock"), "utf8")).token, again.owner.token);
    again.release();
  } finally {
    t.cleanup();
  }
});

test("a lock whose pid now belongs to another live process is stale (pid reuse, pid 1 in containers)", () => {
  const t = tempDir();
  try {
    const file = join(t.dir, "store.lock");
    // pid 1 is alive, but it is not the process that wrote this lock: other start time
    writeFileSync(file, record({ pid: 1, start: "1" + (processStart(1) ?? "0") }));
    acquireLock(t.dir).release();
    // an old-style lock holding "1", written long before pid 1 started
    writeFileSync(file, "1");
    utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
    acquireLock(t.dir).release();
    // the same pid with its real start time is the live owner
    writeFileSync(file, record({ pid: 1, start: processStart(1) }));
    assert.throws(() => acquireLock(t.dir), /being written by process 1 /);
    // and an empty lock file written just now may be a writer of an older version about to write its pid
    // (or junk: the message names no process, least of all the one asking)
    for (const junk of ["", "garbage", "{\"token\": 5}", "{\"token\":\"../x\",\"pid\":1}", "\u0000".repeat(64)]) {
      writeFileSync(file, junk);
      assert.throws(() => acquireLock(t.dir), (e: Error & { code?: string }) =>
        e.code === "ESTORELOCKED" && /names no writer .*written \d+ s ago.*Try again/.test(e.message) && !e.message.includes(`process ${process.pid}`), JSON.stringify(junk));
      utimesSync(file, new Date(2000, 0, 1), new Date(2000, 0, 1));
      acquireLock(t.dir).release();
    }
  } finally {
    t.cleanup();
  }
});

test("release removes only its own lock", () => {
  const t = tempDir();
  try {
    const file = join(t.dir, "store.lock");
    const lock = acquireLock(t.dir);
    assert.equal(lock.held(), true);
    // Someone else's lock replaced ours (e.g. a user deleted it and another writer started).
    const other = record({ token: "other0", pid: process.ppid, start: processStart(process.ppid) });
    writeFileSync(file, other);
    assert.equal(lock.held(), false);
    lock.release();
    assert.equal(readFileSync(file, "utf8"), other, "the other writer's lock stays");
  } finally {
    t.cleanup();
  }
});

test("a taker that died after claiming a stale lock is followed and replaced; no claim files stay", () => {
  const t = tempDir();
  try {
    const file = join(t.dir, "store.lock");
    writeFileSync(file, record({ token: "dead01", pid: deadPid(), start: "1" }));
    writeFileSync(`${file}.next-dead01`, record({ token: "dead02", pid: deadPid(), start: "1" }));
    const lock = acquireLock(t.dir);
    assert.deepEqual(readdirSync(t.dir), ["store.lock"]);
    lock.release();
    // a live claimant holds it, even though store.lock itself still names the dead writer
    writeFileSync(file, record({ token: "dead01", pid: deadPid(), start: "1" }));
    writeFileSync(`${file}.next-dead01`, record({ token: "live01", pid: process.ppid, start: processStart(process.ppid) }));
    assert.throws(() => acquireLock(t.dir), new RegExp(`being written by process ${process.ppid}`));
  } finally {
    t.cleanup();
  }
});
