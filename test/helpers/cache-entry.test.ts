// The shared test cache: processes that want the same entry at once build it once (the others wait),
// and a build that fails leaves no entry behind.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cachedEntry } from "./cache-entry.ts";
import { skipReason } from "./public-inbox-server.ts";

const MODULE = new URL("./cache-entry.ts", import.meta.url).href;

/** A separate Node process asking for entry `key` of `root`, whose build takes a while and logs itself. */
function child(root: string, key: string): Promise<string> {
  const code = `import { appendFileSync, writeFileSync } from "node:fs";
    import { join } from "node:path";
    const { cachedEntry } = await import(${JSON.stringify(MODULE)});
    const r = await cachedEntry(${JSON.stringify(root)}, ${JSON.stringify(key)}, async (dir) => {
      appendFileSync(join(${JSON.stringify(root)}, "builds.log"), process.pid + "\\n");
      await new Promise((res) => setTimeout(res, 1500));
      writeFileSync(join(dir, "content"), "built by " + process.pid);
    }, { label: "t", say: () => {} });
    console.log(r.dir);`;
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (c) => { out += c; });
    p.on("close", (status) => status === 0 ? res(out.trim()) : rej(new Error(`child exited ${status}`)));
  });
}

test("three processes asking for the same entry at once build it once and all get it", { timeout: 60_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), "tg-cache-entry-"));
  try {
    const dirs = await Promise.all([child(root, "k"), child(root, "k"), child(root, "k")]);
    const builds = readFileSync(join(root, "builds.log"), "utf8").trim().split("\n");
    assert.equal(builds.length, 1, `built by ${builds.join(", ")}`);
    assert.deepEqual(new Set(dirs), new Set([join(root, "k")]));
    assert.equal(readFileSync(join(root, "k", "content"), "utf8"), `built by ${builds[0]}`);
    assert.deepEqual(readdirSync(root).filter((n) => n.includes(".lock-")), [], "no lock left behind");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("processes arriving at the same instant, round after round: every entry is built exactly once", { timeout: 120_000 }, async () => {
  const ROUNDS = 30, WORKERS = 4;
  const root = mkdtempSync(join(tmpdir(), "tg-cache-race-"));
  const procs = Array.from({ length: WORKERS }, (_, w) => spawn(process.execPath,
    ["--import", "tsx", join(import.meta.dirname, "cache-entry-race-worker.ts"), root, String(w), String(ROUNDS)], { stdio: ["ignore", "ignore", "pipe"] }));
  const stderr: string[] = [];
  procs.forEach((p) => p.stderr!.on("data", (d) => stderr.push(String(d))));
  const exits = procs.map((p) => new Promise<number | null>((r) => p.on("exit", (c) => r(c))));
  const all = (prefix: string, k: number) => Array.from({ length: WORKERS }, (_, w) => join(root, `${prefix}-${k}-${w}`)).every(existsSync);
  const wait = () => new Promise((r) => setTimeout(r, 2));
  try {
    const builds: string[][] = [];
    for (let k = 0; k < ROUNDS; k++) {
      while (!all("ready", k)) {
        if (procs.some((p) => p.exitCode !== null)) assert.fail(`a worker exited early: ${stderr.join("")}`);
        await wait();
      }
      writeFileSync(join(root, `go-${k}`), ""); // all of them at once
      while (!all("done", k)) {
        if (procs.some((p) => p.exitCode !== null && p.exitCode !== 0)) assert.fail(`a worker failed: ${stderr.join("")}`);
        await wait();
      }
      builds.push(readFileSync(join(root, `builds-${k}.log`), "utf8").trim().split("\n"));
    }
    assert.deepEqual(await Promise.all(exits), procs.map(() => 0), stderr.join(""));
    assert.deepEqual(builds.filter((b) => b.length !== 1), [], "rounds where the entry was built more than once");
  } finally {
    for (const p of procs) p.kill();
    rmSync(root, { recursive: true, force: true });
  }
});

test("a failed build leaves no entry, and the next call builds it", async () => {
  const root = mkdtempSync(join(tmpdir(), "tg-cache-entry-"));
  try {
    await assert.rejects(cachedEntry(root, "k", async () => { throw new Error("boom"); }, { label: "t", say: () => {} }), /boom/);
    assert.equal(existsSync(join(root, "k")), false);
    const r = await cachedEntry(root, "k", async () => {}, { label: "t", say: () => {} });
    assert.equal(r.built, true);
    assert.equal((await cachedEntry(root, "k", async () => assert.fail("built twice"), { label: "t", say: () => {} })).built, false);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("two test processes wanting the same public-inbox inbox index it once", { skip: skipReason(false), timeout: 120_000 }, async () => {
  const root = mkdtempSync(join(tmpdir(), "tg-cache-inbox-"));
  const code = `const { buildInbox } = await import(${JSON.stringify(new URL("./public-inbox-server.ts", import.meta.url).href)});
    const msg = (i) => Buffer.from("From: A <a@x.example>\\nSubject: s" + i + "\\nDate: Mon, 1 Jul 2024 00:00:0" + i + " +0000\\nMessage-ID: <m" + i + "@x.example>\\n\\nbody\\n");
    await buildInbox({ name: "tiny", address: "tiny@x.example", messages: [0, 1].map(msg) }, ${JSON.stringify(root)});`;
  const run = () => new Promise<string>((res, rej) => {
    const p = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (c) => { out += c; });
    p.on("close", (status) => status === 0 ? res(out) : rej(new Error(`child exited ${status}:\n${out}`)));
  });
  try {
    const outs = await Promise.all([run(), run()]);
    const builders = outs.filter((o) => /inbox tiny: building in/.test(o));
    assert.equal(builders.length, 1, outs.join("\n---\n"));
    assert.match(outs.join("\n"), /inbox tiny: (built by another test process|reused)/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
