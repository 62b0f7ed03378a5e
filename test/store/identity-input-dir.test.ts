// --mailmap / --overrides naming a directory is the same clear error as a missing file, naming the
// path and where the choice came from, before the store is touched (was a raw EISDIR without a path).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { ONE_MESSAGE_MBOX, oneMessageArchive, tempDir } from "./helpers.ts";

test("a mailmap or overrides path that is a directory: a clear error, nothing created", { timeout: 30_000 }, async (t) => {
  const tmp = tempDir("tg-identity-dir-");
  t.after(tmp.cleanup);
  const store = join(tmp.dir, "store");
  const dir = join(tmp.dir, "a-dir");
  mkdirSync(dir);
  const box = join(tmp.dir, "x.mbox");
  writeFileSync(box, ONE_MESSAGE_MBOX);
  for (const flag of ["--mailmap", "--overrides"]) {
    const r = await cli(["ingest", "--store", store, "--no-analyze", flag, dir, `netdev=${box}`]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`${flag.slice(2)} file ${dir} \\(${flag}\\) is a directory \\(or another non-file\\), not a file\\. Nothing was changed`));
    assert.equal(existsSync(store), false);
  }
});

test("--maintainers naming a directory is a usage error; nothing is saved for later analyses", { timeout: 30_000 }, async (t) => {
  const tmp = oneMessageArchive(t, "tg-maintainers-dir-");
  const { store, box } = tmp;
  const r = await cli(["ingest", "--store", store, "--no-analyze", "--maintainers", tmp.dir, `netdev=${box}`]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--maintainers: .* is a directory \(or another non-file\), not a MAINTAINERS file/);
  assert.equal(existsSync(join(store, "settings.json")), false);
});
