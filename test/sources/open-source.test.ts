import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { openSource, parseSourceSpec, SourceError } from "../../loaders/sources/index.ts";
import { tempDir, msg, mboxrd } from "./helpers.ts";

test("openSource: LIST=PATH specs", () => {
  assert.deepEqual(parseSourceSpec("netdev=a/b.mbox.gz"), { list: "netdev", path: "a/b.mbox.gz" });
  assert.deepEqual(parseSourceSpec("a/b.mbox"), { path: "a/b.mbox" });
  assert.deepEqual(parseSourceSpec("/x/y=z.mbox"), { path: "/x/y=z.mbox" });
});

test("openSource: detects mbox, mbox.gz, empty file, Maildir", (t) => {
  const d = tempDir(t);
  writeFileSync(join(d, "a.mbox"), mboxrd([msg("a")]));
  writeFileSync(join(d, "a.mbox.gz"), gzipSync(mboxrd([msg("a")])));
  writeFileSync(join(d, "empty"), "");
  for (const s of ["cur", "new"]) mkdirSync(join(d, "md", s), { recursive: true });
  assert.equal(openSource(join(d, "a.mbox")).kind, "mbox");
  const gz = openSource(`netdev=${join(d, "a.mbox.gz")}`);
  assert.equal(gz.kind, "mbox");
  assert.equal(gz.list, "netdev");
  assert.match(gz.id, /^mbox:\//);
  assert.equal(openSource(join(d, "empty")).kind, "mbox");
  assert.equal(openSource(join(d, "md")).kind, "maildir");
});

test("openSource: missing paths and non-archives are clear errors naming the path", (t) => {
  const d = tempDir(t);
  writeFileSync(join(d, "notes.txt"), "just text\n");
  writeFileSync(join(d, "junk.gz"), Buffer.from([0x1f, 0x8b, 1, 2, 3]));
  mkdirSync(join(d, "plain-dir"));
  for (const p of [join(d, "nope.mbox"), join(d, "notes.txt"), join(d, "junk.gz"), join(d, "plain-dir")]) {
    assert.throws(() => openSource(p), (e: unknown) => e instanceof SourceError && e.message.includes(p) && e.path === p, p);
  }
});
