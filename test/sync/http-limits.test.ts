// The lore HTTP client against a hostile loopback server: every request ends, bombs and
// endless bodies are cut at the byte limit and never retried, redirects are reported with their
// Location, and a host that cannot be reached fails at once with the offline way out.
// Synthetic server and data only: runs everywhere (no public-inbox, no ../shared).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { HttpClient, httpOptionsFrom, type RetryInfo } from "../../loaders/sources/lore/http-client.ts";
import { sync } from "../../loaders/sync/index.ts";
import { resolveWindow } from "../../loaders/model/window.ts";
import { ProgressReporter } from "../../loaders/sync/progress.ts";
import { mboxMessages, NotMboxError, TruncatedResponse } from "../../loaders/sources/lore/mbox-response.ts";
import { loreThreadSource } from "../../loaders/sources/lore/thread-source.ts";
import { loreHttpSource } from "../../loaders/sources/lore/http-source.ts";
import { discoverEpochs, mirrorEpoch } from "../../loaders/sync/git-mode.ts";
import { freePort } from "../helpers/public-inbox-server.ts";
import { startHostileServer, syntheticMbox, type Behaviour } from "./hostile-server.ts";
import { tempDir } from "./fixture.ts";

const MiB = 1 << 20;

/** Fetch one thread's t.mbox.gz from a server behaving as `b`; returns the error, the requests and the time. */
async function fetchThread(b: Behaviour, http: ConstructorParameters<typeof HttpClient>[0] = {}) {
  const srv = await startHostileServer(() => b);
  const retries: RetryInfo[] = [];
  const client = new HttpClient({ backoffMs: 20, onRetry: (r) => retries.push(r), ...http });
  const t0 = Date.now();
  try {
    const src = loreThreadSource({ inbox: `${srv.base}/netdev/`, messageId: "a@b" }, client);
    const got: Buffer[] = [];
    let error: Error | undefined;
    try {
      for await (const it of src.read()) if (it.kind === "message") got.push(it.bytes);
    } catch (e) {
      error = e as Error;
    }
    return { error, got, requests: srv.log.length, retries, ms: Date.now() - t0 };
  } finally {
    client.close();
    await srv.close();
  }
}

test("a gzip bomb (10 MB that expand to 10 GiB) is refused at once, never retried", { timeout: 60_000 }, async () => {
  // starting like an mbox, it is decoded up to the byte limit and named a bomb
  const r = await fetchThread({ kind: "bomb", fill: "mbox" });
  assert.ok(r.error, "must fail");
  assert.match(r.error.message, /\/netdev\/a%40b\/t\.mbox\.gz: a gzip bomb: .* expand past the 32 MiB limit/);
  assert.equal(r.requests, 1, "a bomb is not asked for again");
  assert.equal(r.retries.length, 0);
  assert.deepEqual(r.got, []);
  // zeros are not an mbox: refused on the first decoded bytes
  const z = await fetchThread({ kind: "bomb", fill: "zeros" });
  assert.match(z.error!.message, /t\.mbox\.gz: expected an mbox\.gz but got a gzip that holds no mbox/);
  assert.equal(z.requests, 1);
});

test("an endless body (gzip or not) is cut at the byte limit, not retried", { timeout: 60_000 }, async () => {
  for (const kind of ["endless-gzip", "endless-raw"] as const) {
    const r = await fetchThread({ kind }, { maxResponseBytes: 4 * MiB });
    assert.ok(r.error, `${kind} must fail`);
    assert.match(r.error.message, kind === "endless-raw" ? /larger than the 4 MiB limit \(more than 4 MiB received/ : /4 MiB limit/, kind);
    assert.equal(r.requests, 1, kind);
  }
});

test("a Content-Length over the limit is refused before the body is read", { timeout: 60_000 }, async () => {
  const r = await fetchThread({ kind: "bomb", members: 100, memberMiB: 100 }, { maxResponseBytes: MiB });
  assert.match(r.error!.message, /larger than the 1 MiB limit \(Content-Length \d+ bytes/);
  assert.equal(r.requests, 1);
});

test("a drip-fed response (a byte every 100 ms, never idle) ends at the request deadline, not retried", { timeout: 60_000 }, async () => {
  const r = await fetchThread({ kind: "drip" }, { deadlineMs: 1500, readTimeoutMs: 60_000 });
  assert.match(r.error!.message, /no complete response within the 2 s deadline per request \(\d+ bytes received/);
  assert.ok(r.ms < 15_000, `ended after ${r.ms} ms`);
  assert.equal(r.requests, 1);
});

test("a redirect is reported with its Location and not followed", { timeout: 60_000 }, async () => {
  const r = await fetchThread({ kind: "redirect", status: 301, location: "https://lore.example.org/netdev/a@b/t.mbox.gz" });
  assert.match(r.error!.message, /redirected \(HTTP 301\) to https:\/\/lore\.example\.org\/netdev\/a@b\/t\.mbox\.gz/);
  assert.equal(r.requests, 1);
});

test("HTML or nothing inside a gzip 200 is not mail; public-inbox's 404 'No results found' is an empty result", async () => {
  const { gzipSync } = await import("node:zlib");
  const res = (status: number, body: Buffer, type = "application/gzip") => ({ url: "http://x/i/?q=d:1..2&x=m", status, headers: { "content-type": type }, body });
  const cases: [string, Buffer, RegExp][] = [
    ["html", gzipSync("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>"), /a gzip that holds an HTML page/],
    ["challenge", gzipSync("<html><title>Making sure you're not a bot!</title></html>"), /proof-of-work\/bot challenge page.*use git mode/],
    ["empty", gzipSync(""), /an empty mbox\.gz/],
    ["blank lines", gzipSync("\n\n\n"), /an empty mbox\.gz/],
    ["json", gzipSync('{"error":"rate limited"}'), /a gzip that holds no mbox/],
  ];
  for (const [name, body, re] of cases) {
    await assert.rejects(mboxMessages(res(200, body), MiB), (e: Error) => e instanceof NotMboxError && re.test(e.message), name);
  }
  assert.deepEqual(await mboxMessages(res(404, Buffer.from("No results found\n"), "text/plain"), MiB), []);
  assert.equal((await mboxMessages(res(200, gzipSync(syntheticMbox(3))), MiB)).length, 3);
  // an HTML 404 is not "no results"
  await assert.rejects(mboxMessages(res(404, Buffer.from("<html>No results found</html>"), "text/html"), MiB), NotMboxError);
});

test("a complete gzip holding a cut mbox (last message mid-line or inside its header) is a truncated response, not mail", async () => {
  const { gzipSync } = await import("node:zlib");
  const res = (body: Buffer) => ({ url: "http://x/i/?q=d:1..2&x=m", status: 200, headers: { "content-type": "application/gzip" }, body });
  const whole = syntheticMbox(3);
  const text = whole.toString("latin1");
  const lastHead = text.lastIndexOf("From mboxrd@z");
  for (const [name, cut] of [["mid-line in the body", whole.length - 30], ["inside the last header", lastHead + 60], ["at a header line end", text.indexOf("\n", lastHead + 60) + 1]] as const) {
    await assert.rejects(mboxMessages(res(gzipSync(whole.subarray(0, cut))), MiB), TruncatedResponse, name);
  }
  // the whole mbox, and one whose final blank line is missing, are complete
  assert.equal((await mboxMessages(res(gzipSync(whole)), MiB)).length, 3);
  assert.equal((await mboxMessages(res(gzipSync(whole.subarray(0, whole.length - 1))), MiB)).length, 3);
});

test("git mode: a manifest.js.gz bomb is cut at the limit, named, and not retried", { timeout: 60_000 }, async () => {
  const srv = await startHostileServer(() => ({ kind: "bomb" }));
  const client = new HttpClient({ backoffMs: 20 });
  try {
    await assert.rejects(discoverEpochs(client, `${srv.base}/netdev/`), /manifest\.js\.gz: a gzip bomb/);
    assert.equal(srv.log.length, 1);
  } finally {
    client.close();
    await srv.close();
  }
});

test("git mode: a manifest that is JSON but not an epoch map (null, an array, null entries) is probed past, not a crash", { timeout: 60_000 }, async () => {
  for (const body of ["null", "[1,2]", '{"/netdev/git/0.git": null, "/netdev/git/1.git": {"modified": "x"}}', '"text"']) {
    // the manifest is served; every epoch probe answers 404, so the discovery ends in its clear error
    const srv = await startHostileServer((req) => (req.url.includes("manifest.js.gz") ? { kind: "gzip", body: Buffer.from(body) } : { kind: "status", status: 404 }));
    const client = new HttpClient({ backoffMs: 20 });
    try {
      const got = await discoverEpochs(client, `${srv.base}/netdev/`).then((e) => e, (e: Error) => e);
      if (body.includes("git/0.git")) assert.deepEqual(got, [{ n: 0, modified: undefined }, { n: 1, modified: undefined }], body);
      else assert.match(String((got as Error).message), /no public-inbox epochs found/, body);
    } finally {
      client.close();
      await srv.close();
    }
  }
});

async function unreachable(url: string) {
  const retries: RetryInfo[] = [];
  const client = new HttpClient({ onRetry: (r) => retries.push(r) }); // default backoff: 1 s, 5 retries
  const t0 = Date.now();
  try {
    const error = await client.request(url).then(() => undefined, (e: Error) => e);
    return { error, retries, ms: Date.now() - t0 };
  } finally {
    client.close();
  }
}

test("offline: DNS failure and a refused connection fail at once (one quick retry) with the offline way", { timeout: 60_000 }, async () => {
  const port = await freePort(); // nothing listens there
  for (const url of ["http://lore.invalid/netdev/x", `http://127.0.0.1:${port}/netdev/x`]) {
    const r = await unreachable(url);
    assert.ok(r.error, url);
    assert.match(r.error.message, /cannot reach (lore\.invalid|127\.0\.0\.1:\d+) \((ENOTFOUND|EAI_AGAIN|ECONNREFUSED)/);
    assert.match(r.error.message, /threadgraph ingest LIST=PATH/);
    assert.equal(r.retries.length, 1, "at most one quick retry");
    assert.deepEqual([r.retries[0].attempt, r.retries[0].maxAttempts], [2, 2]);
    assert.ok(r.ms < 10_000, `${url}: failed after ${r.ms} ms, not after the whole backoff`);
  }
});

test("a host that answered before and then refuses is a blip: the normal retries apply", { timeout: 60_000 }, async () => {
  const srv = await startHostileServer(() => ({ kind: "gzip", body: syntheticMbox(1) }));
  const retries: RetryInfo[] = [];
  const client = new HttpClient({ backoffMs: 20, retries: 3, onRetry: (r) => retries.push(r) });
  try {
    const url = `${srv.base}/netdev/x`;
    assert.equal((await client.request(url)).status, 200);
    await srv.close();
    await assert.rejects(client.request(url), (e: Error) => /ECONNREFUSED.*after 4 attempts/.test(e.message) && !/cannot reach/.test(e.message));
    assert.equal(retries.length, 3);
  } finally {
    client.close();
  }
});

test("threadgraph thread offline: exit 1 after one quick retry, says the host cannot be reached and how to work offline", { timeout: 300_000 }, () => {
  const t = tempDir("thread-offline");
  try {
    // The CLI's own start (tsx compiling it) took 46 s at a load of 60, so its wall time says nothing
    // about the retries: the one retry it announces, and its short wait, do. 240 s: a hang guard.
    const r = spawnSync(process.execPath, ["--import", "tsx", join(process.cwd(), "loaders/cli.ts"), "thread", "--no-analyze",
      "--store", join(t.dir, "store"), "https://lore.invalid/netdev/20240701.1234-1-a@example.org/"], { encoding: "utf8", timeout: 240_000 });
    assert.equal(r.status, 1, r.stderr);
    const retry = /retrying https:\/\/lore\.invalid\/netdev\/.*t\.mbox\.gz: .*ENOTFOUND.*; attempt 2\/2 in (\d+\.\d) s/.exec(r.stderr);
    assert.ok(retry, r.stderr);
    assert.ok(Number(retry[1]) < 5, `one quick retry, not the whole backoff: ${retry[0]}`);
    assert.equal(r.stderr.match(/: retrying /g)?.length, 1, r.stderr);
    assert.match(r.stderr, /threadgraph thread: .*cannot reach lore\.invalid .*threadgraph ingest LIST=PATH/);
  } finally {
    t.cleanup();
  }
});

test("sync offline: every list fails within seconds saying the host cannot be reached; later lists make no request", { timeout: 60_000 }, async () => {
  const port = await freePort(); // nothing listens there
  const t = tempDir("sync-offline");
  const lines: string[] = [];
  try {
    const t0 = Date.now();
    const res = await sync({
      store: join(t.dir, "store"), archives: join(t.dir, "archives"), defaultMode: "http",
      lists: ["a", "b", "c"].map((name, i) => ({ name, address: `${name}@example.org`, inbox: `http://127.0.0.1:${port}/${name}/`, mode: i === 2 ? "git" as const : undefined })),
      // default backoff (1 s doubling, 5 retries); retries are shown through the progress reporter
      window: resolveWindow("2024-07-01", "2024-08-01"), progress: new ProgressReporter({ write: (l: string) => lines.push(l), isTTY: false }),
    });
    const ms = Date.now() - t0;
    assert.equal(res.ok, false);
    for (const l of res.lists) assert.match(l.failure ?? "", /cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED.*threadgraph ingest LIST=PATH/, l.list);
    assert.ok(ms < 15_000, `took ${ms} ms`);
    const retries = lines.filter((l) => l.startsWith("retrying "));
    assert.ok(retries.length >= 1 && retries.every((l) => /^retrying http:\/\/127\.0\.0\.1:\d+\/\S+: connect ECONNREFUSED .*; attempt 2\/2 in \d\.\d s\n$/.test(l)), lines.join(""));
    // list c (git mode) asks for the manifest first, before any slice: only it touched the network
    assert.ok(res.lists.filter((l) => l.requests > 0).length === 1, JSON.stringify(res.lists.map((l) => [l.list, l.requests])));
  } finally {
    t.cleanup();
  }
});

test("a server that ignores the date range: splits end (64 per run), never more than two slices fetched ahead", { timeout: 60_000 }, async () => {
  const srv = await startHostileServer(() => ({ kind: "gzip", body: syntheticMbox(150, "same", 3) }));
  const client = new HttpClient({ backoffMs: 20 });
  let worst = 0;
  try {
    const src = loreHttpSource({
      list: "l", inbox: `${srv.base}/l/`, client, window: resolveWindow("2024-07-01", "2024-08-01"), maxPerSlice: 100,
      // fetched or in flight, and not yet processed: what sits in memory
      onProgress: (p) => { worst = Math.max(worst, srv.log.length - (p.splits + p.slicesDone + (p.failed ?? 0))); },
    });
    const err = await (async () => { for await (const _ of src.read()); })().then(() => undefined, (e: Error) => e);
    assert.match(err?.message ?? "", /still 100 messages or more after 64 splits in this run/);
    assert.ok(srv.log.length <= 64 * 2 + 8, `${srv.log.length} requests`);
    assert.ok(worst <= 3, `up to ${worst} responses fetched ahead of the one being processed`);
  } finally {
    client.close();
    await srv.close();
  }
});

test("git mode: a server that drips the clone is given up (git's low-speed limit), naming the epoch URL", { timeout: 60_000 }, async () => {
  const srv = await startHostileServer(() => ({ kind: "drip", everyMs: 200 }));
  const t = tempDir("git-drip");
  const saved = process.env.GIT_HTTP_LOW_SPEED_TIME;
  process.env.GIT_HTTP_LOW_SPEED_TIME = "2"; // the default is 60 s
  try {
    const t0 = Date.now();
    await assert.rejects(mirrorEpoch(`${srv.base}/l/`, 0, join(t.dir, "0.git")), /\/l\/0: git clone failed \(exit \d+\): .*(too slow|Operation too slow|transfer)/i);
    assert.ok(Date.now() - t0 < 30_000);
  } finally {
    if (saved === undefined) delete process.env.GIT_HTTP_LOW_SPEED_TIME;
    else process.env.GIT_HTTP_LOW_SPEED_TIME = saved;
    await srv.close();
    t.cleanup();
  }
});

test("config: sync.maxResponseBytes and sync.requestDeadlineMs reach the client; nonsense is a clear error", () => {
  const o = httpOptionsFrom({ maxResponseBytes: 8 * MiB, requestDeadlineMs: 5000, perHost: 2 });
  assert.equal(new HttpClient(o).opts.maxResponseBytes, 8 * MiB);
  assert.equal(new HttpClient(o).opts.deadlineMs, 5000);
  assert.equal(new HttpClient(httpOptionsFrom()).opts.maxResponseBytes, 32 * MiB);
  assert.throws(() => httpOptionsFrom({ maxResponseBytes: "32MB" as unknown as number }), /sync\.maxResponseBytes in threadgraph\.config\.ts: expected a number >= 1024, got "32MB"/);
  assert.throws(() => httpOptionsFrom({ requestDeadlineMs: -1 }), /sync\.requestDeadlineMs/);
});
