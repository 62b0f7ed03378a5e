// http mode: a slice answered with a valid mbox.gz of ANOTHER window (a stale cache, a proxy, a
// server ignoring d:) is refused: nothing of it stored, the slice stays unfetched and the sync
// fails naming it; the next sync against a right server fetches it. Mail a right server sends
// (dated inside the slice, give or take time zones; a few mis-dated messages) is stored as before.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { runSync, storeContent, tempDir, searchRange as range } from "./fixture.ts";

const DAY = 86_400_000;

function mail(id: string, t: number): string {
  return `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Dev <dev@example.org>\nTo: synth@example.invalid\nSubject: m ${id}\n` +
    `Date: ${new Date(t).toUTCString()}\nMessage-ID: <${id}@example.org>\n\nbody\n\n`;
}

/** A server answering every search: "right" with one message a day at 23:30 UTC (+ one mis-dated), "wrong" with 2023's mail. */
async function server(mode: { wrong: boolean }): Promise<{ base: string; close(): void }> {
  const srv: Server = createServer((req, res) => {
    if (req.method !== "POST") { res.writeHead(404); res.end(); return; }
    let from: number, to: number;
    try { [from, to] = range(req.url ?? ""); } catch (e) { console.error(String(e)); res.writeHead(500); res.end(); return; }
    let body = "";
    if (mode.wrong) for (let i = 0; i < 5; i++) body += mail(`old${i}`, Date.UTC(2023, 0, 1 + i, 12));
    else {
      for (let t = from + DAY - DAY / 48; t < Math.min(to, Date.UTC(2024, 6, 15)); t += DAY) body += mail(`d${new Date(t).toISOString().slice(0, 10)}`, t + 3600_000); // +1 h: past midnight UTC
      if (from === Date.UTC(2024, 6, 1)) body += mail("misdated", Date.UTC(2019, 4, 4));
    }
    if (!body) { res.writeHead(404, { "content-type": "text/plain" }); res.end("No results found\n"); return; } // public-inbox's empty answer
    res.writeHead(200, { "content-type": "application/gzip" });
    res.end(gzipSync(body));
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/synth/`, close: () => srv.close() };
}

test("a slice answered with another window's mail is refused and fetched again by the next sync", { timeout: 60_000 }, async () => {
  const t = tempDir("wrong-window");
  const mode = { wrong: true };
  const s = await server(mode);
  try {
    const store = join(t.dir, "store");
    const opts = { store, list: "synth", inbox: s.base, mode: "http" as const, since: "2024-07-01", until: "2024-07-15", extra: { http: { retries: 0 } } };
    const bad = await runSync(opts);
    assert.equal(bad.ok, false);
    assert.match(bad.lists[0].failure ?? "", /mail of another window: 5 of 5 dated messages fall outside 2024-07-01\.\.2024-07-08/);
    assert.equal(bad.lists[0].new, 0);
    mode.wrong = false;
    const good = await runSync(opts);
    assert.ok(good.ok, JSON.stringify(good.lists));
    const ids = (await storeContent(store)).map((l) => l.split(" ")[0]);
    assert.ok(!ids.some((id) => id.startsWith("old")), "nothing of the wrong answer was stored");
    assert.equal(ids.filter((id) => id.startsWith("d2024")).length, 14, "every day of the window, fetched by the second sync");
    assert.ok(ids.includes("misdated@example.org"), "a mis-dated message among right ones is kept");
  } finally {
    s.close();
    t.cleanup();
  }
});
