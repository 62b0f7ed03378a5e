// Shard files are appended as their members are made when the sink is a directory (ShardSet with a
// SiteDirSink), so a full-scale analysis does not keep ~200 MB of details until the end: the same
// bytes as the shards set whole into a Map (first value of a key wins, empty shards, multi-byte
// text), members on disk before the end, and a write error that names the file.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, statSync, symlinkSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { ShardSet } from "../../loaders/analysis/shards.ts";
import { SiteDirSink } from "../../loaders/analysis/site-sink.ts";
import { SHARDS } from "../../loaders/model/shard.ts";
import { tempDir } from "../store/helpers.ts";

const file = (xx: string) => `t/s-${xx}.json`;

function fill(set: ShardSet, n: number): void {
  for (let i = 0; i < n; i++) {
    const key = i % 7 === 3 ? `dup-${i % 5}` : `k${i}-\u00e9\u4e2d${"\ud83d\ude00".repeat(i % 3)}`;
    set.add(key, JSON.stringify({ i, text: "x\u0301".repeat(i % 40), lone: i % 11 === 0 ? "\ud800" : "" }));
  }
}

test("a ShardSet appending into a directory writes the shards a Map gets whole, byte for byte", () => {
  const t = tempDir("tg-shard-append-");
  try {
    const whole = new Map<string, string>();
    const inMap = new ShardSet(file);
    fill(inMap, 3000);
    inMap.writeTo(whole);
    assert.equal(whole.size, SHARDS);
    const sink = new SiteDirSink(join(t.dir, "site"));
    const appended = new ShardSet(file, sink, 200);
    fill(appended, 3000);
    assert.ok(existsSync(join(sink.dir, file("00"))) && statSync(join(sink.dir, file("00"))).size > 0, "members reach the disk before the end");
    appended.writeTo(sink);
    for (const [name, text] of whole) assert.equal(readFileSync(join(sink.dir, name), "utf8"), text, name);
    assert.equal(sink.size, SHARDS, "every shard counts as written");
    // A few members: most shards get nothing, and are "{}" as in the Map.
    const few = new Map<string, string>(), s2 = new SiteDirSink(join(t.dir, "few"));
    const a = new ShardSet(file), b = new ShardSet(file, s2, 10);
    for (const x of [a, b]) fill(x, 5);
    a.writeTo(few); b.writeTo(s2);
    for (const [name, text] of few) assert.equal(readFileSync(join(s2.dir, name), "utf8"), text, name);
  } finally {
    t.cleanup();
  }
});

test("a shard that cannot be appended (a full disk) fails with its path named", { skip: !existsSync("/dev/full") && "no /dev/full here" }, () => {
  const t = tempDir("tg-shard-full-");
  try {
    const sink = new SiteDirSink(join(t.dir, "site"));
    mkdirSync(join(sink.dir, "t"), { recursive: true });
    for (let i = 0; i < SHARDS; i++) symlinkSync("/dev/full", join(sink.dir, file(i.toString(16).padStart(2, "0"))));
    const set = new ShardSet(file, sink, 10);
    assert.throws(() => { fill(set, 500); set.writeTo(sink); }, (e: Error & { code?: string }) => e.code === "ENOSPC" && e.message.includes(join(sink.dir, "t", "s-")));
    set.abort();
  } finally {
    t.cleanup();
  }
});
