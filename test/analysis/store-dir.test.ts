import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { resolveStoreDir } from "../../loaders/config.ts";

test("resolveStoreDir: flag > THREADGRAPH_STORE > config store > data/store", async () => {
  const dir = mkdtempSync(join(tmpdir(), "tg-storedir-"));
  const cwd = process.cwd(), env = process.env.THREADGRAPH_STORE;
  try {
    process.chdir(dir);
    delete process.env.THREADGRAPH_STORE;
    assert.equal(await resolveStoreDir(), resolve(dir, "data/store"));
    writeFileSync(join(dir, "threadgraph.config.ts"), `export default { store: "cfg-store" };\n`);
    assert.equal(await resolveStoreDir(), resolve(dir, "cfg-store"));
    process.env.THREADGRAPH_STORE = join(dir, "env-store");
    assert.equal(await resolveStoreDir(), join(dir, "env-store"));
    assert.equal(await resolveStoreDir("flag-store"), resolve(dir, "flag-store"));
    assert.equal(await resolveStoreDir(undefined, { store: "x" }), join(dir, "env-store"));
  } finally {
    process.chdir(cwd);
    if (env === undefined) delete process.env.THREADGRAPH_STORE; else process.env.THREADGRAPH_STORE = env;
    rmSync(dir, { recursive: true, force: true });
  }
});
