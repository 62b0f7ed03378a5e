// Fault injection: a loopback proxy in front of the REAL public-inbox-httpd.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { skipReason, startServer, type RunningServer } from "../helpers/public-inbox-server.ts";
import { ksummitInbox, runSync, storeContent, tempDir } from "./fixture.ts";
import { startFaultProxy, type Fault, type ProxyRequest } from "./fault-proxy.ts";
import type { SyncOptions } from "../../loaders/sync/index.ts";
import type { RetryInfo } from "../../loaders/sources/lore/http-client.ts";

const skip = skipReason();
if (skip) console.log(`# SKIP sync faults: ${skip}`);
let server: RunningServer | undefined;
let reference: string[] = [];
const tmp = tempDir("sync-faults");
const WIN = { since: "2024-07-01", until: "2024-09-01" };
let n = 0;

before(async () => {
  if (skip) return;
  server = await startServer([await ksummitInbox()]);
  const store = join(tmp.dir, "reference");
  const r = await runSync({ store, list: "ksummit", inbox: server.inboxUrl("ksummit"), mode: "http", ...WIN });
  assert.ok(r.ok);
  reference = await storeContent(store);
}, { timeout: 600_000 });
after(async () => {
  await server?.stop();
  tmp.cleanup();
});

const isSearch = (r: ProxyRequest) => r.method === "POST" && r.url.includes("x=m");

/** Sync ksummit through a fault proxy into a fresh store (or `store`). */
async function viaProxy(pick: (r: ProxyRequest, searchNo: number) => Fault | undefined, extra: Partial<SyncOptions> = {}, store?: string) {
  let searches = 0;
  const proxy = await startFaultProxy(server!.base, (r) => (isSearch(r) ? pick(r, searches++) : undefined));
  const dir = store ?? join(tmp.dir, `s${n++}`);
  const retries: RetryInfo[] = [];
  try {
    const res = await runSync({
      store: dir, list: "ksummit", inbox: `${proxy.base}/ksummit/`, mode: "http", ...WIN,
      extra: { ...extra, http: { backoffMs: 20, maxBackoffMs: 3000, onRetry: (x) => retries.push(x), ...extra.http } },
    });
    return { res, dir, proxy, retries, content: await storeContent(dir) };
  } finally {
    await proxy.close();
  }
}

test("503 then recovery: retried with backoff honouring Retry-After, same store as a clean sync", { skip }, async () => {
  const { res, content, retries, proxy } = await viaProxy((_r, i) => (i < 2 ? { kind: "status", status: 503, retryAfter: "1" } : undefined));
  assert.ok(res.ok, JSON.stringify(res.lists));
  assert.deepEqual(content, reference);
  assert.equal(retries.length, 2);
  for (const r of retries) {
    assert.match(r.reason, /HTTP 503/);
    assert.ok(r.waitMs >= 1000, `Retry-After: 1 honoured, waited ${r.waitMs} ms`);
  }
  assert.ok(proxy.log.every((l) => /^threadgraph\/\d+\.\d+\.\d+ \(\+https?:\/\/\S+\)$/.test(l.userAgent ?? "")), "User-Agent on every request");
});

test("a stalled response hits the read timeout and is retried", { skip }, async () => {
  // The stall far above the read timeout (the proxy drops it when it closes), the timeout well above
  // a plain answer: public-inbox-httpd answered searches in over 3 s, even over 10 s, under load (a
  // second retry, "2 !== 1"). Any response as slow as that is retried too, and only such a one.
  const readTimeoutMs = 10_000;
  const { res, content, retries, proxy } = await viaProxy((_r, i) => (i === 0 ? { kind: "stall", ms: 120_000 } : undefined),
    { http: { readTimeoutMs } });
  assert.ok(res.ok, JSON.stringify(res.lists));
  assert.deepEqual(content, reference);
  const asked = (url: string) => proxy.log.filter((l) => url.endsWith(l.url));
  const stalled = proxy.log.find((l) => l.fault === "stall")!;
  const ofStalled = retries.filter((r) => r.url.endsWith(stalled.url));
  assert.equal(ofStalled.length, 1, JSON.stringify(retries));
  assert.match(ofStalled[0].reason, /read timeout/);
  for (const r of retries.filter((x) => x !== ofStalled[0])) {
    assert.match(r.reason, /read timeout/, JSON.stringify(r));
    const slow = asked(r.url).some((l) => l.fault === undefined && (l.answeredMs === undefined || l.answeredMs > 0.9 * readTimeoutMs));
    assert.ok(slow, `retried though the server answered in time: ${JSON.stringify([r, asked(r.url)])}`);
  }
});

test("a server that keeps stalling: a clear error naming the URL after the retries", { skip }, async () => {
  const { res } = await viaProxy(() => ({ kind: "stall", ms: 10_000 }), { http: { readTimeoutMs: 300, retries: 1 } });
  assert.equal(res.ok, false);
  assert.match(res.lists[0].failure!, /http:\/\/127\.0\.0\.1:\d+\/ksummit\/\?q=d%3A\d+\.\.\d+&x=m: read timeout/);
});

test("an HTML page with status 200 is never parsed as mail: clear error naming the URL, suggesting git mode", { skip }, async () => {
  const { res, content } = await viaProxy(() => ({ kind: "html" }));
  assert.equal(res.ok, false);
  assert.match(res.lists[0].failure!, /\/ksummit\/\?q=d%3A2024070\d\.\.\d+&x=m: expected an mbox\.gz but got a proof-of-work\/bot challenge page/);
  assert.match(res.lists[0].failure!, /use git mode/);
  assert.deepEqual(content, []);
  assert.equal(res.lists[0].errors, 0, "no error rows: nothing of the page reached the parser");
});

test("an HTML page mid-sync keeps the slices before it; the re-run completes the same store", { skip }, async () => {
  const store = join(tmp.dir, "html-mid");
  const first = await viaProxy((_r, i) => (i >= 2 ? { kind: "html" } : undefined), {}, store);
  assert.equal(first.res.ok, false);
  assert.ok(first.content.length > 0 && first.content.length < reference.length, `kept ${first.content.length}`);
  const again = await viaProxy(() => undefined, {}, store);
  assert.ok(again.res.ok);
  assert.deepEqual(again.content, reference);
  assert.ok(again.proxy.log.filter(isSearch).length < first.proxy.log.filter(isSearch).length + 3, "resumed, not restarted");
});

test("a gzip cut short is retried; cut every time, it is a clear error and nothing partial is stored", { skip }, async () => {
  const once = await viaProxy((_r, i) => (i === 0 ? { kind: "cut" } : undefined));
  assert.ok(once.res.ok, JSON.stringify(once.res.lists));
  assert.deepEqual(once.content, reference);

  const always = await viaProxy(() => ({ kind: "cut" }));
  assert.equal(always.res.ok, false);
  assert.match(always.res.lists[0].failure!, /\/ksummit\/\?q=d%3A\d+\.\.\d+&x=m: mbox\.gz ends early/);
  assert.deepEqual(always.content, []);
});

test("a capped server (results cut at N, like a deployment limit): slices are split until nothing is truncated", { skip }, async () => {
  const cap = 40;
  const { res, content, proxy } = await viaProxy(() => ({ kind: "cap", max: cap }), { maxPerSlice: cap });
  assert.ok(res.ok, JSON.stringify(res.lists));
  assert.match(res.lists[0].units, /\(\d+ split\)/);
  assert.deepEqual(content, reference);
  assert.ok(proxy.log.filter(isSearch).length > reference.length / cap);
  // without the cap known, the same server silently loses mail: the check is what saves it
  const blind = await viaProxy(() => ({ kind: "cap", max: cap }));
  assert.ok(blind.content.length < reference.length);
});

test("politeness: never more than 2 requests in flight to the host, and they do overlap", { skip }, async () => {
  const { res, proxy } = await viaProxy(() => ({ kind: "stall", ms: 150 }), { initialSliceDays: 2 });
  assert.ok(res.ok);
  assert.equal(proxy.maxInFlight, 2);
});

test("git mode without manifest.js.gz: epochs are found by probing <inbox>/N", { skip }, async () => {
  const proxy = await startFaultProxy(server!.base, (r) => (r.url.endsWith("/manifest.js.gz") ? { kind: "status", status: 404 } : undefined));
  try {
    const store = join(tmp.dir, "probe");
    const res = await runSync({ store, archives: join(tmp.dir, "probe-arch"), list: "ksummit", inbox: `${proxy.base}/ksummit/`, mode: "git", ...WIN });
    assert.ok(res.ok, JSON.stringify(res.lists));
    assert.match(res.lists[0].units, /1 cloned/);
    assert.ok(proxy.log.some((l) => /\/ksummit\/1\/info\/refs/.test(l.url)), "probed past the last epoch");
    assert.deepEqual(await storeContent(store), reference);
  } finally {
    await proxy.close();
  }
});
