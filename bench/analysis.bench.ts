// Benchmark: the whole analysis refresh (read the store, threads, graph, metrics with
// betweenness, layout, responsiveness and reviews, derived tables, every page artifact written)
// against its baseline, the ingest (--no-analyze) of the same corpus measured in the same run.
// Two sizes: one half-year (the 2024-h2 corpus, ~18k messages) and twelve half-years (~210k
// messages, 2019-2024), both made by bench/scaled-corpus.ts from ../shared and kept in a temp dir.
// Target: analysis <= 0.4x ingest at ~200k messages, and a cost per message about flat from 18k.
// Each ingest and analysis runs in its own process (clean peak RSS); CPU times are given beside
// wall times because on a shared machine wall time swings with the load.
//   THREADGRAPH_BENCH_COPIES=1,12   the sizes, in half-year copies
//   THREADGRAPH_BENCH_DIR=DIR       keep the generated corpora there and reuse them (stores are always re-ingested)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runAnalysis } from "../loaders/analysis/run.ts";
import { SiteDirSink } from "../loaders/analysis/site-sink.ts";
import { threadShardStats } from "../loaders/analysis/thread-shards-job.ts";
import { layoutStats } from "../loaders/analysis/layout-job.ts";
import { quarterStats } from "../loaders/analysis/graph-buckets.ts";
import { jobWorkerStats } from "../loaders/analysis/job-worker.ts";
import { graphExportStats } from "../loaders/analysis/graph-exports-job.ts";
import { writeScaledCorpus } from "./scaled-corpus.ts";
import { NODE_FLAGS } from "../loaders/commands/node-flags.ts";

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];
// derived runs in DuckDB's threads beside the artifacts (its JS part interleaved with them), the
// layout on a worker thread: the waits are what is left of them on the main thread.
// "a:NAME" are the artifact builders inside "artifacts" (a:threads includes a:thread shards, a:people
// a:person shards and a:search); "affiliations" (compute and write; its store reads start right after
// "read", beside the corpus analysis) runs after "derived" in the same chain.
const STAGES = ["read", "threads", "graph", "metrics", "layout", "responsiveness+reviews", "series", "people", "derived", "affiliations", "artifacts",
  "a:threads", "a:thread shards", "a:people", "a:person shards", "a:search", "a:reviews",
  "a:series", "a:facts", "a:graph", "quarters wait", "a:buckets", "layout wait", "graph exports wait", "derived wait", "affiliation files"];
const self = fileURLToPath(import.meta.url);

/** CPU time of finished child processes (Linux /proc: cutime + cstime), in ms. */
function childrenCpuMs(): number {
  const f = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
}

/** CPU time of this process's main thread so far (Linux /proc: utime + stime of the task whose id is the pid), in ms; null elsewhere. */
function mainThreadCpuMs(): number | null {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

async function child(store: string, out: string): Promise<void> {
  const t0 = performance.now(), main0 = mainThreadCpuMs();
  // As a refresh does: each file written into the site directory as it is made (no "write" stage left).
  rmSync(out, { recursive: true, force: true });
  const r = await runAnalysis({ storeDir: store, writeDerived: true, lists: LISTS, window: {}, sink: new SiteDirSink(out) });
  const timings = r.timings;
  const total = performance.now() - t0, main1 = mainThreadCpuMs();
  const u = process.resourceUsage();
  const meta = JSON.parse(r.files.get("meta.json")!);
  console.log(JSON.stringify({ messages: meta.counts.messages, people: meta.counts.people, graph_people: meta.counts.graph_people,
    reply_edges: meta.counts.reply_edges, betweenness_exact: r.analysis.metrics.betweennessExact, files: r.files.size,
    graph_json_gz_mb: +(gzipSync(readFileSync(join(out, "graph.json"))).length / 1e6).toFixed(2),
    total_ms: Math.round(total), cpu_ms: Math.round((u.userCPUTime + u.systemCPUTime) / 1000),
    main_cpu_ms: main0 === null || main1 === null ? null : Math.round(main1 - main0), shard_worker_cpu_ms: threadShardStats.workerCpuMs,
    layout_worker_cpu_ms: layoutStats.workerCpuMs, quarters_worker_cpu_ms: quarterStats.workerCpuMs, exports_worker_cpu_ms: graphExportStats.workerCpuMs, job_worker_cpu_ms: jobWorkerStats.threadCpuMs, peak_rss_mb: Math.round(u.maxRSS / 1024), timings }));
}

function run(args: string[]): { ms: number; cpuMs: number; stdout: string } {
  const cpu0 = childrenCpuMs(), t0 = performance.now();
  // Launched as the product launches the CLI (package.json scripts, bin/threadgraph.js): same V8 flags for ingest and analysis.
  const r = spawnSync(process.execPath, [...NODE_FLAGS, "--import", "tsx", ...args], { encoding: "utf8", maxBuffer: 1 << 26, stdio: ["ignore", "pipe", "inherit"] });
  if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status})`);
  return { ms: performance.now() - t0, cpuMs: childrenCpuMs() - cpu0, stdout: r.stdout };
}

/** A worker job's CPU in s, "-" when none ran there. */
const cpu = (ms: number | null | undefined) => (ms == null ? "-" : (ms / 1000).toFixed(1));

async function main() {
  const i = process.argv.indexOf("--child");
  if (i >= 0) return child(process.argv[i + 1], process.argv[i + 2]);
  const src = resolve("../shared/corpus/2024-h2");
  if (!existsSync(join(src, "netdev.mbox.gz"))) { console.log(`analysis bench skipped: ${src} is absent`); return; }
  const copies = (process.env.THREADGRAPH_BENCH_COPIES ?? "1,12").split(",").map(Number);
  const keep = process.env.THREADGRAPH_BENCH_DIR;
  const base = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), "tg-bench-analysis-"));
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(" ")} (wall-time ratios are only comparable on a quiet machine)`);
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const rows: { copies: number; messages: number; ingest: { ms: number; cpuMs: number }; a: any }[] = [];
  try {
    for (const k of copies) {
      const dir = join(base, `copies-${k}`);
      mkdirSync(dir, { recursive: true });
      let specs = LISTS.map((l) => `${l}=${join(dir, `${l}.mbox.gz`)}`);
      if (!specs.every((x) => existsSync(x.slice(x.indexOf("=") + 1)))) specs = await writeScaledCorpus(src, dir, LISTS, k);
      const store = join(dir, "store");
      rmSync(store, { recursive: true, force: true });
      const ingest = run(["loaders/cli.ts", "ingest", "--no-analyze", "--store", store, ...specs]);
      const a = JSON.parse(run([self, "--child", store, join(dir, "site")]).stdout.trim().split("\n").pop()!);
      rows.push({ copies: k, messages: a.messages, ingest, a });
      console.log(`${k} half-year(s): ${a.messages} messages, ${a.people} people, graph ${a.graph_people} people / ${a.reply_edges} edges ` +
        `(betweenness ${a.betweenness_exact ? "exact" : "sampled"}), ${a.files} files, graph.json ${a.graph_json_gz_mb} MB gzipped`);
      console.log(`  ingest ${s(ingest.ms)} s (CPU ${s(ingest.cpuMs)} s); analysis ${s(a.total_ms)} s (CPU ${s(a.cpu_ms)} s), peak RSS ${a.peak_rss_mb} MB; ` +
        `analysis/ingest ${(a.total_ms / ingest.ms).toFixed(2)} (CPU ${(a.cpu_ms / ingest.cpuMs).toFixed(2)}); target <= 0.4; ` +
        `main thread CPU ${a.main_cpu_ms === null ? "-" : s(a.main_cpu_ms)} s, job worker thread ${a.job_worker_cpu_ms === null ? "-" : s(a.job_worker_cpu_ms)} s ` +
        `(startup included; its jobs: layout ${cpu(a.layout_worker_cpu_ms)} s, quarters ${cpu(a.quarters_worker_cpu_ms)} s, thread shards ${cpu(a.shard_worker_cpu_ms)} s, ` +
        `graph downloads ${cpu(a.exports_worker_cpu_ms)} s)`);
      console.log(`  stages (ms): ${STAGES.map((x) => `${x} ${a.timings[x] ?? "-"}`).join(", ")}`);
    }
    if (rows.length > 1) {
      const [lo, hi] = [rows[0], rows[rows.length - 1]];
      const per = (r: typeof lo, ms: number) => ms / r.messages;
      console.log(`cost per message, ${hi.copies} vs ${lo.copies} half-year(s) (1.0 = linear): analysis ${(per(hi, hi.a.total_ms) / per(lo, lo.a.total_ms)).toFixed(2)} ` +
        `(CPU ${(per(hi, hi.a.cpu_ms) / per(lo, lo.a.cpu_ms)).toFixed(2)}); ingest ${(per(hi, hi.ingest.ms) / per(lo, lo.ingest.ms)).toFixed(2)}`);
      const stage = (x: string) => (lo.a.timings[x] ? ((hi.a.timings[x] ?? 0) / hi.messages / (lo.a.timings[x] / lo.messages)).toFixed(1) : "-");
      console.log(`  per stage (wall; stages after the layout starts share the CPU with its worker and DuckDB): ${STAGES.map((x) => `${x} ${stage(x)}`).join(", ")}`);
    }
  } finally {
    if (!keep) rmSync(base, { recursive: true, force: true });
    else for (const k of copies) rmSync(join(base, `copies-${k}`, "store"), { recursive: true, force: true });
  }
}
await main();
