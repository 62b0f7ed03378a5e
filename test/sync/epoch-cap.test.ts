// git mode's byte cap per epoch transfer: a clone or fetch that brings more than the cap is
// stopped with an error naming the epoch and the cap; a clone leaves nothing, a fetch leaves the
// mirror as it was (refs and packs), and a transfer under the cap is untouched. The remote is a
// file:// epoch built in the test (incompressible blobs, so its pack is as big as its content).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { mirrorEpoch } from "../../loaders/sync/git-mode.ts";
import { EpochCapError } from "../../loaders/sync/epoch-cap.ts";
import { tempDir } from "../sources/helpers.ts";
import { env } from "../sources/git-epoch.ts";

const MiB = 1 << 20;
const CAP = 256 * 1024;

/** Commit `files` blobs of `size` random bytes each to the bare epoch at `bare` (created if needed). */
function addRandom(bare: string, files: number, size: number, tag: string): void {
  const work = `${bare}.work`;
  if (!existsSync(bare)) execFileSync("git", ["init", "-q", "--bare", "-b", "master", bare], { env });
  execFileSync("git", ["clone", "-q", bare, work], { env, stdio: "ignore" });
  mkdirSync(join(work, tag), { recursive: true });
  for (let i = 0; i < files; i++) writeFileSync(join(work, tag, String(i)), randomBytes(size));
  execFileSync("git", ["add", "-A"], { cwd: work, env });
  execFileSync("git", ["commit", "-q", "-m", tag], { cwd: work, env });
  execFileSync("git", ["push", "-q", "origin", "HEAD:master"], { cwd: work, env, stdio: "ignore" });
  execFileSync("rm", ["-rf", work]);
}

const head = (gitDir: string) => execFileSync("git", ["--git-dir", gitDir, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
const packs = (gitDir: string) => readdirSync(join(gitDir, "objects", "pack")).sort();

test("a clone over the cap stops with an error naming the epoch and the cap, and leaves no mirror", { timeout: 60_000 }, async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  addRandom(join(inbox, "0"), 12, 64 * 1024, "big"); // 768 KiB of incompressible blobs
  const dest = join(d, "mirror", "0.git");
  const err = await mirrorEpoch(`file://${inbox}/`, 0, dest, undefined, undefined, CAP).then(() => null, (e: Error) => e);
  assert.ok(err instanceof EpochCapError, String(err));
  assert.match(err.message, /epoch 0: git clone brought more than the 256\.0 KiB cap per epoch/);
  assert.match(err.message, /sync\.maxEpochBytes/);
  assert.ok(!existsSync(dest) && !existsSync(`${dest}.partial`), "nothing of the clone is left");
  // under the cap the same epoch mirrors as before
  assert.equal(await mirrorEpoch(`file://${inbox}/`, 0, dest, undefined, undefined, 64 * MiB), "clone");
  assert.equal(head(dest), head(join(inbox, "0")));
});

test("a fetch over the cap is rolled back: the mirror keeps its refs and packs, and a later fetch under a larger cap works", { timeout: 60_000 }, async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const remote = join(inbox, "0");
  addRandom(remote, 4, 1024, "small");
  const dest = join(d, "mirror", "0.git");
  assert.equal(await mirrorEpoch(`file://${inbox}/`, 0, dest, undefined, undefined, CAP), "clone");
  const before = { head: head(dest), packs: packs(dest) };
  addRandom(remote, 12, 64 * 1024, "big");
  const err = await mirrorEpoch(`file://${inbox}/`, 0, dest, undefined, undefined, CAP).then(() => null, (e: Error) => e);
  assert.ok(err instanceof EpochCapError, String(err));
  assert.match(err.message, /epoch 0: git fetch brought more than the 256\.0 KiB cap/);
  assert.equal(head(dest), before.head, "refs as before");
  assert.deepEqual(packs(dest), before.packs, "no new pack or temp pack left");
  execFileSync("git", ["--git-dir", dest, "fsck", "--no-progress"], { stdio: "ignore" }); // still a sound repository
  assert.equal(await mirrorEpoch(`file://${inbox}/`, 0, dest, undefined, undefined, 64 * MiB), "fetch");
  assert.equal(head(dest), head(remote));
});

test("a clone that fails (no such epoch) leaves neither its partial mirror nor the folders made for it", { timeout: 30_000 }, async (t) => {
  const d = tempDir(t);
  const archives = join(d, "archives");
  const dest = join(archives, "netdev", "git", "0.git");
  await assert.rejects(mirrorEpoch(`file://${join(d, "nowhere")}/`, 0, dest), /git clone failed/);
  assert.ok(!existsSync(archives), `left behind: ${existsSync(archives) ? readdirSync(archives, { recursive: true }).join(", ") : ""}`);
  // a folder that held something before stays
  mkdirSync(join(archives, "netdev", "git", "1.git"), { recursive: true });
  await assert.rejects(mirrorEpoch(`file://${join(d, "nowhere")}/`, 0, dest), /git clone failed/);
  assert.deepEqual(readdirSync(join(archives, "netdev", "git")), ["1.git"]);
});

test("git's dumb HTTP protocol (loose objects, no pack) is capped the same way", { timeout: 60_000 }, async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  addRandom(join(inbox, "0"), 12, 64 * 1024, "big"); // pushed loose: under receive.unpackLimit
  execFileSync("git", ["--git-dir", join(inbox, "0"), "update-server-info"]);
  // a plain static file server: git finds no smart protocol and fetches object by object
  const srv = createServer((req, res) => {
    const file = join(inbox, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(inbox) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": "application/octet-stream" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  try {
    const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
    const dest = join(d, "mirror", "0.git");
    const err = await mirrorEpoch(url, 0, dest, undefined, undefined, CAP).then(() => null, (e: Error) => e);
    assert.ok(err instanceof EpochCapError, String(err));
    assert.ok(!existsSync(dest) && !existsSync(`${dest}.partial`));
    assert.equal(await mirrorEpoch(url, 0, dest, undefined, undefined, 64 * MiB), "clone", "under the cap it mirrors");
    assert.equal(head(dest), head(join(inbox, "0")));
  } finally {
    srv.close();
  }
});
