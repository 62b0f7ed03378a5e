// Benchmark: what the series lifecycle adds to the analysis refresh. In one process, on one
// store: the whole refresh (runAnalysis: read, analysis, derived tables, every artifact) and,
// on the same analysis, the series work alone (loaders/series + analysis/series.ts, series.json,
// the series parts of the detail files, the series and revision_groups tables). Ratio = whole /
// (whole - series): the analysis with it against the analysis without it. Target <= 1.2x.
// Medians of REPS runs each. Sizes: THREADGRAPH_BENCH_COPIES=1 (default; 12 = ~210k messages),
// in half-year copies of ../shared/corpus/2024-h2 (bench/scaled-corpus.ts).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import { runAnalysis } from "../loaders/analysis/run.ts";
import { analyzeSeries } from "../loaders/analysis/series.ts";
import { buildSeries, personSeriesIndex, threadSeries } from "../loaders/analysis/build-series.ts";
import { writeSeriesTables } from "../loaders/analysis/series-io.ts";
import { censorAtListEnds, listObservationEnds } from "../loaders/analysis/survival.ts";
import { openStore } from "../loaders/store/store.ts";
import { artifactJson } from "../loaders/analysis/bounded.ts";
import { writeScaledCorpus } from "./scaled-corpus.ts";
import { NODE_FLAGS } from "../loaders/commands/node-flags.ts";

const LISTS = ["linux-cxl", "netdev", "linux-rdma"];
const REPS = Number(process.env.THREADGRAPH_BENCH_REPS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const src = resolve("../shared/corpus/2024-h2");
  if (!existsSync(join(src, "netdev.mbox.gz"))) { console.log(`series bench skipped: ${src} is absent`); return; }
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
  const m = resolve("../shared/maintainers/MAINTAINERS");
  const maintainers = existsSync(m) ? m : null;
  console.log(maintainers ? `MAINTAINERS: ${maintainers}` : "MAINTAINERS absent: series computed once (no pw-bot authority from sections)");
  const base = mkdtempSync(join(tmpdir(), "tg-bench-series-"));
  try {
    for (const k of (process.env.THREADGRAPH_BENCH_COPIES ?? "1").split(",").map(Number)) {
      const dir = join(base, `copies-${k}`);
      mkdirSync(dir, { recursive: true });
      const specs = k === 1 ? LISTS.map((l) => `${l}=${join(src, `${l}.mbox.gz`)}`) : await writeScaledCorpus(src, dir, LISTS, k);
      const storeDir = join(dir, "store");
      const ing = spawnSync(process.execPath, [...NODE_FLAGS, "--import", "tsx", "loaders/cli.ts", "ingest", "--no-analyze", "--store", storeDir, ...specs], { stdio: ["ignore", "ignore", "inherit"] });
      if (ing.status !== 0) throw new Error("ingest failed");
      const whole: number[] = [], part: number[] = [];
      let messages = 0, revisions = 0, groups = 0;
      for (let r = 0; r < REPS; r++) {
        let t = performance.now();
        const res = await runAnalysis({ storeDir, writeDerived: true, lists: LISTS, window: {}, ...(maintainers ? { maintainers } : {}) });
        whole.push(performance.now() - t);
        const a = res.analysis;
        messages = a.corpus.messages.length;
        // The series work alone, on the same analysis: as analyzeCorpus, site.ts and store-io.ts do it.
        const store = await openStore(storeDir);
        try {
          t = performance.now();
          const sourceList = new Map(a.corpus.sources.map((x) => [x.source, x.list]));
          const ends = listObservationEnds(a.corpus.messages, (i) => (a.corpus.messages[i].sources ?? []).map((x) => sourceList.get(x)).filter((l): l is string => !!l));
          // With MAINTAINERS the run computes the series twice (pw-bot authority needs the sections) and writes the tables twice.
          const first = analyzeSeries(a.corpus, a.tr, a.reviews, (id) => a.bots.has(id), censorAtListEnds(ends, a.windowEnd ?? 0));
          const s = maintainers ? first.recompute() : first;
          if (maintainers) await writeSeriesTables(store, { ...a, series: first });
          artifactJson(buildSeries({ ...a, series: s }));
          // Every thread and person has page data (analysis/shards.ts).
          for (const t of a.tr.threads) artifactJson(threadSeries({ ...a, series: s }, t.id));
          const seriesOf = personSeriesIndex({ ...a, series: s });
          for (const p of a.corpus.people) artifactJson(seriesOf(p.id));
          await writeSeriesTables(store, { ...a, series: s });
          part.push(performance.now() - t);
          revisions = s.lifecycle.revisions.length; groups = s.groups.length;
        } finally {
          await store.close();
        }
      }
      const w = median(whole), p = median(part);
      console.log(`${k} half-year(s): ${messages} messages, ${revisions} revisions in ${groups} groups`);
      console.log(`  whole refresh ${(w / 1000).toFixed(2)} s, series part ${(p / 1000).toFixed(2)} s (medians of ${REPS}); ` +
        `with/without series ${(w / (w - p)).toFixed(3)}x; target <= 1.2x`);
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
