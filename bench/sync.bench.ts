// Benchmark: a full http-mode sync of the 2024-h2 corpus (linux-cxl, netdev, linux-rdma inboxes
// on a REAL local public-inbox-httpd) into a fresh store, against a plain sequential `curl` of
// the very same slice URLs, measured in the same run. Target: sync wall time <= 1.3x curl.
// The inboxes are built once and cached under $TMPDIR/threadgraph-pi-cache (the first run of
// netdev takes several minutes: public-inbox-index).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildInbox, skipReason, startServer } from "../test/helpers/public-inbox-server.ts";
import { CORPUS_SPECS } from "../test/sync/fixture.ts";
import { sync } from "../loaders/sync/index.ts";
import { resolveWindow } from "../loaders/model/window.ts";
import { ProgressReporter } from "../loaders/sync/progress.ts";

const TARGET = 1.3;
// SYNC_BENCH_LISTS=linux-cxl for a quick run (netdev's first index takes many minutes).
const LISTS = (process.env.SYNC_BENCH_LISTS ?? "linux-cxl,netdev,linux-rdma").split(",");

async function main(): Promise<number> {
  const skip = skipReason() ?? (spawnSync("which", ["curl"]).status !== 0 ? "curl not installed" : undefined);
  if (skip) {
    console.log(`sync bench: SKIP (${skip})`);
    return 0;
  }
  const specs = LISTS.map((name) => {
    const s = CORPUS_SPECS.find((c) => c.name === name);
    if (!s) throw new Error(`SYNC_BENCH_LISTS: unknown list '${name}' (one of ${CORPUS_SPECS.map((c) => c.name)})`);
    return s;
  });
  const t = Date.now();
  // the very same (cached) inboxes test/sync/corpus-scale.full.test.ts builds, built concurrently
  const inboxes = await Promise.all(specs.map((s) => buildInbox(s)));
  console.log(`inboxes ready in ${((Date.now() - t) / 1000).toFixed(1)} s (cached after the first run)`);
  const server = await startServer(inboxes);
  const tmp = mkdtempSync(join(tmpdir(), "tg-sync-bench-"));
  try {
    const urls: string[] = [];
    const run = async (store: string) => {
      const t0 = process.hrtime.bigint();
      const res = await sync({
        store, archives: join(tmp, "archives"), defaultMode: "http", window: resolveWindow("2024-07-01", "2025-01-01"),
        lists: specs.map((s) => ({ name: s.name, address: s.address, inbox: server.inboxUrl(s.name) })),
        progress: new ProgressReporter({ write: () => true, isTTY: false }),
        http: { onResponse: (r) => { if (r.method === "POST") urls.push(r.url); } },
      });
      if (!res.ok) throw new Error(`sync failed: ${JSON.stringify(res.lists)}`);
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, res };
    };
    const curlAll = (list: string[]) => {
      const t0 = process.hrtime.bigint();
      let bytes = 0;
      for (const u of list) {
        const r = spawnSync("curl", ["-sS", "-X", "POST", "-d", "", "-o", "/dev/null", "-w", "%{size_download}", u], { encoding: "utf8" });
        if (r.status !== 0) throw new Error(`curl ${u}: ${r.stderr}`);
        bytes += Number(r.stdout);
      }
      return { ms: Number(process.hrtime.bigint() - t0) / 1e6, bytes };
    };

    // Warm-up: one sync (records the slice URLs and warms the server's caches), then alternate.
    const warm = await run(join(tmp, "warm"));
    const slices = [...urls];
    const curl1 = curlAll(slices);
    const s1 = await run(join(tmp, "s1"));
    const curl2 = curlAll(slices);
    const s2 = await run(join(tmp, "s2"));
    const curlMs = Math.min(curl1.ms, curl2.ms);
    const syncMs = Math.min(s1.ms, s2.ms);
    const msgs = s1.res.lists.reduce((a, l) => a + l.new, 0);
    const ratio = syncMs / curlMs;
    console.log(`slices: ${slices.length}; messages stored: ${msgs}; compressed bytes: ${(curl1.bytes / 2 ** 20).toFixed(1)} MiB`);
    console.log(`warm-up sync: ${(warm.ms / 1000).toFixed(2)} s`);
    console.log(`sequential curl of the same slices: ${(curl1.ms / 1000).toFixed(2)} s, ${(curl2.ms / 1000).toFixed(2)} s (best ${(curlMs / 1000).toFixed(2)} s)`);
    console.log(`threadgraph sync (fetch + parse + store): ${(s1.ms / 1000).toFixed(2)} s, ${(s2.ms / 1000).toFixed(2)} s (best ${(syncMs / 1000).toFixed(2)} s)`);
    console.log(`ratio sync/curl: ${ratio.toFixed(2)}x (target <= ${TARGET}x) ${ratio <= TARGET ? "PASS" : "FAIL"}`);
    return ratio <= TARGET ? 0 : 1;
  } finally {
    await server.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((c) => { process.exitCode = c; }, (e) => { console.error(e); process.exitCode = 1; });
