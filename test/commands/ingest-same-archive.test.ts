// One archive given twice in one ingest (netdev=x.mbox x.mbox, or under two tags) is a usage error
// naming both: the second would silently re-tag or untag the first. The store is not touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { ONE_MESSAGE_MBOX, tempDir } from "../store/helpers.ts";

test("ingest: the same archive twice in one command is a usage error, nothing written", { timeout: 30_000 }, async (t) => {
  const tmp = tempDir("tg-same-archive-");
  t.after(tmp.cleanup);
  const box = join(tmp.dir, "x.mbox");
  writeFileSync(box, ONE_MESSAGE_MBOX);
  const store = join(tmp.dir, "store");
  for (const specs of [[`netdev=${box}`, box], [`netdev=${box}`, `linux-cxl=${box}`], [box, `${tmp.dir}/./x.mbox`]]) {
    const r = await cli(["ingest", "--store", store, "--no-analyze", ...specs]);
    assert.equal(r.status, 2, specs.join(" "));
    assert.match(r.stderr, /are the same archive .*give it once/);
    assert.equal(existsSync(store), false);
  }
  const ok = await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`]);
  assert.equal(ok.status, 0, ok.stderr);
});
