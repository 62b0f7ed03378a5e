// Benchmark: threads + graph + metrics (with betweenness) + every page artifact on the 2024-h2
// corpus, at 25/50/100% of it (by date), each fraction in its own process for a clean peak RSS.
// Baseline (same run, same machine): JSON round-trip of the full corpus; times are also given
// as ratios to it. Set THREADGRAPH_BENCH_STORE to reuse an ingested store.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { openStore } from "../loaders/store/store.ts";
import { readCorpus } from "../loaders/analysis/store-io.ts";
import { analyzeCorpus } from "../loaders/analysis/analyze.ts";
import { siteFiles } from "../loaders/analysis/site.ts";

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];
const self = fileURLToPath(import.meta.url);

async function child(store: string, fraction: number): Promise<void> {
  const s = await openStore(store);
  const corpus = await readCorpus(s, LISTS);
  await s.close();
  const sorted = [...corpus.messages].sort((a, b) => (a.date ?? 0) - (b.date ?? 0));
  const messages = sorted.slice(0, Math.round(sorted.length * fraction));
  const sub = { ...corpus, messages };
  let t = performance.now();
  JSON.parse(JSON.stringify(corpus.messages));
  const baseline = performance.now() - t;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 20);
  t = performance.now();
  const a = analyzeCorpus(sub);
  const files = siteFiles(a, "bench", Date.now());
  const total = performance.now() - t;
  peak = Math.max(peak, process.memoryUsage().rss);
  clearInterval(timer);
  const graphGz = gzipSync(files.get("graph.json")!).length;
  console.log(JSON.stringify({ fraction, messages: messages.length, total_ms: Math.round(total), baseline_ms: Math.round(baseline),
    ratio: +(total / baseline).toFixed(1), peak_rss_mb: Math.round(peak / 1e6), rss_before_mb: Math.round(rss0 / 1e6),
    nodes: a.graph.order, edges: a.graph.size, betweenness_exact: a.metrics.betweennessExact, files: files.size,
    graph_json_gz_mb: +(graphGz / 1e6).toFixed(2), timings: a.timings }));
}

async function main() {
  const i = process.argv.indexOf("--child");
  if (i >= 0) return child(process.argv[i + 1], Number(process.argv[i + 2]));
  const corpus = resolve("../shared/corpus/2024-h2");
  if (!existsSync(join(corpus, "netdev.mbox.gz"))) { console.log(`analysis bench skipped: ${corpus} is absent`); return; }
  let store = process.env.THREADGRAPH_BENCH_STORE;
  let tmp: string | null = null;
  if (!store) {
    tmp = mkdtempSync(join(tmpdir(), "tg-bench-analysis-"));
    store = join(tmp, "store");
    const r = spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", "ingest", "--store", store,
      ...LISTS.map((l) => `${l}=${join(corpus, `${l}.mbox.gz`)}`)], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error("ingest failed");
  }
  try {
    console.log("fraction  messages  total_s  x_baseline  peak_rss_MB  nodes  edges  graph.json.gz_MB  (threads/graph/metrics/layout ms)");
    for (const f of [0.25, 0.5, 1]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child", store, String(f)], { encoding: "utf8" });
      if (r.status !== 0) throw new Error(r.stderr);
      const j = JSON.parse(r.stdout.trim().split("\n").pop()!);
      const t = j.timings;
      console.log(`${String(f).padEnd(8)}  ${String(j.messages).padStart(8)}  ${(j.total_ms / 1000).toFixed(2).padStart(7)}  ${String(j.ratio).padStart(10)}  ` +
        `${String(j.peak_rss_mb).padStart(11)}  ${String(j.nodes).padStart(5)}  ${String(j.edges).padStart(5)}  ${String(j.graph_json_gz_mb).padStart(16)}  ` +
        `(${t.threads}/${t.graph}/${t.metrics}/${t.layout}; baseline ${j.baseline_ms} ms; betweenness ${j.betweenness_exact ? "exact" : "sampled"})`);
    }
  } finally {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}
await main();
