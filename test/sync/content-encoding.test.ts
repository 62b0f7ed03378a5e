// A proxy that adds a Content-Encoding (gzip over the mbox.gz, or over a plain mbox) is undone
// before the body is read as mail; an encoding this client never asks for, or an HTML page under
// the encoding, is refused; a gzipped "No results found" 404 is no mail, as a plain one is; a 304 (no Location) is reported as what it is, not as a redirect.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { runSync, storeContent, tempDir } from "./fixture.ts";

const mbox = (tag: string) => Array.from({ length: 3 }, (_, i) => `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: D <d@example.org>\n` +
  `To: synth@example.invalid\nSubject: ${tag} ${i}\nDate: Tue, 2 Jul 2024 12:00:00 +0000\nMessage-ID: <${tag}-${i}@example.org>\n\nbody\n\n`).join("");

test("Content-Encoding over the mbox.gz is undone; unknown encodings, HTML under gzip and a 304 fail the slice", { timeout: 60_000 }, async () => {
  const t = tempDir("content-encoding");
  let mode = "";
  const srv: Server = createServer((_req, res) => {
    const ce = (type: string, enc: string, body: Buffer) => { res.writeHead(200, { "content-type": type, "content-encoding": enc }); res.end(body); };
    if (mode === "gzip-over-gz") return ce("application/gzip", "gzip", gzipSync(gzipSync(mbox(mode))));
    if (mode === "gzip-over-plain") return ce("text/plain", "x-gzip", gzipSync(mbox(mode)));
    if (mode === "br") return ce("application/gzip", "br", gzipSync(mbox(mode)));
    if (mode === "html") return ce("text/html", "gzip", gzipSync("<!DOCTYPE html><html><body>Oops</body></html>"));
    // public-inbox's "no mail on these days" 404, gzipped by the proxy too: no mail, not an error.
    if (mode === "no-results") { res.writeHead(404, { "content-type": "text/plain", "content-encoding": "gzip" }); return res.end(gzipSync("No results found\n")); }
    res.writeHead(304);
    res.end();
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const inbox = `http://127.0.0.1:${(srv.address() as AddressInfo).port}/synth/`;
  try {
    const sync = (m: string) => {
      mode = m;
      return runSync({ store: join(t.dir, m), list: "synth", inbox, mode: "http", since: "2024-07-01", until: "2024-07-05", extra: { http: { retries: 0 } } });
    };
    for (const m of ["gzip-over-gz", "gzip-over-plain"]) {
      const r = await sync(m);
      assert.ok(r.ok, `${m}: ${r.lists[0].failure}`);
      assert.deepEqual((await storeContent(join(t.dir, m))).map((l) => l.split(" ")[0]), [0, 1, 2].map((i) => `${m}-${i}@example.org`));
    }
    const none = await sync("no-results");
    assert.ok(none.ok, `no-results: ${none.lists[0].failure}`);
    assert.equal(none.lists[0].new, 0);
    const expect: Record<string, RegExp> = {
      br: /a body in Content-Encoding 'br', which this client never asks for/,
      html: /expected an mbox\.gz but got a gzip that holds an HTML page/,
      "304": /unexpected HTTP 304 Not Modified without a Location, for a request that was not conditional/,
    };
    for (const [m, why] of Object.entries(expect)) {
      const r = await sync(m);
      assert.equal(r.ok, false, m);
      assert.match(r.lists[0].failure ?? "", why);
      assert.equal(r.lists[0].new, 0);
    }
  } finally {
    srv.close();
    t.cleanup();
  }
});
