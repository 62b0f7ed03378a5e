// Every way the product starts a threadgraph process runs it with NODE_FLAGS (loaders/commands/node-flags.ts):
// the npm scripts that run the CLI, bin/threadgraph.js (which starts node again with them), the
// Framework processes that run the data loaders, and the benches' spawns (the analysis bench's ratio
// is only honest if ingest and analysis run as users run them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { hasNodeFlags, NODE_FLAGS, withNodeFlags } from "../../loaders/commands/node-flags.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const flags = NODE_FLAGS.join(" ");
const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

test("each npm script that runs the CLI passes NODE_FLAGS to node; dev and build pass them to Framework's processes", () => {
  const cli = Object.entries(scripts).filter(([, s]) => s.includes("loaders/cli.ts"));
  assert.ok(cli.length >= 5, "the CLI scripts are found");
  for (const [name, s] of cli) assert.ok(s.startsWith(`tsx ${flags} loaders/cli.ts`), `script ${name}: ${s}`);
  for (const name of ["dev", "build"]) assert.ok(scripts[name].includes(`NODE_OPTIONS=\\"${flags} $NODE_OPTIONS\\" observable `) ||
    scripts[name].includes(`NODE_OPTIONS="${flags} $NODE_OPTIONS" observable `), `script ${name}: ${scripts[name]}`);
});

test("bin/threadgraph.js started without NODE_FLAGS runs the CLI in a node started with them, with the same output and status", () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-node-flags-"));
  try {
    // A preload that reports each process' node arguments (the launcher's, then the relaunched one's).
    const preload = join(dir, "report.cjs");
    writeFileSync(preload, `process.stderr.write("EXECARGV " + JSON.stringify(process.execArgv) + "\\n");\n`);
    const env = { ...process.env, NODE_OPTIONS: `--require ${preload}` };
    const r = spawnSync(process.execPath, [join(ROOT, "bin/threadgraph.js"), "--help"], { encoding: "utf8", env });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /usage/i);
    const seen = r.stderr.split("\n").filter((l) => l.startsWith("EXECARGV ")).map((l) => JSON.parse(l.slice(9)) as string[]);
    // (tsx's loader thread loads the preload too: each process may report twice)
    assert.ok(!seen[0].includes(NODE_FLAGS[0]) && seen.at(-1)!.includes(NODE_FLAGS[0]), JSON.stringify(seen));
    // A usage error's status comes through the relaunch unchanged (cli.test.ts compares it with the in-process one).
    assert.equal(spawnSync(process.execPath, [join(ROOT, "bin/threadgraph.js"), "frobnicate"], { encoding: "utf8" }).status, 2);
    // Started with the flags, it runs the CLI itself: no process without them.
    const once = spawnSync(process.execPath, [...NODE_FLAGS, join(ROOT, "bin/threadgraph.js"), "--help"], { encoding: "utf8", env });
    const onceSeen = once.stderr.split("\n").filter((l) => l.startsWith("EXECARGV ")).map((l) => JSON.parse(l.slice(9)) as string[]);
    assert.ok(onceSeen.length > 0 && onceSeen.every((a) => a.includes(NODE_FLAGS[0])), once.stderr);
    assert.equal(once.status, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("hasNodeFlags reads node's arguments and NODE_OPTIONS; withNodeFlags adds the flags once, keeping the user's options", () => {
  assert.equal(hasNodeFlags([], ""), false);
  assert.equal(hasNodeFlags([...NODE_FLAGS], ""), true);
  assert.equal(hasNodeFlags([], `--max-old-space-size=4096 ${flags}`), true);
  assert.equal(withNodeFlags({}).NODE_OPTIONS, flags);
  assert.equal(withNodeFlags({ NODE_OPTIONS: "--max-old-space-size=4096" }).NODE_OPTIONS, `${flags} --max-old-space-size=4096`);
  assert.equal(withNodeFlags({ NODE_OPTIONS: `--trace-gc ${flags}` }).NODE_OPTIONS, `--trace-gc ${flags}`);
  assert.match(readFileSync(join(ROOT, "loaders/commands/start.ts"), "utf8"), /const env = withNodeFlags\(/, "start's Framework preview gets them");
});

test("the benches spawn the CLI and the analysis with NODE_FLAGS", () => {
  for (const f of ["bench/analysis.bench.ts", "bench/series.bench.ts"]) {
    const spawns = readFileSync(join(ROOT, f), "utf8").split("\n").filter((l) => /spawn(Sync)?\(process\.execPath/.test(l));
    assert.ok(spawns.length > 0, f);
    for (const l of spawns) assert.match(l, /\[\.\.\.NODE_FLAGS, "--import", "tsx"/, `${f}: ${l.trim()}`);
  }
});
