// A store path that is a file (a typo, an mbox given as --store) is a clear error and the file is
// left as it was, for writers and readers alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { ONE_MESSAGE_MBOX, tempDir } from "./helpers.ts";

test("--store naming a file: ingest and stats say so and change nothing", { timeout: 30_000 }, async (t) => {
  const tmp = tempDir("tg-store-file-");
  t.after(tmp.cleanup);
  const file = join(tmp.dir, "not-a-store");
  writeFileSync(file, "precious\n");
  const box = join(tmp.dir, "x.mbox");
  writeFileSync(box, ONE_MESSAGE_MBOX);
  const r = await cli(["ingest", "--store", file, "--no-analyze", `netdev=${box}`]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /not-a-store: is a file, not a store directory; nothing was changed/);
  assert.equal(readFileSync(file, "utf8"), "precious\n");
  const s = await cli(["stats", "--store", file]);
  assert.notEqual(s.status, 0);
  assert.equal(readFileSync(file, "utf8"), "precious\n");
});

test("a store lock that is a directory: writers stop with a clear message, the store is unchanged, readers still read", { timeout: 30_000 }, async (t) => {
  const tmp = tempDir("tg-lock-dir-");
  t.after(tmp.cleanup);
  const store = join(tmp.dir, "store");
  const box = join(tmp.dir, "x.mbox");
  const mail = (id: string) => `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: A <a@example.org>\nSubject: s\nDate: Mon, 1 Jul 2024 12:00:00 +0000\nMessage-ID: <${id}@example.org>\n\nbody\n\n`;
  writeFileSync(box, mail("one"));
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`])).status, 0);
  mkdirSync(join(store, "store.lock"));
  writeFileSync(box, mail("one") + mail("two"));
  const before = readFileSync(join(store, "manifest.json"), "utf8");
  const r = await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`]);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /store\.lock: the store lock is a directory, which threadgraph never makes; nothing was changed\. .*remove it/);
  assert.equal(readFileSync(join(store, "manifest.json"), "utf8"), before);
  const q = await cli(["query", "--store", store, "select count(*)::INT AS n from messages"]);
  assert.equal(q.status, 0, q.stderr);
  assert.match(q.stdout, /"n":1/);
});
