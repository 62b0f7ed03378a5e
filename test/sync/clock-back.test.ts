// http mode when the clock goes backwards between runs: coverage recorded up to the earlier run's
// (later) clock cannot be trusted past the current one. Mail dated in between, which arrived after
// that run, is fetched by the next run instead of being skipped as "covered" until the clock
// catches up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { gzipSync } from "node:zlib";
import type { AddressInfo } from "node:net";
import { loreHttpSource, clipRanges } from "../../loaders/sources/lore/http-source.ts";
import { HttpClient } from "../../loaders/sources/lore/http-client.ts";
import type { SourceCursor } from "../../loaders/model/records.ts";

const DAY = 86_400_000;
const T = Date.UTC(2024, 6, 20);

function mail(id: string, t: number): string {
  return `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Dev <dev@example.org>\nSubject: m ${id}\nDate: ${new Date(t).toUTCString()}\nMessage-ID: <${id}@example.org>\n\nbody\n\n`;
}

test("coverage past the current clock is fetched again; mail that arrived in it is read", async () => {
  // "ahead": mail the early clock saw as past (its last slice carries the coverage up to that clock)
  const available: [string, number][] = [["old", T - 10 * DAY], ["ahead", T + 25 * DAY]];
  const srv = createServer((req, res) => {
    const q = decodeURIComponent(/[?&]q=([^&]*)/.exec(req.url ?? "")?.[1] ?? "");
    const m = /d:(\d{8})\.\.(\d{8})?/.exec(q);
    const day = (s: string) => Date.UTC(Number(s.slice(0, 4)), Number(s.slice(4, 6)) - 1, Number(s.slice(6, 8)));
    const from = m ? day(m[1]) : 0, to = m?.[2] ? day(m[2]) + DAY : Infinity;
    const body = available.filter(([, t]) => t >= from && t < to).map(([id, t]) => mail(id, t)).join("");
    if (!body) { res.writeHead(404, { "content-type": "text/plain" }); res.end("No results found\n"); return; } // public-inbox's empty answer
    res.writeHead(200, { "content-type": "application/gzip" });
    res.end(gzipSync(body));
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const client = new HttpClient({ retries: 0 });
  try {
    const read = async (now: number, cursor?: SourceCursor) => {
      const src = loreHttpSource({ list: "l", inbox: `http://127.0.0.1:${(srv.address() as AddressInfo).port}/l/`,
        window: { since: T - 20 * DAY, until: null }, client, now: () => now });
      const ids: string[] = [];
      let last = cursor;
      for await (const it of src.read(cursor)) {
        if (it.kind === "message") ids.push(/Message-ID: <([^@]+)/.exec(it.bytes.toString())![1]);
        last = JSON.parse(JSON.stringify(it.cursor));
      }
      return { ids, cursor: last };
    };
    const first = await read(T + 30 * DAY); // a clock a month ahead
    assert.deepEqual(first.ids, ["old", "ahead"]);
    assert.ok((first.cursor!.covered as { to: number }[]).some((r) => r.to > T + 29 * DAY), "covered up to the early clock");
    available.push(["late", T + 2 * 3600_000]); // arrives after that run, dated by the real clock
    const second = await read(T + 3 * 3600_000, first.cursor);
    assert.ok(second.ids.includes("late"), `the mail dated after the real clock's 'now' is fetched: ${second.ids}`);
  } finally {
    client.close();
    srv.close();
  }
});

test("clipRanges cuts coverage at a time", () => {
  assert.deepEqual(clipRanges([{ from: 0, to: 10 }, { from: 20, to: 40 }, { from: 50, to: 60 }], 30), [{ from: 0, to: 10 }, { from: 20, to: 30 }]);
});
