// Parser cost on hostile input (test/parse/hostile-cases.ts), as ratios against a baseline
// measured in the same run: parsing a benign message of the same size (1 MiB of ordinary body
// text). Each case also runs at twice the size (a child process with THREADGRAPH_HOSTILE_SCALE=2):
// "growth" is time(2 MiB) / time(1 MiB), about 2 for a linear parser, 4 for a quadratic one.
// Best of 3 runs per case, after a warm-up parse. Run: npm run bench -- parse-hostile
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { HOSTILE_MESSAGES, MIB, fill, hostileCalls, mail } from "../test/parse/hostile-cases.ts";
import { parseMessage } from "../loaders/parse/index.ts";
import { bestOf } from "./timing.ts";

const self = fileURLToPath(import.meta.url);
const ctx = { trackedLists: [] };

const best = (run: () => unknown) => bestOf(run);

/** Child: times of the baseline and every case at this process's scale, as JSON. */
function child(): void {
  const benign = mail([], fill("Some ordinary body text of a patch review, quoted and not.\n", MIB - 4096));
  parseMessage(benign, ctx);
  const out: Record<string, number> = { baseline: best(() => parseMessage(benign, ctx)) };
  for (const c of HOSTILE_MESSAGES) {
    const b = c.bytes();
    out[c.name] = best(() => parseMessage(b, ctx));
  }
  for (const c of hostileCalls()) out[c.name] = best(c.run);
  console.log(JSON.stringify(out));
}

function run(scale: number): Record<string, number> {
  const r = spawnSync(process.execPath, ["--import", "tsx", self, "--child"], {
    env: { ...process.env, THREADGRAPH_HOSTILE_SCALE: String(scale) }, encoding: "utf8", maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop()!);
}

if (process.argv.includes("--child")) child();
else {
  console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} (the ratios are what to compare)`);
  const one = run(1), two = run(2);
  const base = one.baseline;
  console.log(`baseline: benign 1 MiB message ${base.toFixed(1)} ms`);
  const rows = Object.keys(one).filter((k) => k !== "baseline").map((k) => ({
    case: k, ms: +one[k].toFixed(1), "x baseline": +(one[k] / base).toFixed(1), growth: +(two[k] / Math.max(one[k], 0.05)).toFixed(1),
  }));
  rows.sort((a, b) => b.ms - a.ms);
  console.table(rows);
  const worst = rows[0];
  console.log(JSON.stringify({ baseline_ms: +base.toFixed(1), cases: rows.length, worst_case: worst.case, worst_ms: worst.ms,
    worst_x_baseline: worst["x baseline"], max_growth: Math.max(...rows.filter((r) => r.ms >= 5).map((r) => r.growth)) }));
}
