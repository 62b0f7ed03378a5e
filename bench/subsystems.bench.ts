// Benchmark: what the subsystem/organisation steps (#9) add, as ratios measured in one run on the
// 2024-h2 corpus (../shared/corpus/2024-h2, ~18k messages) with ../shared/maintainers/MAINTAINERS.
// - Ingest: the one new ingest step is reading the files of each diff (diffFiles, in parse). It is
//   timed alone on the same bodies, and given as a ratio to single-threaded parse (worst case:
//   parse without any other ingest work) and to the whole ingest (upper bound: as if it all ran
//   on the critical path; the parse workers share it).
// - Analysis: runAnalysis without MAINTAINERS vs with it (interleaved, best of three each, wall and
//   CPU time), same store.
//   Without MAINTAINERS the list/home-list/organisation part still runs; its own time is printed.
//   One warm-up analysis first, then the two settings interleaved.
// Target: <= 1.25x for both.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { mboxSource } from "../loaders/sources/mbox.ts";
import { openSource } from "../loaders/sources/index.ts";
import { parseMessage } from "../loaders/parse/message.ts";
import { diffFiles } from "../loaders/parse/diff-files.ts";
import { ingest, trackedLists } from "../loaders/pipeline/ingest.ts";
import { openStore } from "../loaders/store/store.ts";
import { runAnalysis } from "../loaders/analysis/run.ts";
import { SHARED } from "../test/helpers/shared.ts";

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];
const MAINT = join(SHARED, "maintainers/MAINTAINERS");
const mbox = (l: string) => join(SHARED, `corpus/2024-h2/${l}.mbox.gz`);

async function main(): Promise<void> {
  if (!existsSync(MAINT) || !LISTS.every((l) => existsSync(mbox(l)))) { console.log(`subsystems bench skipped: ${SHARED} absent`); return; }
  // Ingest step: parse with diffFiles vs diffFiles alone.
  const bodies: Buffer[] = [];
  for (const l of LISTS) for await (const it of mboxSource(mbox(l)).read()) if (it.kind === "message") bodies.push(it.bytes);
  const ctx = { trackedLists: trackedLists() };
  for (const b of bodies.slice(0, 500)) parseMessage(b, ctx); // warm-up
  let t = performance.now();
  let files = 0;
  for (const b of bodies) files += parseMessage(b, ctx).files?.length ?? 0;
  const parseMs = performance.now() - t;
  t = performance.now();
  for (const b of bodies) {
    const s = b.indexOf("\n+++ ") >= 0 || b.indexOf("diff --git ") >= 0 ? diffFiles(b.toString("utf8")) : [];
    if (s.length < 0) throw new Error("unreachable");
  }
  const diffMs = performance.now() - t;

  const dir = mkdtempSync(join(tmpdir(), "tg-subsys-bench-"));
  try {
    const storeDir = join(dir, "store");
    const store = await openStore(storeDir);
    t = performance.now();
    await ingest(store, LISTS.map((l) => openSource(`${l}=${mbox(l)}`)));
    const ingestMs = performance.now() - t;
    await store.close();
    const run = async (maintainers: string | null) => {
      const s = performance.now(), c0 = process.cpuUsage();
      const r = await runAnalysis({ storeDir, writeDerived: true, lists: LISTS, window: {}, maintainers });
      const c = process.cpuUsage(c0);
      // CPU of the whole process (DuckDB's and the layout worker's threads included): under load, wall time swings 2x, CPU much less.
      return { ms: performance.now() - s, cpu: (c.user + c.system) / 1000, step: r.timings.affiliations ?? 0, status: r.affiliations?.status };
    };
    await run(null); // warm-up: the first analysis in a process pays for loading and JIT
    // Interleaved, best of ROUNDS each: a load swing on the shared machine hits both alike.
    const ROUNDS = Number(process.env.THREADGRAPH_BENCH_ROUNDS ?? 3);
    const ws: Awaited<ReturnType<typeof run>>[] = [], ms: typeof ws = [];
    for (let i = 0; i < ROUNDS; i++) { ws.push(await run(null)); ms.push(await run(MAINT)); }
    const least = (xs: typeof ws, k: "ms" | "cpu") => xs.reduce((a, b) => (b[k] < a[k] ? b : a));
    const without = least(ws, "ms"), withM = least(ms, "ms");
    const cpuWithout = least(ws, "cpu").cpu, cpuWith = least(ms, "cpu").cpu;
    console.log(JSON.stringify({
      messages: bodies.length, files_parsed: files,
      parse_ms: Math.round(parseMs), diff_files_ms: Math.round(diffMs),
      x_parse_with_diff_files: +(parseMs / Math.max(1, parseMs - diffMs)).toFixed(3),
      ingest_ms: Math.round(ingestMs),
      // Upper bound: as if the whole diff step ran on the ingest's critical path (the parse workers
      // share it in fact). The ingest without it cannot be run: the step is part of parse.
      x_ingest_upper_bound: +(ingestMs / Math.max(1, ingestMs - diffMs)).toFixed(3),
      analysis_without_ms: Math.round(without.ms), affiliation_step_without_ms: without.step,
      analysis_with_ms: Math.round(withM.ms), affiliation_step_with_ms: withM.step, status_with: withM.status,
      x_analysis_with_maintainers: +(withM.ms / without.ms).toFixed(3),
      analysis_cpu_without_ms: Math.round(cpuWithout), analysis_cpu_with_ms: Math.round(cpuWith),
      x_analysis_cpu_with_maintainers: +(cpuWith / cpuWithout).toFixed(3),
      x_analysis_per_round: ms.map((m, i) => +(m.ms / ws[i].ms).toFixed(3)),
      load_average: (await import("node:os")).loadavg().map((x) => +x.toFixed(1)),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
