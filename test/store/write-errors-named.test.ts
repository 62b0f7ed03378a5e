// A write that fails says why and what to do, whatever the shape of Node's error: an error from
// open() already names its path ("EROFS: read-only file system, open '/s/store.lock.x.tmp'"), and
// that one used to come back raw, without the hint a write() error got (a read-only store's
// `ingest` and `analyze` printed only the EROFS/EACCES text; a full disk at open() the same).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { namedError } from "../../loaders/store/write-file.ts";
import { chmodTree, tempDir } from "./helpers.ts";
import { snapshotFiles } from "./snapshot.ts";

const errno = (code: string, text: string, path?: string) =>
  Object.assign(new Error(path ? `${code}: ${text}, open '${path}'` : `${code}: ${text}, write`), { code, ...(path ? { path } : {}) });

test("namedError: the hint for a full disk or a read-only store comes whether or not Node's message names the file", () => {
  const f = "/s/store.lock.ab12.tmp";
  for (const path of [undefined, f]) {
    for (const [code, text, hint] of [["ENOSPC", "no space left on device", /the disk is full/], ["EDQUOT", "disk quota exceeded", /the disk is full/],
      ["EROFS", "read-only file system", /read-only/], ["EACCES", "permission denied", /read-only/], ["EPERM", "operation not permitted", /read-only/]] as const) {
      const e = namedError(f, errno(code, text, path));
      assert.match(e.message, hint, `${code}, path in message: ${!!path}`);
      assert.equal(e.message.split(f).length - 1, 1, `the file named once: ${e.message}`);
      assert.equal((e as NodeJS.ErrnoException).code, code);
    }
  }
  // other errors pass through with the file named, no hint
  const other = namedError(f, errno("EIO", "i/o error", f));
  assert.doesNotMatch(other.message, /disk is full|read-only/);
  assert.match(other.message, /EIO/);
});

test("namedError for a file outside the store (the site's output): advice about that directory, never the store's", () => {
  const f = "/ro/site/threads.json";
  for (const path of [undefined, f]) {
    const denied = namedError(f, errno("EACCES", "permission denied", path), undefined, "output");
    assert.match(denied.message, /not writable for this user/);
    assert.doesNotMatch(denied.message, /store|--store/);
    const full = namedError(f, errno("ENOSPC", "no space left on device", path), undefined, "output");
    assert.match(full.message, /the disk is full/);
    assert.doesNotMatch(full.message, /store/);
  }
});

test("ingest and analyze on a read-only store: exit 1 saying the store is read-only, no file changed", { timeout: 180_000 }, (t) => {
  if (process.getuid?.() !== 0 && process.getuid?.() === undefined) return t.skip("needs a POSIX uid");
  const tmp = tempDir("tg-ro-writers-");
  chmodSync(tmp.dir, 0o755);
  try {
    const box = join(tmp.dir, "x.mbox"), store = join(tmp.dir, "store");
    writeFileSync(box, "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: A <a@x.org>\nTo: netdev@vger.kernel.org\nSubject: x\n" +
      "Date: Mon, 1 Jul 2024 10:00:00 +0000\nMessage-ID: <ro1@x>\n\nbody\n\n");
    chmodSync(box, 0o644);
    const cli = (args: string[], asNobody: boolean) => spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], {
      encoding: "utf8", env: { ...process.env, HOME: "/tmp", TMPDIR: "/tmp" },
      // as root, permission bits do not stop writes: the writer runs as nobody on a chmod a-w store
      ...(asNobody && process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}),
    });
    assert.equal(cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`], false).status, 0);
    chmodTree(store, (dir) => (dir ? 0o555 : 0o444));
    const before = snapshotFiles(store);
    for (const args of [["ingest", "--store", store, `netdev=${box}`], ["analyze", "--store", store]]) {
      const r = cli(args, true);
      assert.equal(r.status, 1, `${args[0]}: ${r.stderr}`);
      assert.match(r.stderr, /(EACCES|EROFS).*store\.lock.*the store is read-only for this user/, `${args[0]}: ${r.stderr}`);
    }
    assert.deepEqual(snapshotFiles(store), before, "no file changed, none created");
  } finally {
    chmodTree(tmp.dir, (dir) => (dir ? 0o755 : 0o644));
    tmp.cleanup();
  }
});
