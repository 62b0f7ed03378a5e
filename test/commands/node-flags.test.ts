// Every way the product launches a threadgraph process carries NODE_FLAGS (loaders/commands/node-flags.ts):
// the npm scripts that run the CLI, bin/threadgraph.js's shebang, and the benches' spawns of it
// (the analysis bench's ratio is only honest if ingest and analysis run as users run them).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { NODE_FLAGS } from "../../loaders/commands/node-flags.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const flags = NODE_FLAGS.join(" ");

test("each npm script that runs the CLI passes NODE_FLAGS to node", () => {
  const scripts = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
  const cli = Object.entries(scripts).filter(([, s]) => s.includes("loaders/cli.ts"));
  assert.ok(cli.length >= 5, "the CLI scripts are found");
  for (const [name, s] of cli) assert.ok(s.startsWith(`tsx ${flags} loaders/cli.ts`), `script ${name}: ${s}`);
});

test("bin/threadgraph.js runs node with NODE_FLAGS, and runs when executed directly", () => {
  const bin = join(ROOT, "bin/threadgraph.js");
  assert.equal(readFileSync(bin, "utf8").split("\n")[0], `#!/usr/bin/env -S node ${flags}`);
  const r = spawnSync(bin, ["--help"], { encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage/i);
});

test("the benches spawn the CLI and the analysis with NODE_FLAGS", () => {
  for (const f of ["bench/analysis.bench.ts", "bench/series.bench.ts"]) {
    const spawns = readFileSync(join(ROOT, f), "utf8").split("\n").filter((l) => /spawnSync\(process\.execPath/.test(l));
    assert.ok(spawns.length > 0, f);
    for (const l of spawns) assert.match(l, /\[\.\.\.NODE_FLAGS, "--import", "tsx"/, `${f}: ${l.trim()}`);
  }
});
