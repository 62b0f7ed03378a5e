// Framework itself (its LoaderResolver, as used by `observable build`) finds our three archive
// loaders and extracts top-level, per-person and per-thread files at the paths pages use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shardName, shardOf } from "../../loaders/model/shard.ts";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join, resolve } from "node:path";
import { spawnSync } from "node:child_process";

test("Framework extracts data/site/*.json and the message, thread, address, person and search shards", { timeout: 120_000 }, async () => {
  const repo = resolve(".");
  const root = mkdtempSync(join(tmpdir(), "tg-fw-"));
  try {
    // A tiny project: our loaders, symlinked library and modules, and a six-message store.
    mkdirSync(join(root, "src", "data", "site"), { recursive: true });
    cpSync(join(repo, "src/data/site.zip.ts"), join(root, "src/data/site.zip.ts"));
    for (const p of ["person", "thread", "message", "address", "search"]) cpSync(join(repo, `src/data/site/${p}.zip.ts`), join(root, `src/data/site/${p}.zip.ts`));
    symlinkSync(join(repo, "loaders"), join(root, "loaders"));
    symlinkSync(join(repo, "node_modules"), join(root, "node_modules"));
    cpSync(join(repo, "package.json"), join(root, "package.json"));
    const mbox = join(root, "a.mbox");
    writeFileSync(mbox, [
      "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Ann <ann@example.org>\nTo: alpha@example.org\nSubject: synthetic\nDate: Mon, 1 Jul 2024 10:00:00 +0000\nMessage-ID: <a1@example.org>\n\nbody\n",
      "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Bob <bob@example.org>\nTo: alpha@example.org\nSubject: Re: synthetic\nDate: Mon, 1 Jul 2024 11:00:00 +0000\nMessage-ID: <b1@example.org>\nIn-Reply-To: <a1@example.org>\n\nbody\n",
      // Four more from Ann, so she reaches the default person-page minimum (5 messages).
      ...[2, 3, 4, 5].map((i) => `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: Ann <ann@example.org>\nTo: alpha@example.org\nSubject: Re: synthetic\nDate: Mon, 1 Jul 2024 1${i}:00:00 +0000\nMessage-ID: <a${i}@example.org>\nIn-Reply-To: <b1@example.org>\n\nbody\n`),
    ].join("\n"));
    const store = join(root, "store");
    for (const args of [["ingest", "--store", store, "--list", "alpha=alpha@example.org", `alpha=${mbox}`], ["analyze", "--store", store]]) {
      const r = spawnSync(process.execPath, ["--import", "tsx", join(repo, "loaders/cli.ts"), ...args], { cwd: repo, encoding: "utf8" });
      assert.equal(r.status, 0, r.stderr);
    }
    const script = `
      import { LoaderResolver } from "@observablehq/framework/dist/loader.js";
      import { readFileSync } from "node:fs";
      const r = new LoaderResolver({ root: "src" });
      const eff = { logger: { log() {}, warn() {}, error() {} }, output: { write() {} } };
      const get = async (p) => JSON.parse(readFileSync("src/" + await r.find(p).load({}, eff), "utf8"));
      const meta = await get("data/site/meta.json");
      // thread.html?m=b1@example.org and person.html?e=ANN@example.org, as the pages look them up
      const tid = (await get("data/site/message/m-${shardName(shardOf("b1@example.org"))}.json"))["b1@example.org"];
      const root = tid === 0 ? "b1@example.org" : tid; // 0: the message is its thread's root
      const thread = (await get("data/site/thread/t-" + ${JSON.stringify(Object.fromEntries(["a1@example.org"].map((id) => [id, shardName(shardOf(id))])))}[root] + ".json"))[root];
      const id = (await get("data/site/address/e-${shardName(shardOf("ann@example.org"))}.json"))["ann@example.org"];
      const person = (await get("data/site/person/p-${shardName(shardOf("ann@example.org"))}.json"))[id];
      const search = await get("data/site/search/people.json");
      console.log(JSON.stringify({ messages: meta.counts.messages, person: person.person.name, thread: thread.msgs.length, found: search.rows.length }));`;
    writeFileSync(join(root, "check.mjs"), script);
    const env = { ...process.env, THREADGRAPH_STORE: store, PATH: `${join(repo, "node_modules", ".bin")}${delimiter}${process.env.PATH}` };
    const r = spawnSync(process.execPath, ["check.mjs"], { cwd: root, env, encoding: "utf8" });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
    assert.deepEqual(out, { messages: 6, person: "Ann", thread: 6, found: 2 });
    assert.ok(readFileSync(join(root, "src/.observablehq/cache/data/site/person.zip")).length > 0);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
