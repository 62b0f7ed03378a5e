// The whole 2024-h2 corpus (linux-cxl, netdev, linux-rdma: ~19k messages) over http mode, against
// a REAL public-inbox-httpd serving one inbox per list. What the store holds is checked against
// facts computed here, independently, from the mbox files, and against a store made by ingesting
// the same files directly. The inboxes are cached (the first build takes minutes: public-inbox-index).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createReadStream, existsSync } from "node:fs";
import { join } from "node:path";
import { createGunzip } from "node:zlib";
import { buildInbox, headerValue, skipReason, startServer, type BuiltInbox } from "../helpers/public-inbox-server.ts";
import { CORPUS_SPECS, storeContent, tempDir } from "./fixture.ts";
import { splitMbox } from "../../loaders/sources/mbox.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { openStore } from "../../loaders/store/store.ts";
import { ingest } from "../../loaders/pipeline/ingest.ts";
import { sync, type SyncResult } from "../../loaders/sync/index.ts";
import { resolveWindow } from "../../loaders/model/window.ts";
import { ProgressReporter } from "../../loaders/sync/progress.ts";

const SINCE = "2024-07-01", UNTIL = "2025-01-01";
const WINDOW = resolveWindow(SINCE, UNTIL);
const DAY = 86_400_000;

const skip = skipReason() ?? CORPUS_SPECS.flatMap((s) => s.mboxes ?? []).filter((p) => !existsSync(p)).map((p) => `${p} is absent`)[0];
if (skip) console.log(`# SKIP sync corpus-scale: ${skip}`);
const log = (s: string) => console.log(`# ${s}`);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** What one list's mbox file holds, read here with a plain header scan (not the project's parser). */
interface FileFacts {
  entries: number;
  /** Message-ID (no angle brackets) -> the raw To and Cc values of its first copy; Date inside the window. */
  ids: Map<string, string>;
  /** Entries a window query cannot be expected to return (no readable Date, or dated outside it). */
  undated: number;
  outside: number;
  /** Entries without a Message-ID (stored under an id synthesised from their content). */
  noId: number;
}

async function fileFacts(path: string): Promise<FileFacts> {
  const f: FileFacts = { entries: 0, ids: new Map(), undated: 0, outside: 0, noId: 0 };
  for await (const m of splitMbox(createReadStream(path).pipe(createGunzip()))) {
    f.entries++;
    const date = Date.parse(headerValue(m.bytes, "date") ?? "");
    if (!Number.isFinite(date)) { f.undated++; continue; }
    if (date < WINDOW.since || date >= WINDOW.until!) { f.outside++; continue; }
    const raw = headerValue(m.bytes, "message-id");
    const id = raw && (/<([^>]+)>/.exec(raw)?.[1] ?? raw).trim();
    if (!id) { f.noId++; continue; }
    if (!f.ids.has(id)) f.ids.set(id, `${headerValue(m.bytes, "to") ?? ""} ${headerValue(m.bytes, "cc") ?? ""}`.toLowerCase());
  }
  return f;
}

/** One public-inbox query (d:/dt:, as sync sends it) back to the [from, to) range it selects. */
function queryRange(url: string): { from: number; to: number } {
  const q = new URL(url).searchParams.get("q") ?? "";
  const m = /^(d|dt):(\d{8})(\d{6})?\.\.(\d{8})(\d{6})?$/.exec(q);
  assert.ok(m, `unexpected slice query '${q}' in ${url}`);
  const t = (d: string, hms = "000000") =>
    Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +hms.slice(0, 2), +hms.slice(2, 4), +hms.slice(4, 6));
  // both ends are inclusive: whole days for d:, whole seconds for dt:
  return { from: t(m[2], m[3]), to: t(m[4], m[5]) + (m[1] === "d" ? DAY : 1000) };
}

type Row = { message_id: string; content_hash: string; lists: string[]; date: number | null; flags: string[] };
async function rows(dir: string): Promise<Map<string, Row>> {
  const s = await openStore(dir);
  try {
    const r = await s.query<Row>("SELECT message_id, content_hash, lists, date, flags FROM messages");
    return new Map(r.map((x) => [x.message_id, x]));
  } finally {
    await s.close();
  }
}

async function q<T>(dir: string, sql: string): Promise<T[]> {
  const s = await openStore(dir);
  try {
    return await s.query<T>(sql);
  } finally {
    await s.close();
  }
}

test("2024-h2 corpus, three lists over http: the store holds exactly the mbox files' messages, sliced, untruncated; a re-sync adds nothing", { skip, timeout: 45 * 60_000 }, async () => {
  const tmp = tempDir("corpus-scale");
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    // 1. One inbox per list, built concurrently (cached after the first run).
    const t0 = Date.now();
    const inboxes: BuiltInbox[] = await Promise.all(CORPUS_SPECS.map(async (s) => {
      const b = await buildInbox(s);
      log(`${s.name} inbox: ${b.built ? `built in ${secs(Date.now() - t0)} (import ${secs(b.built.importMs)}, index ${secs(b.built.indexMs)})` : "cached"}`);
      return b;
    }));
    log(`inboxes ready after ${secs(Date.now() - t0)}`);

    // 2. Independent facts from the mbox files.
    const facts = new Map<string, FileFacts>();
    for (const s of CORPUS_SPECS) facts.set(s.name, await fileFacts(s.mboxes![0]));
    const names = CORPUS_SPECS.map((s) => s.name);
    const total = new Set(names.flatMap((n) => [...facts.get(n)!.ids.keys()]));
    for (const [n, f] of facts) log(`${n}.mbox.gz: ${f.entries} entries, ${f.ids.size} unique ids dated in the window, ${f.undated} undated, ${f.outside} outside, ${f.noId} without id`);
    log(`${total.size} unique ids over the three files`);
    // The 2024-h2 files hold only well-formed mail of the window (every entry has a Message-ID and
    // a Date inside it), so the http store must hold exactly these ids. Were that to change, the
    // undated/outside/id-less entries would need their own, explained assertion: fail loudly instead.
    for (const [n, f] of facts) assert.deepEqual([f.undated, f.outside, f.noId], [0, 0, 0], `${n}: entries the window cannot select`);

    // 3. ONE http sync of all three lists.
    server = await startServer(inboxes);
    const posts: { url: string; status: number }[] = [];
    const lists = CORPUS_SPECS.map((s) => ({ name: s.name, address: s.address, inbox: server!.inboxUrl(s.name) }));
    // Per-list progress every 30 s as TAP comments: the syncs take minutes.
    const quiet = new ProgressReporter({ write: (line: string) => process.stdout.write(`# ${line}`), isTTY: false }, 30_000);
    const runHttp = (store: string): Promise<SyncResult> => sync({
      store, archives: join(tmp.dir, "unused-archives"), lists, window: WINDOW, defaultMode: "http", progress: quiet,
      http: { onResponse: (r) => { if (r.method === "POST") posts.push({ url: r.url, status: r.status }); } },
    });
    const h = join(tmp.dir, "http");
    const t1 = Date.now();
    const r1 = await runHttp(h);
    log(`http sync: ${secs(Date.now() - t1)}; ${r1.lists.map((l) => `${l.list} ${l.units}, ${l.new} new, ${l.duplicate} dup, ${l.conflicting} conflicting, ${(l.bytes / 2 ** 20).toFixed(1)} MiB`).join("; ")}`);
    assert.ok(r1.ok, JSON.stringify(r1.lists));

    // The slices: more than one per big list, tiling the window exactly, none capped or retried.
    for (const l of r1.lists) {
      const mine = posts.filter((p) => p.url.startsWith(server!.inboxUrl(l.list))).map((p) => ({ ...queryRange(p.url), status: p.status }));
      assert.ok(mine.length > 1, `${l.list}: the window was fetched in ${mine.length} slice(s)`);
      assert.match(l.units, /^\d+ slices$/, `${l.list}: no slice was split as capped`);
      assert.equal(Number(l.units.split(" ")[0]), mine.length);
      assert.equal(l.retries, 0, `${l.list}: no request was retried (a cut gzip is retried)`);
      assert.ok(mine.every((p) => p.status === 200), `${l.list}: statuses ${mine.map((p) => p.status)}`);
      mine.sort((a, b) => a.from - b.from);
      assert.equal(mine[0].from, WINDOW.since);
      assert.equal(mine[mine.length - 1].to, WINDOW.until);
      for (let i = 1; i < mine.length; i++) assert.equal(mine[i].from, mine[i - 1].to, `${l.list}: slices ${i - 1} and ${i} neither gap nor overlap`);
    }
    const perSlice = await q<{ source: string; n: number }>(h, "SELECT source, count(*) n FROM arrivals GROUP BY source ORDER BY n DESC");
    log(`largest slice: ${perSlice[0].n} messages (${perSlice[0].source})`);

    // 4. Exactly the messages of each list's file, as copies found in that list's archive.
    const archived = await q<{ list: string; n: number }>(h, "SELECT list, count(DISTINCT message_id) n FROM arrivals GROUP BY list");
    const hr = await rows(h);
    for (const n of names) {
      const f = facts.get(n)!;
      assert.equal(archived.find((a) => a.list === n)?.n, f.ids.size, `${n}: unique messages of the mbox file`);
    }
    const outside = [...hr.values()].filter((r) => r.date === null || r.date < WINDOW.since || r.date >= WINDOW.until!);
    assert.deepEqual(outside.map((r) => `${r.message_id} ${r.date}`), [], "every stored message is dated inside the window");
    // cross-posted messages carry every list whose file holds them
    for (const id of total) {
      const r = hr.get(id);
      assert.ok(r, `${id} missing from the http store`);
      for (const n of names) if (facts.get(n)!.ids.has(id)) assert.ok(r.lists.includes(n), `${id}: lists ${r.lists} lack ${n}`);
    }
    // a list's per-list count also holds messages from another archive addressed to it (To/Cc)
    const perList = await q<{ list: string; n: number }>(h, "SELECT list, count(*) n FROM (SELECT unnest(lists) AS list FROM messages) GROUP BY list");
    for (const s of CORPUS_SPECS) {
      const own = facts.get(s.name)!.ids;
      const addressed = [...hr.values()].filter((r) => r.lists.includes(s.name) && !own.has(r.message_id));
      for (const r of addressed) {
        const toCc = names.map((n) => facts.get(n)!.ids.get(r.message_id)).find((v) => v !== undefined);
        assert.ok(toCc?.includes(s.address), `${r.message_id} is tagged ${s.name} but not in its file nor addressed to ${s.address}`);
      }
      log(`${s.name}: per_list ${perList.find((p) => p.list === s.name)?.n} = ${own.size} in its file + ${addressed.length} addressed to it from other files`);
      assert.equal(perList.find((p) => p.list === s.name)?.n, own.size + addressed.length);
    }
    const cross = [...total].filter((id) => names.filter((n) => facts.get(n)!.ids.has(id)).length > 1).length;
    log(`cross-posted (in 2+ files): ${cross}`);
    assert.ok(cross > 0);

    // 5. The same files ingested directly give the same messages.
    const d = join(tmp.dir, "direct");
    const ds = await openStore(d);
    const t2 = Date.now();
    try {
      await ingest(ds, CORPUS_SPECS.map((s) => openSource(`${s.name}=${s.mboxes![0]}`)), { lists: CORPUS_SPECS.map((s) => ({ name: s.name, address: s.address })) });
    } finally {
      await ds.close();
    }
    log(`direct ingest of the mbox files: ${secs(Date.now() - t2)}`);
    const dr = await rows(d);
    assert.deepEqual([...hr.keys()].sort(), [...dr.keys()].sort());
    let sameHash = 0;
    for (const [id, r] of hr) {
      const o = dr.get(id)!;
      assert.deepEqual(r.lists, o.lists, `${id}: lists`);
      if (r.content_hash === o.content_hash) sameHash++;
    }
    const conflicted = new Set((await q<{ message_id: string }>(d, "SELECT DISTINCT message_id FROM conflicts")).map((c) => c.message_id));
    log(`content hashes equal: ${sameHash} of ${hr.size}; ids with conflicting copies (direct): ${conflicted.size}`);
    for (const [id, r] of hr) if (!conflicted.has(id)) assert.equal(r.content_hash, dr.get(id)!.content_hash, `${id}: content hash`);

    // 6. A second sync of the same window stores nothing new.
    const before = await storeContent(h);
    posts.length = 0;
    const r2 = await runHttp(h);
    assert.ok(r2.ok, JSON.stringify(r2.lists));
    log(`second sync: ${r2.lists.map((l) => `${l.list} ${l.units}, ${l.seen} seen, ${l.new} new`).join("; ")}`);
    for (const l of r2.lists) {
      assert.equal(l.new, 0, `${l.list}: second sync stored new messages`);
      assert.ok(l.requests <= 2, `${l.list}: a re-sync re-reads only the overlap, made ${l.requests} requests`);
    }
    assert.deepEqual(await storeContent(h), before);

    // 7. git mode (mirror the epochs, read them, keep the window) gives the same store.
    const g = join(tmp.dir, "git");
    const t3 = Date.now();
    const rg = await sync({ store: g, archives: join(tmp.dir, "archives"), lists, window: WINDOW, mode: "git", defaultMode: "git", progress: quiet });
    log(`git sync: ${secs(Date.now() - t3)}; ${rg.lists.map((l) => `${l.list} ${l.units}, ${l.new} new, ${l.outsideWindow} outside`).join("; ")}`);
    assert.ok(rg.ok, JSON.stringify(rg.lists));
    assert.deepEqual(await storeContent(g), before);
  } finally {
    await server?.stop();
    tmp.cleanup();
  }
});
