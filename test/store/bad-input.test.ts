// Bad paths and broken archives: a clear error naming the path, a non-zero exit,
// and nothing stored earlier is lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dumpStore, tempDir } from "./helpers.ts";
import { writeSyntheticMbox } from "./synthetic-mbox.ts";
import { cli as inProcess } from "../helpers/cli-in-process.ts";

// In-process (test/helpers/cli-in-process.ts): what the commands do, not the process boundary (test/cli.test.ts).
const tg = (...args: string[]) => inProcess(args);

test("bad paths and truncated .gz: non-zero exit naming the path, store intact", { timeout: 120_000 }, async () => {
  const t = tempDir("tg-bad-");
  try {
    const store = join(t.dir, "store");
    const good = join(t.dir, "good.mbox");
    writeSyntheticMbox(good, { messages: 40, lists: ["netdev@vger.kernel.org"] });
    assert.equal((await tg("ingest", "--store", store, good)).status, 0);
    const before = await dumpStore(store);
    const manifest = readFileSync(join(store, "manifest.json"), "utf8");

    const missing = join(t.dir, "nope.mbox.gz");
    const notMbox = join(t.dir, "notes.txt");
    writeFileSync(notMbox, "just some text\nnot a mailbox\n");
    const plainDir = join(t.dir, "plain-dir");
    mkdirSync(plainDir);
    for (const bad of [missing, notMbox, plainDir]) {
      const r = await tg("ingest", "--store", store, bad);
      assert.equal(r.status, 1, `${bad}: ${r.stderr}`);
      assert.ok(r.stderr.includes(bad), `error names the path: ${r.stderr}`);
      assert.equal(readFileSync(join(store, "manifest.json"), "utf8"), manifest, "store untouched");
    }

    // A .gz cut in half: what came before the cut may be kept, nothing earlier is lost.
    const gz = join(t.dir, "cut.mbox.gz");
    writeSyntheticMbox(gz, { messages: 400, offset: 1000, lists: ["linux-rdma@vger.kernel.org"] });
    writeFileSync(gz, readFileSync(gz).subarray(0, Math.floor(readFileSync(gz).length / 2)));
    const r = await tg("ingest", "--store", store, "--json", gz);
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stderr.includes(gz), `error names the path: ${r.stderr}`);
    const after = await dumpStore(store);
    const ids = new Set(after.messages.map((m) => (m as { message_id: string }).message_id));
    for (const m of before.messages) assert.ok(ids.has((m as { message_id: string }).message_id));
    assert.ok(after.messages.length < 40 + 400, "the truncated part was not invented");
  } finally {
    t.cleanup();
  }
});

test("usage errors exit 2; --help exits 0", async () => {
  assert.equal((await tg("ingest")).status, 2);
  assert.equal((await tg("ingest", "--list", "nolist", "x.mbox")).status, 2);
  assert.equal((await tg("ingest", "--bogus", "x.mbox")).status, 2);
  assert.equal((await tg("query")).status, 2);
  assert.equal((await tg("stats", "--bogus")).status, 2);
  for (const cmd of ["ingest", "stats", "query"]) {
    const h = await tg(cmd, "--help");
    assert.equal(h.status, 0);
    assert.match(h.stdout, new RegExp(`usage: threadgraph ${cmd}`));
  }
});
