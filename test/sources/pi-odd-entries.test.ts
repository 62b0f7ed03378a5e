// A public-inbox epoch whose commit adds `m` as a symlink, a directory (a tree holding m/x) or a
// submodule is no message: each such commit is an errors row naming the commit and what `m` is,
// never a silent skip or a message parsed from a link target; the good mail around it is stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { publicInboxSource } from "../../loaders/sources/public-inbox.ts";
import { env } from "./git-epoch.ts";
import { drain, ids, msg, tempDir } from "./helpers.ts";

test("public-inbox: m as a symlink, a directory or a submodule is an errors row; the other mail is read", (t) => {
  const d = tempDir(t);
  const work = join(d, "work");
  mkdirSync(work);
  const git = (...a: string[]) => execFileSync("git", a, { cwd: work, env, stdio: ["ignore", "pipe", "pipe"] }).toString().trim();
  const commit = () => { git("add", "-A"); git("commit", "-q", "--allow-empty", "-m", "x"); return git("rev-parse", "HEAD"); };
  const clear = () => rmSync(join(work, "m"), { recursive: true, force: true });
  git("init", "-q", "-b", "master");
  writeFileSync(join(work, "m"), msg("one"));
  commit();
  clear();
  mkdirSync(join(work, "m"));
  writeFileSync(join(work, "m", "x"), msg("inner"));
  const tree = commit();
  clear();
  symlinkSync("/etc/passwd", join(work, "m"));
  const link = commit();
  clear();
  // a submodule entry (mode 160000) through the index
  git("update-index", "--add", "--cacheinfo", `160000,${tree},m`);
  git("commit", "-q", "-m", "x");
  const sub = git("rev-parse", "HEAD");
  git("rm", "-q", "--cached", "m");
  writeFileSync(join(work, "m"), msg("two"));
  commit();
  const bare = join(d, "inbox", "git", "0.git");
  execFileSync("git", ["clone", "-q", "--bare", work, bare], { env });
  return drain(publicInboxSource(join(d, "inbox"), { list: "ksummit" })).then((r) => {
    assert.equal(r.error, undefined);
    assert.deepEqual(ids(r.items), [
      "one@example.com",
      `error:commit ${tree}: m is a directory (it holds m/x), not a message blob`,
      `error:commit ${link}: m is a symlink, not a message blob`,
      `error:commit ${sub}: m is a submodule, not a message blob`,
      "two@example.com",
    ]);
  });
});
