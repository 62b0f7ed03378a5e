// git mode end to end: `threadgraph sync --mode git` with sync.maxEpochBytes in the config stops an
// epoch that brings more, names the epoch and the cap, exits 1, and leaves no mirror and no store.
// The server is a static file server over a synthetic epoch (git's dumb HTTP protocol).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../sources/helpers.ts";
import { env } from "../sources/git-epoch.ts";

test("sync --mode git: an epoch over sync.maxEpochBytes fails naming the epoch and the cap; nothing is left", { timeout: 90_000 }, async (t) => {
  const d = tempDir(t);
  const inbox = join(d, "inbox");
  const bare = join(inbox, "0");
  execFileSync("git", ["init", "-q", "--bare", "-b", "master", bare], { env });
  const work = join(d, "work");
  execFileSync("git", ["clone", "-q", bare, work], { env, stdio: "ignore" });
  for (let i = 0; i < 48; i++) writeFileSync(join(work, `f${i}`), randomBytes(64 * 1024));
  execFileSync("git", ["add", "-A"], { cwd: work, env });
  execFileSync("git", ["commit", "-q", "-m", "big"], { cwd: work, env });
  execFileSync("git", ["push", "-q", "origin", "HEAD:master"], { cwd: work, env, stdio: "ignore" });
  execFileSync("git", ["--git-dir", bare, "update-server-info"]);
  const srv = createServer((req, res) => {
    const file = join(inbox, decodeURIComponent((req.url ?? "/").split("?")[0]));
    if (!file.startsWith(inbox) || !existsSync(file) || !statSync(file).isFile()) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { "content-type": "text/plain" });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  t.after(() => srv.close());
  const config = join(d, "tg.config.ts");
  writeFileSync(config, `export default { sync: { maxEpochBytes: 1048576, retries: 0 } };\n`);
  const url = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/`;
  const store = join(d, "store"), archives = join(d, "archives");
  // asynchronous: the server runs in this process
  const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", join(process.cwd(), "loaders/cli.ts"), "sync", "--mode", "git", "--store", store,
      "--archives", archives, "--list", `netdev=${url}`, "--since", "2000-01-01"], { env: { ...process.env, THREADGRAPH_CONFIG: config, THREADGRAPH_STORE: "" } });
    let out = "";
    p.stdout.on("data", (c) => (out += c));
    p.stderr.on("data", (c) => (out += c));
    p.on("close", (code) => resolve({ code, out }));
  });
  assert.equal(r.code, 1, r.out);
  assert.match(r.out, /epoch 0: git clone brought more than the 1\.0 MiB cap per epoch/);
  assert.ok(!existsSync(join(archives, "netdev", "git", "0.git")) && !existsSync(join(archives, "netdev", "git", "0.git.partial")), "no mirror left");
  assert.ok(!existsSync(store), "no store created by the failed sync");
});
