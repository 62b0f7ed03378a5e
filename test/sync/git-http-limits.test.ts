// git mode's smart-HTTP path against a hostile loopback server: git's own HTTP reads an epoch's
// ref advertisement whole, with no byte or time limit, and follows redirects to any host. The
// epoch is probed through the HttpClient first, so an endless or bomb advertisement, a drip, a
// redirect (reported with its Location, the other host never asked) or an HTML page ends at
// once with a clear error, and git never starts. Synthetic server only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { HttpClient } from "../../loaders/sources/lore/http-client.ts";
import { mirrorEpoch } from "../../loaders/sync/git-mode.ts";
import { startHostileServer, type Behaviour } from "./hostile-server.ts";
import { tempDir } from "./fixture.ts";

const MiB = 1 << 20;

async function mirrorAgainst(b: (other: string) => Behaviour) {
  const other = await startHostileServer(() => ({ kind: "status", status: 404 }));
  const srv = await startHostileServer(() => b(other.base));
  const client = new HttpClient({ backoffMs: 20, maxResponseBytes: 4 * MiB, deadlineMs: 3000 });
  const t = tempDir("git-probe");
  const t0 = Date.now();
  try {
    const dest = join(t.dir, "0.git");
    const error = await mirrorEpoch(`${srv.base}/l/`, 0, dest, undefined, client).then(() => undefined, (e: Error) => e);
    return { error, ms: Date.now() - t0, otherAsked: other.log.length, asked: srv.log.map((r) => r.url), cloned: existsSync(dest) };
  } finally {
    client.close();
    await srv.close();
    await other.close();
    t.cleanup();
  }
}

const cases: { name: string; b: (other: string) => Behaviour; error: RegExp }[] = [
  { name: "an endless ref advertisement", b: () => ({ kind: "endless-raw" }), error: /\/l\/0\/info\/refs\?service=git-upload-pack: .*(limit|too large|MiB)/i },
  { name: "a gzip bomb as the ref advertisement", b: () => ({ kind: "bomb", members: 20, memberMiB: 10 }), error: /\/l\/0\/info\/refs\?service=git-upload-pack: no git ref advertisement instead of the epoch's git refs/ },
  { name: "a drip", b: () => ({ kind: "drip", everyMs: 50 }), error: /\/l\/0\/info\/refs\?service=git-upload-pack: no complete response within the 3 s deadline/ },
  {
    name: "a redirect to another host", b: (other) => ({ kind: "redirect", status: 302, location: `${other}/elsewhere/0/info/refs?service=git-upload-pack` }),
    error: /\/l\/0\/info\/refs\?service=git-upload-pack: redirected \(HTTP 302\) to http:\/\/127\.0\.0\.1:\d+\/elsewhere\/0\/info\/refs/,
  },
  { name: "an HTML page with 200", b: () => ({ kind: "status", status: 200, type: "text/html", body: "<html><title>Making sure you're not a bot!</title></html>" }), error: /an HTML page instead of the epoch's git refs/ },
];

for (const c of cases) {
  test(`git mode: ${c.name} at an epoch ends at once with a clear error, before git runs`, { timeout: 60_000 }, async () => {
    const r = await mirrorAgainst(c.b);
    assert.ok(r.error, "must fail");
    assert.match(r.error!.message, c.error);
    assert.equal(r.otherAsked, 0, "the redirect target is never asked");
    assert.equal(r.cloned, false);
    // only the probe reached the server: git (which would follow or swallow it) never started
    assert.deepEqual(r.asked, ["/l/0/info/refs?service=git-upload-pack"]);
    assert.ok(r.ms < 30_000, `${r.ms} ms`);
  });
}
