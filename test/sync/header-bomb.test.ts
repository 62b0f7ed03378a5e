// Response headers past Node's limit (16 KiB: a 40 KB Location, an endless header) come back the
// same on every attempt, like a body bomb: the client says so once, never retries (it retried five
// times with backoff, 30 s for `threadgraph thread`). Synthetic raw-socket server.
import { test } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { HttpClient, type RetryInfo } from "../../loaders/sources/lore/http-client.ts";

test("headers over Node's limit: one request, a clear error, no retry", { timeout: 30_000 }, async () => {
  let requests = 0;
  const srv = net.createServer((s) => {
    s.on("error", () => {});
    s.once("data", () => {
      requests++;
      s.end(`HTTP/1.1 302 Found\r\nLocation: http://x/${"a".repeat(40_000)}\r\nContent-Length: 0\r\n\r\n`);
    });
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const retries: RetryInfo[] = [];
  const client = new HttpClient({ backoffMs: 50, onRetry: (r) => retries.push(r) });
  try {
    const url = `http://127.0.0.1:${(srv.address() as net.AddressInfo).port}/all/a/t.mbox.gz`;
    await assert.rejects(client.request(url), /response headers? .*over.*not retried/);
    assert.equal(retries.length, 0, retries.map((r) => r.reason).join("; "));
    assert.equal(requests, 1);
  } finally {
    client.close();
    await new Promise<void>((r) => srv.close(() => r()));
  }
});
