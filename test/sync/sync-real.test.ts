// git mode vs http mode against a REAL public-inbox-httpd (Debian public-inbox) on loopback.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { skipReason, startServer, type RunningServer } from "../helpers/public-inbox-server.ts";
import { cxlInbox, ksummitInbox, runSync, storeContent, tempDir } from "./fixture.ts";
import { openStore } from "../../loaders/store/store.ts";

const skip = skipReason();
if (skip) console.log(`# SKIP sync-real: ${skip}`);
let server: RunningServer | undefined;
const tmp = tempDir("sync-real");

before(async () => {
  if (skip) return;
  server = await startServer([await ksummitInbox(), await cxlInbox()]);
}, { timeout: 600_000 });
after(async () => {
  await server?.stop();
  tmp.cleanup();
});

test("ksummit Jul-Aug 2024: git mode and http mode give the same store; a second sync fetches nothing new", { skip }, async () => {
  const inbox = server!.inboxUrl("ksummit");
  const win = { since: "2024-07-01", until: "2024-09-01" };
  const h = join(tmp.dir, "k-http"), g = join(tmp.dir, "k-git");
  const rh = await runSync({ store: h, list: "ksummit", inbox, mode: "http", ...win });
  const rg = await runSync({ store: g, archives: join(tmp.dir, "k-arch"), list: "ksummit", inbox, mode: "git", ...win });
  assert.ok(rh.ok && rg.ok, JSON.stringify([rh, rg]));
  const [ch, cg] = [await storeContent(h), await storeContent(g)];
  assert.ok(ch.length > 150, `expected the summer 2024 traffic, got ${ch.length}`);
  assert.deepEqual(ch, cg);
  assert.equal(rh.lists[0].new, ch.length);
  // git read the whole epoch but kept only the window
  assert.ok(rg.lists[0].outsideWindow > 2000, `outside window: ${rg.lists[0].outsideWindow}`);

  const rh2 = await runSync({ store: h, list: "ksummit", inbox, mode: "http", ...win });
  const rg2 = await runSync({ store: g, archives: join(tmp.dir, "k-arch"), list: "ksummit", inbox, mode: "git", ...win });
  assert.equal(rh2.lists[0].new, 0);
  assert.equal(rg2.lists[0].new, 0);
  assert.ok(rh2.lists[0].requests <= 2, `a refresh re-reads only the overlap, made ${rh2.lists[0].requests} requests`);
  assert.match(rg2.lists[0].units, /0 cloned, 1 fetched/);
  assert.deepEqual(await storeContent(h), ch);
});

test("linux-cxl corpus (two epochs): a late window clones only the newest epoch, and both modes agree", { skip }, async () => {
  const inbox = server!.inboxUrl("linux-cxl");
  const win = { since: "2024-11-01", until: "2025-01-01" };
  const h = join(tmp.dir, "c-http"), g = join(tmp.dir, "c-git"), arch = join(tmp.dir, "c-arch");
  const rh = await runSync({ store: h, list: "linux-cxl", inbox, mode: "http", ...win });
  const rg = await runSync({ store: g, archives: arch, list: "linux-cxl", inbox, mode: "git", ...win });
  assert.ok(rh.ok && rg.ok, JSON.stringify([rh, rg]));
  assert.deepEqual(readdirSync(join(arch, "linux-cxl", "git")), ["1.git"], "epoch 0 (Jul-Sep) is not needed");
  assert.match(rg.lists[0].units, /1 cloned, 0 fetched, 1 skipped/);
  const ch = await storeContent(h);
  assert.ok(ch.length > 500, `got ${ch.length}`);
  assert.deepEqual(await storeContent(g), ch);
  // every stored message is dated inside the window and tagged with the list
  const s = await openStore(h);
  try {
    const [r] = await s.query<{ n: number; bad: number; untagged: number }>(
      "SELECT count(*) n, count(*) FILTER (WHERE date < TIMESTAMP '2024-11-01' OR date >= TIMESTAMP '2025-01-01') bad, " +
      "count(*) FILTER (WHERE NOT list_contains(lists, 'linux-cxl')) untagged FROM messages");
    assert.deepEqual([r.bad, r.untagged], [0, 0]);
  } finally {
    await s.close();
  }
});

test("threadgraph thread <lore URL> fetches one whole thread into the store", { skip }, async () => {
  const ref = join(tmp.dir, "k-http");
  assert.ok(existsSync(ref), "needs the first test's store");
  const rs = await openStore(ref);
  const [m] = await rs.query<{ id: string; n: number }>(
    "SELECT in_reply_to AS id FROM messages WHERE in_reply_to IS NOT NULL AND in_reply_to IN (SELECT message_id FROM messages) ORDER BY date LIMIT 1");
  await rs.close();
  const store = join(tmp.dir, "thread");
  const url = `${server!.inboxUrl("ksummit")}${encodeURIComponent(m.id)}/T/#u`;
  const cli = (...a: string[]) => spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "thread", ...a], { encoding: "utf8" });
  const r1 = cli(url, "--store", store);
  assert.equal(r1.status, 0, r1.stderr);
  const seen = Number(/(\d+) messages, (\d+) new/.exec(r1.stdout)?.[1]);
  assert.ok(seen >= 2, r1.stdout);
  assert.match(r1.stdout, /analyzed \d+ messages: \d+ threads/, "threads and graph are refreshed after the fetch");
  const s = await openStore(store);
  try {
    const [r] = await s.query<{ n: number; has: boolean }>(`SELECT count(*) n, bool_or(message_id = '${m.id.replace(/'/g, "''")}') has FROM messages`);
    assert.equal(r.n, seen);
    assert.ok(r.has, "the linked message is in the store");
  } finally {
    await s.close();
  }
  const r2 = cli(url, "--store", store);
  assert.match(r2.stdout, /, 0 new, /);
  const bad = cli(`${server!.inboxUrl("ksummit")}no-such-id@example.invalid/`, "--store", store);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /no-such-id%40example\.invalid\/t\.mbox\.gz: no such message/);
});
