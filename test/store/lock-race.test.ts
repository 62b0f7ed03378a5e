// Racing takeovers of a stale store.lock with real processes: in every round several writers see
// the same dead owner at once; at most one may hold the lock at any moment.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "./helpers.ts";

const ROUNDS = 25;
const WORKERS = 4;
const WORKER = join(import.meta.dirname, "lock-race-worker.ts");

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`${ROUNDS} rounds of ${WORKERS} processes taking over a dead writer's lock at once: never two holders`, { timeout: 120_000 }, async () => {
  const t = tempDir("tg-lock-race-");
  try {
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout;
    for (let k = 0; k < ROUNDS; k++) {
      mkdirSync(join(t.dir, `r${k}`));
      writeFileSync(join(t.dir, `r${k}`, "store.lock"), dead); // a writer that died holding the lock
    }
    const procs = Array.from({ length: WORKERS }, (_, w) => spawn(process.execPath,
      ["--import", "tsx", WORKER, t.dir, String(w), String(ROUNDS)], { stdio: ["ignore", "ignore", "pipe"] }));
    const stderr = procs.map(() => [] as string[]);
    procs.forEach((p, w) => p.stderr!.on("data", (d) => stderr[w].push(String(d))));
    const exits = procs.map((p) => new Promise<number | null>((r) => p.on("exit", (c) => r(c))));
    const results: string[][] = [];
    for (let k = 0; k < ROUNDS; k++) {
      const all = (prefix: string) => Array.from({ length: WORKERS }, (_, w) => join(t.dir, `${prefix}-${k}-${w}`));
      while (!all("ready").every(existsSync)) {
        if (procs.some((p) => p.exitCode !== null)) assert.fail(`a worker exited early: ${stderr.flat().join("")}`);
        await wait(5);
      }
      writeFileSync(join(t.dir, `go-${k}`), "");
      while (!all("res").every(existsSync)) await wait(5);
      results.push(all("res").map((f) => readFileSync(f, "utf8")));
    }
    assert.deepEqual(await Promise.all(exits), procs.map(() => 0), stderr.flat().join(""));
    const overlaps = results.filter((r) => r.includes("overlap")).length;
    assert.equal(overlaps, 0, `two writers held the lock at once in ${overlaps} of ${ROUNDS} rounds`);
    for (const [k, r] of results.entries()) {
      assert.ok(r.every((x) => x === "held" || x === "busy"), `round ${k}: ${r.join(", ")}`);
      assert.ok(r.includes("held"), `round ${k}: the dead writer's lock was taken over (${r.join(", ")})`);
      assert.equal(existsSync(join(t.dir, `r${k}`, "store.lock")), false, `round ${k}: released`);
    }
  } finally {
    t.cleanup();
  }
});
