// Incremental and resumable sync against a REAL public-inbox server: mail appended (and
// re-indexed) on the server arrives on the next sync in both modes; a sync killed midway
// completes on re-run to the same store as an uninterrupted one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { appendMessages, copyInbox, skipReason, startServer, type BuiltInbox, type RunningServer } from "../helpers/public-inbox-server.ts";
import { cxlInbox, ksummitInbox, runSync, storeContent, tempDir } from "./fixture.ts";
import { startFaultProxy } from "./fault-proxy.ts";

const skip = skipReason();
if (skip) console.log(`# SKIP sync incremental: ${skip}`);
let server: RunningServer | undefined;
let ks: BuiltInbox | undefined;
const tmp = tempDir("sync-incr");

before(async () => {
  if (skip) return;
  ks = copyInbox(await ksummitInbox(), tmp.dir); // appended to below
  server = await startServer([ks, await cxlInbox()]);
}, { timeout: 600_000 });
after(async () => {
  await server?.stop();
  tmp.cleanup();
});

/** Synthetic list mail (never real content), dated now so it lands in an open window. */
function synthetic(i: number, replyTo?: string): Buffer {
  const id = `tg-sync-${i}-${process.pid}@example.invalid`;
  return Buffer.from([
    `From: Test Person ${i} <person${i}@example.invalid>`, "To: ksummit@lists.linux.dev",
    `Subject: ${replyTo ? "Re: " : ""}synthetic sync test ${i}`, `Date: ${new Date(Date.now() - 60_000).toUTCString()}`,
    `Message-ID: <${id}>`, ...(replyTo ? [`In-Reply-To: <${replyTo}>`] : []), "", `body ${i}`, "",
  ].join("\n"));
}

test("mail appended to the server (then re-indexed) arrives on the next sync, in both modes", { skip }, async () => {
  const inbox = server!.inboxUrl("ksummit");
  const since = "2024-08-15"; // open window: up to now
  const h = join(tmp.dir, "h"), g = join(tmp.dir, "g"), arch = join(tmp.dir, "arch");
  // The two modes sync into their own stores at the same time (each waits on the server half the time).
  const first = await Promise.all([runSync({ store: h, list: "ksummit", inbox, mode: "http", since }),
    runSync({ store: g, archives: arch, list: "ksummit", inbox, mode: "git", since })]);
  assert.ok(first.every((r) => r.ok));
  const before0 = await storeContent(h);
  assert.deepEqual(await storeContent(g), before0);

  const add = [synthetic(1), synthetic(2), synthetic(3, `tg-sync-1-${process.pid}@example.invalid`)];
  await appendMessages(ks!, add);
  // what a lore operator's reload does: the running httpd reopens the index
  await server!.reload(async () => {
    const r = await fetch(`${inbox}?q=${encodeURIComponent(`m:tg-sync-3-${process.pid}@example.invalid`)}&x=m`, { method: "POST" });
    await r.arrayBuffer();
    return r.status === 200;
  });

  const [rh, rg] = await Promise.all([runSync({ store: h, list: "ksummit", inbox, mode: "http", since }),
    runSync({ store: g, archives: arch, list: "ksummit", inbox, mode: "git", since })]);
  assert.ok(rh.ok && rg.ok, JSON.stringify([rh, rg]));
  assert.equal(rh.lists[0].new, 3);
  assert.equal(rg.lists[0].new, 3);
  assert.match(rg.lists[0].units, /0 cloned, 1 fetched/);
  const after0 = await storeContent(h);
  assert.equal(after0.length, before0.length + 3);
  assert.deepEqual(await storeContent(g), after0);
  assert.ok(after0.some((k) => k.startsWith(`tg-sync-3-${process.pid}@example.invalid `)));
});

test("a sync killed midway completes correctly on re-run", { skip }, async () => {
  const win = ["--since", "2024-07-01", "--until", "2025-01-01"];
  // Reference: one uninterrupted sync, beside the killed one (which mostly waits on its stalls).
  const ref = join(tmp.dir, "ref");
  const reference = runSync({ store: ref, list: "linux-cxl", inbox: server!.inboxUrl("linux-cxl"), mode: "http", since: "2024-07-01", until: "2025-01-01" });

  // Slow each response a little so the kill lands between committed batches (the re-run need not wait).
  let stall = true;
  const proxy = await startFaultProxy(server!.base, (q) => (stall && q.method === "POST" ? { kind: "stall", ms: 250 } : undefined));
  const store = join(tmp.dir, "killed");
  const cli = (base: string) => spawn(process.execPath, ["--import", "tsx", "loaders/cli.ts", "sync", "--store", store,
    "--list", `linux-cxl=${base}/linux-cxl/`, "--mode", "http", ...win, "--slice-days", "4", "--batch-size", "100"], { stdio: "pipe" });
  try {
    const child = cli(proxy.base);
    const exited = new Promise<number | null>((res) => child.on("exit", (code) => res(code)));
    const generation = () => existsSync(join(store, "manifest.json")) ? JSON.parse(readFileSync(join(store, "manifest.json"), "utf8")).generation : 0;
    while (generation() < 3) {
      if (child.exitCode !== null) assert.fail("sync finished before it could be killed");
      await new Promise((res) => setTimeout(res, 50));
    }
    child.kill("SIGKILL");
    await exited;
    stall = false;
    const r = await reference;
    assert.ok(r.ok);
    const want = await storeContent(ref);
    const partial = await storeContent(store);
    assert.ok(partial.length > 0 && partial.length < want.length, `killed with ${partial.length} of ${want.length} stored`);
    const searchesBefore = proxy.log.length;

    const again = cli(proxy.base);
    let out = "";
    again.stdout.on("data", (c) => { out += c; });
    const code = await new Promise<number | null>((res) => again.on("exit", (c) => res(c)));
    assert.equal(code, 0, out);
    assert.deepEqual(await storeContent(store), want);
    // it resumed: the re-run skipped the slices already committed
    const rerunRequests = proxy.log.length - searchesBefore;
    assert.ok(rerunRequests < r.lists[0].requests + 40 && /linux-cxl\s+http/.test(out), out);
    const newOnRerun = Number(/linux-cxl\s+http\s+.*?\s(\d+)\s+(\d+)\s+\d+\s+\d+\s+[\d.]+s/.exec(out)?.[2]);
    assert.equal(newOnRerun, want.length - partial.length, out);
  } finally {
    await proxy.close();
  }
});
