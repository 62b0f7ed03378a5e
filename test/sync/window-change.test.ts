// Changing the window between syncs, against a REAL public-inbox server: a wider window fetches
// the older mail in both modes (git re-reads epochs already read under a narrower window and
// mirrors older epochs newly needed; http fetches only the stretches never covered, including a
// gap left between two earlier windows).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { skipReason, startServer, type RunningServer } from "../helpers/public-inbox-server.ts";
import { cxlInbox, runSync, storeContent, tempDir } from "./fixture.ts";

const skip = skipReason();
if (skip) console.log(`# SKIP sync window-change: ${skip}`);
let server: RunningServer | undefined;
const tmp = tempDir("sync-window");

before(async () => {
  if (skip) return;
  server = await startServer([await cxlInbox()]); // epoch 0: Jul-Sep 2024, epoch 1: Oct-Dec
}, { timeout: 600_000 });
after(async () => {
  await server?.stop();
  tmp.cleanup();
});

const until = "2025-01-01";
/** What a fresh http sync of one window stores (the reference each test compares against). */
async function fresh(name: string, since: string, end = until): Promise<string[]> {
  const r = await runSync({ store: join(tmp.dir, name), list: "linux-cxl", inbox: server!.inboxUrl("linux-cxl"), mode: "http", since, until: end });
  assert.ok(r.ok, JSON.stringify(r));
  return storeContent(join(tmp.dir, name));
}

test("git mode: widening the window re-reads the epoch already read and mirrors the older one", { skip }, async () => {
  const inbox = server!.inboxUrl("linux-cxl");
  const g = join(tmp.dir, "git"), arch = join(tmp.dir, "arch");
  const r1 = await runSync({ store: g, archives: arch, list: "linux-cxl", inbox, mode: "git", since: "2024-11-01", until });
  assert.ok(r1.ok, JSON.stringify(r1));
  assert.match(r1.lists[0].units, /1 cloned, 0 fetched, 1 skipped/, "only the newest epoch for Nov-Dec");
  assert.deepEqual(await storeContent(g), await fresh("ref-nov", "2024-11-01"));

  // Oct is in epoch 1 (already read up to its tip), Aug-Sep in epoch 0 (not mirrored yet)
  const r2 = await runSync({ store: g, archives: arch, list: "linux-cxl", inbox, mode: "git", since: "2024-08-01", until });
  assert.ok(r2.ok, JSON.stringify(r2));
  assert.match(r2.lists[0].units, /1 cloned, 1 fetched, 0 skipped/);
  const want = await fresh("ref-aug", "2024-08-01");
  const got = await storeContent(g);
  assert.ok(want.length > got.length / 2 && want.length > 1000, `reference has ${want.length}`);
  assert.deepEqual(got, want);

  // the same wide window again: nothing re-read, nothing new
  const r3 = await runSync({ store: g, archives: arch, list: "linux-cxl", inbox, mode: "git", since: "2024-08-01", until });
  assert.ok(r3.ok);
  assert.equal(r3.lists[0].seen, 0, "cursors recorded under the wide window are reused");
  // a narrower window inside the read one reuses the cursors too
  const r4 = await runSync({ store: g, archives: arch, list: "linux-cxl", inbox, mode: "git", since: "2024-10-01", until });
  assert.equal(r4.lists[0].seen, 0);
});

test("http mode: a gap between two earlier windows is fetched when a later window spans it", { skip }, async () => {
  const inbox = server!.inboxUrl("linux-cxl");
  const h = join(tmp.dir, "http");
  const sync = (since: string, end: string) => runSync({ store: h, list: "linux-cxl", inbox, mode: "http", since, until: end });
  assert.ok((await sync("2024-07-01", "2024-08-01")).ok);
  assert.ok((await sync("2024-12-01", until)).ok); // leaves Aug-Nov uncovered
  const r = await sync("2024-09-01", until);
  assert.ok(r.ok, JSON.stringify(r));
  const jul = await fresh("ref-jul", "2024-07-01", "2024-08-01");
  const sepDec = await fresh("ref-sep", "2024-09-01");
  const want = [...new Set([...jul, ...sepDec])].sort();
  assert.deepEqual(await storeContent(h), want);
  // Dec was not fetched again: only Sep-Nov plus the overlap before Dec's end was new work
  const dec = await fresh("ref-dec", "2024-12-01");
  assert.equal(r.lists[0].new, want.length - jul.length - dec.length);
  assert.ok(r.lists[0].seen < sepDec.length, `seen ${r.lists[0].seen} of ${sepDec.length}: Dec was fetched again`);
});
