// A run killed with SIGKILL after its first commit, then re-run, must end with exactly the
// store one uninterrupted run gives. Uses the real CLI, sources and parser on synthetic mboxes.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { dumpStore, tempDir } from "./helpers.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";

const CLI = ["--import", "tsx", join(process.cwd(), "loaders/cli.ts")];

function generation(dir: string): number {
  try { return JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8")).generation; } catch { return 0; }
}

test("SIGKILL mid-ingest then re-run equals one uninterrupted run", { timeout: 180_000 }, async () => {
  const t = tempDir("tg-kill-");
  try {
    const a = join(t.dir, "netdev.mbox"), b = join(t.dir, "rdma.mbox.gz");
    writeSyntheticMbox(a, { messages: 5000, lists: ["netdev@vger.kernel.org"] });
    // overlaps a's ids 4000..4999 with identical copies: cross-posts seen again in the second archive
    writeSyntheticMbox(b, { messages: 2000, offset: 4000, lists: ["netdev@vger.kernel.org"] });
    const args = (store: string) => [...CLI, "ingest", "--store", store, "--batch-size", "100", "--json", `netdev=${a}`, `linux-rdma=${b}`];

    const full = join(t.dir, "full");
    const r = spawnSync(process.execPath, args(full), { encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);

    const killed = join(t.dir, "killed");
    const child = spawn(process.execPath, args(killed), { stdio: "ignore" });
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on("exit", (_c, sig) => res(sig)));
    while (generation(killed) < 1 && child.exitCode === null) await new Promise((res) => setTimeout(res, 5));
    child.kill("SIGKILL");
    assert.equal(await exited, "SIGKILL", "the run was still going when killed (make the input bigger if not)");
    const atKill = JSON.parse(readFileSync(join(killed, "manifest.json"), "utf8"));
    assert.ok(atKill.generation >= 1 && atKill.people === null, "killed after a commit, before the end");

    // The store stays queryable between the kill and the re-run (staged JSON parts included).
    const partial = await dumpStore(killed);
    assert.ok(partial.messages.length >= 100 && partial.messages.length < 6000, `partial store: ${partial.messages.length}`);

    const again = spawnSync(process.execPath, args(killed), { encoding: "utf8" });
    assert.equal(again.status, 0, again.stderr);
    const summary = JSON.parse(again.stdout);
    assert.ok(summary.sources[0].seen < 5000, "the re-run resumed from the committed cursor");

    const [x, y] = [await dumpStore(full), await dumpStore(killed)];
    assert.equal(x.messages.length, 6000);
    assert.deepEqual(y, x);

    // Running the finished ingest again changes nothing.
    const before = readFileSync(join(full, "manifest.json"), "utf8");
    const twice = spawnSync(process.execPath, args(full), { encoding: "utf8" });
    assert.equal(twice.status, 0, twice.stderr);
    assert.deepEqual(JSON.parse(twice.stdout).sources.map((s: { seen: number }) => s.seen), [0, 0]);
    assert.equal(readFileSync(join(full, "manifest.json"), "utf8"), before);
    assert.deepEqual(await dumpStore(full), x);
    // no orphan part left behind by the killed writer: every file is named, or retired by a commit
    // (kept for readers of older manifests during the grace period)
    const m = JSON.parse(readFileSync(join(killed, "manifest.json"), "utf8"));
    const retired = (m.retired as { file: string }[]).map((r) => r.file);
    for (const table of ["messages", "arrivals", "trailers"]) {
      if (!existsSync(join(killed, table))) continue;
      const expected = [...m.parts[table], ...retired.filter((f) => f.startsWith(`${table}/`))].sort();
      assert.deepEqual(readdirSync(join(killed, table)).map((f) => `${table}/${f}`).sort(), expected);
    }
  } finally {
    t.cleanup();
  }
});
