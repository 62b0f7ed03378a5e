// Peak memory and run time of a whole sync against a hostile server: gzip bombs (10 MB that
// expand to 10 GiB, for search slices and for git mode's manifest.js.gz), endless bodies, a
// drip that never ends, a flood of messages that ignores the date range, next to a list whose slices hold big but valid mail (11 MiB each). The
// sync runs in a child process (rss-child.ts) with the default byte limit; its peak RSS must stay
// under 500 MB, every hostile list must end with a clear failure and the valid one must be stored.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { datedForQuery, startHostileServer, syntheticMbox, type Behaviour } from "./hostile-server.ts";
import { tempDir } from "./fixture.ts";

const LIMIT_MIB = 500;

const behaviours: Record<string, Behaviour> = {
  bomb: { kind: "bomb", fill: "mbox" },
  zeros: { kind: "bomb", fill: "zeros" },
  "endless-gzip": { kind: "endless-gzip" },
  "endless-raw": { kind: "endless-raw" },
  drip: { kind: "drip", everyMs: 100 },
  gitbomb: { kind: "bomb", fill: "mbox" },
  // the same 6,000 tiny messages whatever the date range: looks capped at every split
  flood: { kind: "gzip", body: syntheticMbox(6000, "flood", 3) },
};

function runChild(args: object): Promise<{ out: string; err: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ["--import", "tsx", join(import.meta.dirname, "rss-child.ts"), JSON.stringify(args)], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "", err = "";
    p.stdout.on("data", (c) => { out += c; });
    p.stderr.on("data", (c) => { err += c; });
    p.on("error", reject);
    p.on("close", (code) => resolve({ out, err, code }));
  });
}

test(`a sync against bombs, endless bodies and a drip ends, fails clearly, and peaks under ${LIMIT_MIB} MB RSS`, { timeout: 120_000 }, async () => {
  // made before the sync starts, so that serving them does not stall the server's event loop
  const bigBodies = Array.from({ length: 6 }, (_, i) => syntheticMbox(8, `big${i}`, 1 << 20));
  let big = 0;
  const srv = await startHostileServer((r) => {
    const name = r.url.split("/")[1];
    if (name === "big") return { kind: "gzip", body: datedForQuery(bigBodies[big++ % bigBodies.length], r.url) }; // dated in the slice asked for
    return behaviours[name] ?? { kind: "status", status: 404 };
  });
  const t = tempDir("hostile-rss");
  try {
    const lists = [...Object.keys(behaviours), "big"].map((name) => ({
      name, address: `${name}@example.org`, inbox: `${srv.base}/${name}/`, mode: name === "gitbomb" ? "git" as const : "http" as const,
    }));
    const t0 = Date.now();
    const r = await runChild({
      store: join(t.dir, "store"), archives: join(t.dir, "archives"), lists, since: "2024-07-01", until: "2024-08-01",
      // default byte limit; a short deadline so the drip costs seconds, not minutes, yet long
      // enough that decoding a bomb up to the byte limit ends first on a loaded machine (at a
      // load of 24 on 2 cores, 3 s was not: the bomb was reported as a deadline)
      http: { deadlineMs: 10_000, backoffMs: 50 }, abortMiB: 1500,
    });
    const ms = Date.now() - t0;
    const line = r.out.trim().split("\n").pop() ?? "";
    const res = JSON.parse(line || "{}");
    console.log(`# hostile sync: peak RSS ${res.maxRssMiB} MiB, ${ms} ms, ${srv.log.length} requests`);
    assert.ok(!res.aborted, `the child passed ${res.maxRssMiB} MiB and was stopped`);
    assert.equal(r.code, 0, r.err);
    assert.ok(res.maxRssMiB < LIMIT_MIB * 1e6 / (1 << 20), `peak RSS ${res.maxRssMiB} MiB`);
    assert.equal(res.ok, false);
    const failure = (n: string) => (res.lists as { list: string; failure?: string }[]).find((l) => l.list === n)?.failure ?? "";
    assert.match(failure("bomb"), /a gzip bomb/);
    assert.match(failure("zeros"), /a gzip that holds no mbox/);
    assert.match(failure("endless-gzip"), /32 MiB limit/);
    assert.match(failure("endless-raw"), /32 MiB limit \(more than 32 MiB received/);
    assert.match(failure("drip"), /deadline per request/);
    assert.match(failure("gitbomb"), /manifest\.js\.gz: a gzip bomb/);
    assert.match(failure("flood"), /still 5000 messages or more after 64 splits in this run/);
    const flood = srv.log.filter((l) => l.url.startsWith("/flood/")).length;
    assert.ok(flood <= 64 * 2 + 8, `flood: ${flood} requests`);
    const bigRow = (res.lists as { list: string; new: number; failure?: string }[]).find((l) => l.list === "big")!;
    assert.equal(bigRow.failure, undefined);
    assert.ok(big <= bigBodies.length, `${big} big slices`);
    assert.equal(bigRow.new, 8 * big, "every big slice stored");
    for (const n of ["bomb", "zeros", "endless-raw", "drip"]) {
      const urls = srv.log.filter((l) => l.url.startsWith(`/${n}/`)).map((l) => l.url);
      assert.equal(new Set(urls).size, urls.length, `${n}: no request repeated (${urls.length})`);
      assert.ok(urls.length <= 5, `${n}: stopped after a few failed slices, made ${urls.length} requests`);
    }
    assert.ok(ms < 60_000, `took ${ms} ms`);
  } finally {
    await srv.close();
    t.cleanup();
  }
});
