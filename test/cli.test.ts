import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";

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
