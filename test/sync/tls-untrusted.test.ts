// An HTTPS server whose certificate this machine does not trust (a proxy intercepting HTTPS with
// its own CA, a captive portal, a wrong host) answers every retry the same way: the client says so
// at once, with what to do, instead of five backed-off retries per request (38 s per request, and
// one slice after another in a sync). The certificate is made here by openssl (synthetic).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { HttpClient, type RetryInfo } from "../../loaders/sources/lore/http-client.ts";
import { tempDir } from "./fixture.ts";

/** A self-signed certificate for `cn`, or null when openssl is missing. */
function selfSigned(dir: string, cn: string): { key: Buffer; cert: Buffer } | null {
  const key = join(dir, "key.pem"), cert = join(dir, "cert.pem");
  const r = spawnSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${cn}`, "-keyout", key, "-out", cert],
    { encoding: "utf8" });
  if (r.status !== 0) return null;
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

async function untrustedServer(creds: { key: Buffer; cert: Buffer }) {
  let requests = 0;
  const srv = https.createServer(creds, (_req, res) => { requests++; res.end("x"); });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  return {
    base: `https://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((r) => { srv.closeAllConnections(); srv.close(() => r()); }),
  };
}

for (const [what, cn] of [["self-signed, other host name", "sandboxing-tproxy-egress"], ["self-signed, right host name", "127.0.0.1"]]) {
  test(`an untrusted TLS certificate (${what}) fails at once, not retried, saying what to do; later requests to that host fail at once`, { timeout: 60_000 }, async (t) => {
    const dir = tempDir("tls-untrusted");
    try {
      const creds = selfSigned(dir.dir, cn);
      if (!creds) return t.skip("openssl is not installed: cannot make a certificate");
      const srv = await untrustedServer(creds);
      const retries: RetryInfo[] = [];
      // the default backoff: five retries of a certificate error took 38 s
      const client = new HttpClient({ onRetry: (r) => retries.push(r) });
      try {
        const t0 = Date.now();
        await assert.rejects(client.request(`${srv.base}/netdev/a/t.mbox.gz`), (e: Error) => {
          assert.match(e.message, /TLS certificate/);
          assert.match(e.message, /NODE_EXTRA_CA_CERTS/);
          assert.match(e.message, /threadgraph ingest LIST=PATH/);
          return true;
        });
        assert.equal(retries.length, 0, `retried: ${retries.map((r) => r.reason).join("; ")}`);
        assert.ok(Date.now() - t0 < 10_000, `took ${Date.now() - t0} ms`);
        await assert.rejects(client.request(`${srv.base}/netdev/b/t.mbox.gz`), /TLS certificate/);
        assert.equal(retries.length, 0);
        assert.equal(srv.requests(), 0, "no request ever reached the handler");
      } finally {
        client.close();
        await srv.close();
      }
    } finally {
      dir.cleanup();
    }
  });
}
