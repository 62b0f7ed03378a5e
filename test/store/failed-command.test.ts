// A command that fails before committing leaves the store byte-identical: manifest, parts, people,
// derived tables and artifacts, including garbage that was due for collection.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { acquireLock } from "../../loaders/store/lock.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";
import { tempDir } from "./helpers.ts";
import { snapshotFiles } from "./snapshot.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";

// In-process (test/helpers/cli-in-process.ts), except the run that meets another process's lock.
const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];
const cli = (...args: string[]) => inProcess(args);

test("failed ingest and analyze commands change nothing in the store", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-failed-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 300, lists: ["netdev@vger.kernel.org"] });
    const mapA = join(t.dir, "a.mailmap"), mapB = join(t.dir, "b.mailmap"), badOverrides = join(t.dir, "bad.overrides");
    writeFileSync(mapA, "Dev One <dev1@example.org> <dev2@example.org>\n");
    writeFileSync(mapB, "Dev Three <dev3@example.org> <dev4@example.org>\n");
    writeFileSync(badOverrides, "frobnicate someone@example.org\n");
    // Opens as a gzip mbox, then fails: truncated before its first message ends.
    const corrupt = join(t.dir, "corrupt.mbox.gz");
    writeFileSync(corrupt, gzipSync(readFileSync(mbox)).subarray(0, 300));
    const store = join(t.dir, "store");
    const first = await cli("ingest", "--store", store, "--batch-size", "20", "--mailmap", mapA, `netdev=${mbox}`);
    assert.equal(first.status, 0, first.stderr);
    // Files replaced by that run's commits, made due for collection.
    const mf = join(store, "manifest.json");
    const m = JSON.parse(readFileSync(mf, "utf8"));
    const retired = (m.retired ?? []) as { file: string }[];
    writeFileSync(mf, JSON.stringify({ ...m, retired: retired.map((r) => ({ ...r, at: 0 })) }, null, 1));
    const before = snapshotFiles(store);

    const failing: [string[], number, RegExp][] = [
      // another mailmap with a source that fails: people are not rebuilt, no garbage collected
      [["ingest", "--store", store, "--mailmap", mapB, `netdev=${corrupt}`], 1, /corrupt\.mbox\.gz: .*unexpected end of file/],
      [["ingest", "--store", store, "--overrides", badOverrides, `netdev=${mbox}`], 1, /bad\.overrides/],
      [["ingest", "--store", store, `netdev=${join(t.dir, "missing.mbox")}`], 1, /missing\.mbox/],
      [["analyze", "--store", store, "--since", "2024-13-45"], 2, /since/],
      [["analyze", "--store", store, "--graph-out", join(t.dir, "g"), "--lists", "nope"], 2, /unknown list 'nope'/],
    ];
    for (const [args, status, message] of failing) {
      const r = await cli(...args);
      assert.equal(r.status, status, `${args.join(" ")}: ${r.stdout}${r.stderr}`);
      assert.match(r.stderr, message);
      assert.deepEqual(snapshotFiles(store), before, `${args.slice(0, 1)} ${args.slice(3).join(" ")} changed the store`);
    }
    // Another writer holds the lock.
    const lock = acquireLock(store);
    try {
      const r = spawnSync(process.execPath, [...CLI, "ingest", "--store", store, `netdev=${mbox}`], { encoding: "utf8" });
      assert.equal(r.status, 1);
      assert.match(r.stderr, new RegExp(`being written by process ${process.pid}`));
      const { ["store.lock"]: _lock, ...rest } = snapshotFiles(store);
      assert.deepEqual(rest, before);
    } finally {
      lock.release();
    }
    assert.deepEqual(snapshotFiles(store), before);
  } finally {
    t.cleanup();
  }
});

test("an unreachable --maintainers URL fails analyze, ingest, sync and thread with the store unchanged (settings file absent stays absent)", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-failed-settings-");
  try {
    const mbox = join(t.dir, "netdev.mbox");
    writeSyntheticMbox(mbox, { messages: 40, lists: ["netdev@vger.kernel.org"] });
    const store = join(t.dir, "store");
    const first = await cli("ingest", "--store", store, `netdev=${mbox}`);
    assert.equal(first.status, 0, first.stderr);
    const unreachable = "http://127.0.0.1:1/MAINTAINERS"; // nothing listens on port 1: fails at once
    for (const round of ["no settings file", "a saved window"]) {
      if (round === "a saved window") assert.equal((await cli("analyze", "--store", store, "--since", "2024-07-01")).status, 0);
      const before = snapshotFiles(store);
      assert.equal(existsSync(join(store, "settings.json")), round !== "no settings file");
      const more = join(t.dir, "more.mbox"); // new mail: an ingest would store it
      writeSyntheticMbox(more, { messages: 5, offset: 100, lists: ["netdev@vger.kernel.org"] });
      const runs = [
        ["analyze", "--all-time"], ["analyze", "--since", "2024-08-01"], ["analyze"],
        ["ingest", `netdev=${more}`],
        ["sync", "--list", "x=http://127.0.0.1:1/x/", "--since", "2024-07-01"],
        ["thread", "a@b", "--inbox", "http://127.0.0.1:1/x/"],
      ];
      for (const [cmd, ...args] of runs) {
        const r = await cli(cmd, "--store", store, ...args, "--maintainers", unreachable);
        assert.equal(r.status, 1, `${cmd} ${args.join(" ")}: ${r.stderr}`);
        assert.match(r.stderr, /MAINTAINERS http:\/\/127\.0\.0\.1:1\/MAINTAINERS: .*cannot reach 127\.0\.0\.1:1/);
        assert.deepEqual(snapshotFiles(store), before, `${round}: ${cmd} ${args.join(" ")} --maintainers <unreachable> changed the store`);
      }
    }
  } finally {
    t.cleanup();
  }
});
