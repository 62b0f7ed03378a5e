// public-inbox: an epoch whose last commits touch neither `m` nor `d` (an empty commit, one that
// only changes another file) is still read to its end: the cursor moves past those commits, so a
// re-read (re-tag, rewritten history) clears and later runs read nothing again. Such commits are
// no messages: the summary neither sees nor counts them as duplicates.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openSource } from "../../loaders/sources/index.ts";
import { publicInboxSource } from "../../loaders/sources/public-inbox.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { openStore } from "../../loaders/store/store.ts";
import { drain, ids, msg, tempDir } from "./helpers.ts";
import { buildEpoch, env } from "./git-epoch.ts";

/** Append a commit to `bare` touching neither m nor d: empty, or changing the file `other`. */
function appendBlobless(bare: string, other?: string): string {
  const work = bare + ".work";
  execFileSync("git", ["clone", "-q", bare, work], { env });
  const git = (...a: string[]) => execFileSync("git", a, { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
  if (other) writeFileSync(join(work, other), "not a message\n");
  git("add", "-A");
  git("commit", "-q", "--allow-empty", "-m", "x");
  const sha = git("rev-parse", "HEAD");
  git("push", "-q", "origin", "HEAD:master");
  rmSync(work, { recursive: true, force: true });
  return sha;
}

async function run(storeDir: string, spec: string) {
  const store = await openStore(storeDir);
  try {
    const s = await ingest(store, [openSource(spec)]);
    const cursor = Object.values(store.manifest().sources)[0]?.cursor as Record<string, unknown>;
    return { sum: s.sources[0], cursor };
  } finally {
    await store.close();
  }
}

test("public-inbox: the cursor moves past trailing commits without m or d", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const bare = buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100]]);
  appendBlobless(bare);
  const tip = appendBlobless(bare, "x");
  const r = await drain(publicInboxSource(inbox, { list: "ksummit" }));
  assert.equal(r.error, undefined);
  assert.deepEqual(ids(r.items).slice(0, 2), ["a@example.com", "b@example.com"]);
  assert.equal(r.items.at(-1)?.kind, "advance", "the last commit carries the cursor");
  assert.deepEqual(r.cursor, { epochs: { "0": tip } });
  const again = await drain(publicInboxSource(inbox, { list: "ksummit" }), r.cursor);
  assert.deepEqual(again.items, [], "resuming from the tip reads nothing");
});

test("public-inbox: a re-tag of an epoch ending without m or d clears, later runs read nothing", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const bare = buildEpoch(inbox, 0, [["m", msg("a"), 1720000000], ["m", msg("b"), 1720000100]]);
  appendBlobless(bare, "x");
  const tip = appendBlobless(bare);
  const storeDir = join(d, "store");
  const first = await run(storeDir, `ksummit=${inbox}`);
  assert.deepEqual([first.sum.seen, first.sum.new, first.sum.duplicate, first.sum.error], [2, 2, 0, 0], "blobless commits are not messages");
  assert.deepEqual(first.cursor, { epochs: { "0": tip } });

  const retag = await run(storeDir, `netdev=${inbox}`);
  assert.deepEqual([retag.sum.seen, retag.sum.new, retag.sum.duplicate, retag.sum.error], [2, 0, 2, 0]);
  assert.equal(retag.cursor.rereading, undefined, "the re-read ended with the epoch");

  const later = await run(storeDir, `netdev=${inbox}`);
  assert.deepEqual([later.sum.seen, later.sum.duplicate], [0, 0], "nothing is read again");
});

test("public-inbox: a cursor naming an epoch as being re-read while already at its tip ends the re-read", async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const bare = buildEpoch(inbox, 0, [["m", msg("a"), 1720000000]]);
  const tip = execFileSync("git", ["rev-parse", "HEAD"], { cwd: bare, env }).toString().trim();
  const r = await drain(publicInboxSource(inbox, { list: "ksummit" }), { epochs: { "0": tip }, rereading: ["0"] });
  assert.equal(r.error, undefined);
  assert.deepEqual(r.items.map((i) => i.kind), ["advance"], "no message, only the cursor moves");
  assert.deepEqual(r.cursor, { epochs: { "0": tip } });
});
