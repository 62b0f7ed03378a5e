// http mode against a REAL public-inbox-httpd serving a synthetic inbox (no ../shared needed):
// a slice is covered only when its response was a valid mbox. HTML or nothing inside a gzip 200
// fails the slice (the run fails naming it, a re-run fetches it again), while public-inbox's own
// "no results" answer for a quiet week is a legitimately empty slice. A slice over the byte limit
// is split instead of failing the window.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { buildInbox, skipReason, startServer, type RunningServer } from "../helpers/public-inbox-server.ts";
import { runSync, storeContent, tempDir } from "./fixture.ts";
import { startFaultProxy, type Fault, type ProxyRequest } from "./fault-proxy.ts";
import type { SyncOptions } from "../../loaders/sync/index.ts";

const skip = skipReason(false);
if (skip) console.log(`# SKIP slice failures: ${skip}`);
const DAY = 86_400_000;
const QUIET = { from: Date.parse("2024-07-08"), to: Date.parse("2024-07-29") };
const WIN = { since: "2024-07-01", until: "2024-09-01" };
let server: RunningServer | undefined;
let reference: string[] = [];
const tmp = tempDir("slice-failures");
let n = 0;

/** Two synthetic messages a day over Jul-Aug 2024 with random ~2 KB bodies, none in the quiet weeks. */
function messages(): Buffer[] {
  const out: Buffer[] = [];
  for (let t = Date.parse("2024-07-01T08:00:00Z"); t < Date.parse("2024-09-01"); t += DAY / 2) {
    if (t >= QUIET.from && t < QUIET.to) continue;
    const i = out.length;
    out.push(Buffer.from(`From: Dev ${i % 7} <dev${i % 7}@example.org>\nTo: synth@lists.example.org\nSubject: [PATCH] change ${i}\n` +
      `Date: ${new Date(t).toUTCString()}\nMessage-ID: <synth-${i}@example.org>\n\n${randomBytes(1500).toString("base64").replace(/.{72}/g, "$&\n")}\n`));
  }
  return out;
}

before(async () => {
  if (skip) return;
  server = await startServer([await buildInbox({ name: "synth", address: "synth@lists.example.org", messages: messages() }, tmp.dir)]);
  const r = await runSync({ store: join(tmp.dir, "reference"), list: "synth", inbox: server.inboxUrl("synth"), mode: "http", ...WIN });
  assert.ok(r.ok, JSON.stringify(r.lists));
  reference = await storeContent(join(tmp.dir, "reference"));
}, { timeout: 300_000 });
after(async () => {
  await server?.stop();
  tmp.cleanup();
});

const isSearch = (r: ProxyRequest) => r.method === "POST" && r.url.includes("x=m");

async function viaProxy(pick: (searchNo: number) => Fault | undefined, extra: Partial<SyncOptions> = {}, store?: string) {
  let searches = 0;
  const proxy = await startFaultProxy(server!.base, (r) => (isSearch(r) ? pick(searches++) : undefined));
  const dir = store ?? join(tmp.dir, `s${n++}`);
  try {
    const res = await runSync({ store: dir, list: "synth", inbox: `${proxy.base}/synth/`, mode: "http", ...WIN, extra });
    return { res, dir, proxy, searches: proxy.log.filter(isSearch), content: await storeContent(dir) };
  } finally {
    await proxy.close();
  }
}

test("quiet weeks are public-inbox's 404 'No results found': an empty slice, not an error", { skip }, async () => {
  const statuses: number[] = [];
  const { res, content } = await viaProxy(() => undefined, { http: { onResponse: (r) => statuses.push(r.status) } });
  assert.ok(res.ok, JSON.stringify(res.lists));
  assert.deepEqual(content, reference);
  assert.ok(statuses.includes(404), `a slice without mail was asked for: ${statuses}`);
  assert.ok(reference.length > 80);
});

test("HTML or nothing inside a gzip 200: those slices fail, are named, stay uncovered, and the re-run fetches them", { skip }, async () => {
  const store = join(tmp.dir, "gzip-faults");
  const faults: Record<number, Fault> = { 1: { kind: "gzip-html" }, 3: { kind: "gzip-empty" } };
  const first = await viaProxy((i) => faults[i], {}, store);
  assert.equal(first.res.ok, false, "the run fails");
  const bad = first.searches.filter((s) => s.fault);
  assert.equal(bad.length, 2);
  const failure = first.res.lists[0].failure ?? "";
  assert.match(failure, /^2 slices failed and stay unfetched \(the next sync fetches them again\)/);
  for (const b of bad) assert.ok(failure.includes(b.url), `names ${b.url}: ${failure}`);
  assert.match(failure, /expected an mbox\.gz but got a gzip that holds an HTML page/);
  assert.match(failure, /expected an mbox\.gz but got an empty mbox\.gz/);
  // the slices around them were stored
  assert.ok(first.content.length > reference.length / 2 && first.content.length < reference.length, `kept ${first.content.length}`);
  assert.ok(first.content.every((k) => reference.includes(k)));

  const again = await viaProxy(() => undefined, {}, store);
  assert.ok(again.res.ok, JSON.stringify(again.res.lists));
  for (const b of bad) assert.ok(again.searches.some((s) => s.url === b.url), `re-fetched ${b.url}`);
  assert.deepEqual(again.content, reference);
});

test("slices over the byte limit are split, not failed: same store as without a limit", { skip }, async () => {
  // 14 messages of ~2.5 KB a week: a 7-day slice is ~35 KB decoded
  const { res, content } = await viaProxy(() => undefined, { http: { maxResponseBytes: 24 * 1024 } });
  assert.ok(res.ok, JSON.stringify(res.lists));
  assert.match(res.lists[0].units, /\(\d+ split\)/);
  assert.deepEqual(content, reference);
});
