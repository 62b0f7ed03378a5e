// mbox throughput on ../shared/corpus/2024-h2 (19,420 entries), as ratios against baselines
// measured in this same run:
//   - mailparser simpleParser on a spread sample of the corpus (the issue's 30x baseline);
//   - a bare header split (gunzip + split + find the header end): the floor for any parser;
//   - our source+parse alone, and (when loaders/store/ingest.ts exists) end-to-end ingest into
//     a temp store, each in a child process so its peak RSS is its own, plus an incremental
//     re-run and runs over the first 1/8, 1/4 and 1/2 of the corpus (peak RSS as the corpus grows).
// Run: npm run bench -- mbox
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createGunzip } from "node:zlib";
import { spawnSync } from "node:child_process";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { simpleParser } from "mailparser";
import { openSource } from "../loaders/sources/index.ts";
import { findHeaderEnd } from "../loaders/parse/headers.ts";
import { parseStream } from "../loaders/parse/index.ts";
import { DEFAULT_LISTS } from "../loaders/config.ts";
import type { Source } from "../loaders/model/records.ts";

const CORPUS = "../shared/corpus/2024-h2";
const FILES = ["linux-cxl", "netdev", "linux-rdma"].map((l) => `${l}=${CORPUS}/${l}.mbox.gz`);
const SAMPLE_STEP = 8; // simpleParser is slow: time it on every 8th message (~2,400)
const self = fileURLToPath(import.meta.url);

const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;
const rate = (n: number, ms: number) => Math.round((n * 1000) / ms);

/**
 * CPU time of this process's main thread (Linux /proc; null elsewhere). Under load (other
 * processes on the 2 cores) wall time swings 2-3x between runs; the main thread's CPU time
 * does not, and the main thread (parse + batch building) is what bounds throughput.
 */
function mainThreadCpuMs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return null;
  }
}

/** Child modes print one JSON line: {messages, ms, maxRSS, cpuMs, mainCpuMs}. */
async function child(mode: string, args: string[]): Promise<void> {
  const t0 = performance.now();
  let messages = 0;
  if (mode === "parse") {
    for (const spec of args) {
      for await (const r of parseStream(openSource(spec).read(), { trackedLists: DEFAULT_LISTS })) if (r.parsed || r.error) messages++;
    }
  } else if (mode === "ingest") {
    const [storeDir, limitArg, ...specs] = args;
    const { openStore } = await import("../loaders/store/store.ts");
    const { ingest } = await import("../loaders/pipeline/ingest.ts");
    const store = await openStore(storeDir);
    // A limit reads only the first N entries of the corpus: peak RSS at growing corpus sizes.
    let left = Number(limitArg) || Infinity;
    const capped = (src: Source): Source => ({
      ...src,
      read: async function* (c) { for await (const it of src.read(c)) { if (left-- <= 0) return; yield it; } },
    });
    const sum = await ingest(store, specs.map((sp) => capped(openSource(sp))));
    await store.close();
    messages = sum.sources.reduce((a, s) => a + s.seen + s.deleted, 0);
  }
  const ms = performance.now() - t0;
  const u = process.resourceUsage();
  console.log(JSON.stringify({ messages, ms, maxRSS: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, mainCpuMs: mainThreadCpuMs() }));
}

interface ChildResult { messages: number; ms: number; maxRSS: number; cpuMs: number; mainCpuMs: number | null }

const cpu = (r: ChildResult) => `CPU ${(r.cpuMs / 1000).toFixed(1)} s (main thread ${r.mainCpuMs === null ? "?" : (r.mainCpuMs / 1000).toFixed(1)} s)`;

function runChild(mode: string, args: string[]): ChildResult {
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child", mode, ...args], { encoding: "utf8", maxBuffer: 1 << 24 });
  const line = r.stdout.trim().split("\n").pop() ?? "";
  if (r.status !== 0 || !line.startsWith("{")) throw new Error(`child ${mode} failed (${r.status ?? r.signal}): ${r.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

async function main() {
  if (!existsSync(CORPUS)) {
    console.log(`SKIP mbox bench: ${CORPUS} absent`);
    return;
  }
  // Baseline 1: bare header split over the whole corpus.
  let t = performance.now();
  let total = 0;
  const sample: Buffer[] = [];
  for (const spec of FILES) {
    for await (const it of openSource(spec).read()) {
      if (it.kind !== "message") continue;
      findHeaderEnd(it.bytes);
      if (total++ % SAMPLE_STEP === 0) sample.push(it.bytes);
    }
  }
  const splitMs = performance.now() - t;
  console.log(`corpus: ${total} entries`);
  console.log(`load average at start: ${loadavg().map((x) => x.toFixed(1)).join(" ")} (ratios are only comparable on a quiet machine)`);
  console.log(`baseline bare header split: ${rate(total, splitMs)} msg/s (${splitMs.toFixed(0)} ms)`);

  // Floor 2: gunzip alone (zlib, no split), the cost no mbox.gz ingest can avoid. On one core
  // this bounds any end-to-end ratio from above, whatever the parser does.
  t = performance.now();
  let raw = 0;
  for (const spec of FILES) {
    for await (const c of createReadStream(spec.slice(spec.indexOf("=") + 1)).pipe(createGunzip())) raw += (c as Buffer).length;
  }
  const gzMs = performance.now() - t;
  console.log(`floor gunzip only: ${rate(total, gzMs)} msg/s (${gzMs.toFixed(0)} ms for ${mb(raw)})`);

  // Baseline 2: simpleParser on the sample (in memory, so only parsing is timed). The ratio uses
  // the conservative (faster) run with mailparser's optional text conversions switched off; the
  // default options (what "parse each message with simpleParser" does out of the box) are shown too.
  const timeSimpleParser = async (opts: object) => {
    const t0 = performance.now();
    for (const b of sample) await simpleParser(b, opts);
    return (sample.length * 1000) / (performance.now() - t0);
  };
  const spRate = await timeSimpleParser({ skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const spDefault = await timeSimpleParser({});
  console.log(`baseline mailparser simpleParser: ${Math.round(spRate)} msg/s with text conversions off, ${Math.round(spDefault)} msg/s with default options (sample ${sample.length} messages)`);
  console.log(`ceiling on one core: gunzip alone is ${(rate(total, gzMs) / spRate).toFixed(1)}x simpleParser, the bare split ${(rate(total, splitMs) / spRate).toFixed(1)}x`);

  // Ours: source + parse, whole corpus (child process: own peak RSS).
  const p = runChild("parse", FILES);
  const pRate = rate(p.messages, p.ms);
  console.log(`source+parse: ${pRate} msg/s (${p.messages} msgs, ${p.ms.toFixed(0)} ms), ${(pRate / spRate).toFixed(1)}x simpleParser, peak RSS ${mb(p.maxRSS)}, ${cpu(p)}`);

  if (!existsSync(new URL("../loaders/store/ingest.ts", import.meta.url))) {
    console.log("end-to-end: loaders/store/ingest.ts not present yet; source+parse only");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "tg-bench-store-"));
  try {
    const full = runChild("ingest", [join(dir, "all"), "0", ...FILES]);
    const fRate = rate(full.messages, full.ms);
    console.log(`ingest end-to-end (3 files): ${fRate} msg/s (${full.messages} entries, ${full.ms.toFixed(0)} ms), ${(fRate / spRate).toFixed(1)}x simpleParser (${(fRate / spDefault).toFixed(1)}x its default options; target >= 30x), peak RSS ${mb(full.maxRSS)}, ${cpu(full)}`);
    const again = runChild("ingest", [join(dir, "all"), "0", ...FILES]);
    console.log(`incremental re-run, nothing new: ${again.ms.toFixed(0)} ms = ${((100 * again.ms) / full.ms).toFixed(1)}% of the full ingest (target < 5%)`);
    const sizes = [0.125, 0.25, 0.5].map((f) => Math.round(total * f));
    const rss = sizes.map((n, i) => runChild("ingest", [join(dir, `part${i}`), String(n), ...FILES]).maxRSS);
    console.log(`peak RSS as the corpus grows: ${sizes.map((n, i) => `${n} entries ${mb(rss[i])}`).join(", ")}, ${total} entries ${mb(full.maxRSS)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ci = process.argv.indexOf("--child");
if (ci >= 0) await child(process.argv[ci + 1], process.argv.slice(ci + 2));
else await main();
