import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cli as cliInProcess } from "./helpers/cli-in-process.ts";

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "loaders/cli.ts", ...args], { encoding: "utf8" });

test("cli: --help lists the commands and exits 0", () => {
  const r = cli("--help");
  assert.equal(r.status, 0);
  for (const c of ["ingest", "stats", "query", "sync"]) assert.match(r.stdout, new RegExp(`\\b${c}\\b`));
});

test("cli: unknown command exits 2 with usage on stderr", () => {
  const r = cli("frobnicate");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /unknown command 'frobnicate'/);
});

// loaders/cli.ts exports runCli, the one entry bin/threadgraph.js and `tsx loaders/cli.ts` run and
// tests call in-process (test/helpers/cli-in-process.ts): all three give the same code and output.
test("cli: the bin, the script and runCli in-process agree on exit status and stderr, and importing cli.ts runs nothing", async () => {
  const bin = spawnSync(process.execPath, ["bin/threadgraph.js", "frobnicate"], { encoding: "utf8" });
  const script = cli("frobnicate");
  const inProcess = await cliInProcess(["frobnicate"]);
  for (const r of [bin, script, inProcess]) {
    assert.equal(r.status, 2);
    assert.equal(r.stderr, script.stderr);
  }
  assert.equal(spawnSync(process.execPath, ["bin/threadgraph.js", "--help"], { encoding: "utf8" }).status, 0);
  assert.equal((await cliInProcess(["query", "--store", "/nonexistent/tg-store", "SELECT 1"])).status, 1);
  assert.equal(process.exitCode, undefined, "an in-process run leaves the test process's exit code alone");
  // Imported, not run: the module prints nothing and sets no exit code.
  const imported = spawnSync(process.execPath, ["--import", "tsx", "-e", "await import('./loaders/cli.ts')", "frobnicate"], { encoding: "utf8" });
  assert.equal(imported.status, 0, imported.stderr);
  assert.equal(imported.stdout + imported.stderr, "");
});
