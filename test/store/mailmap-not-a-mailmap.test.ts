// A saved mailmap that no longer holds any mailmap entry (overwritten by an HTML error page from a
// download, a truncated copy, another file at its path) is an error naming the file, and nothing
// changes: silently using it as empty undid every mailmap merge of the store (people 1 -> 2 here).
// A mailmap with some malformed lines among good ones (the kernel's has one) is still used.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli } from "../helpers/cli-in-process.ts";
import { tempDir } from "./helpers.ts";

const mail = (id: string, from: string, extra = "") =>
  `From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: ${from}\nTo: netdev@vger.kernel.org\nSubject: x\nDate: Mon, 1 Jul 2024 10:00:00 +0000\nMessage-ID: <${id}>\n${extra}\nbody\n\n`;

const NOT_MAILMAPS: Record<string, string> = {
  "an HTML error page": "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1>\n<p>The page <a href=\"/x\">x</a> is gone.</p></body></html>\n",
  "lines without addresses": "Ann Example\nsomething else entirely\n",
  "a JSON file": "{\"mailmap\": [\"Ann <ann@new.example>\"]}\n",
};

for (const [what, text] of Object.entries(NOT_MAILMAPS)) {
  test(`a saved mailmap replaced by ${what}: a clear error naming it, the people keep their merges`, { timeout: 60_000 }, async (t) => {
    const tmp = tempDir("tg-not-a-mailmap-");
    t.after(tmp.cleanup);
    const store = join(tmp.dir, "store"), box = join(tmp.dir, "x.mbox"), mm = join(tmp.dir, "mailmap");
    writeFileSync(box, mail("a1@x", "Ann A <ann@old.example>") + mail("a2@x", "Annie B <ann@new.example>", "In-Reply-To: <a1@x>\n"));
    writeFileSync(mm, "# a comment\nAnn A <ann@new.example> <ann@old.example>\n");
    const people = async () => JSON.parse((await cli(["query", "--store", store, "SELECT count(*)::INT AS n FROM people"])).stdout.trim()).n;
    assert.equal((await cli(["ingest", "--store", store, "--no-analyze", "--mailmap", mm, `netdev=${box}`])).status, 0);
    assert.equal(await people(), 1, "merged by the mailmap");
    const manifest = readFileSync(join(store, "manifest.json"), "utf8");
    writeFileSync(mm, text);
    const r = await cli(["ingest", "--store", store, "--no-analyze", `netdev=${box}`]);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`${mm}.*is not a mailmap: none of its \\d+ lines.*is a mailmap entry.*Nothing was changed`));
    assert.equal(await people(), 1, "the mailmap's merge is kept");
    assert.equal(readFileSync(join(store, "manifest.json"), "utf8"), manifest, "nothing committed");
  });
}

test("a mailmap with a malformed line among good ones, or only comments, is used", { timeout: 60_000 }, async (t) => {
  const tmp = tempDir("tg-mailmap-partly-");
  t.after(tmp.cleanup);
  const store = join(tmp.dir, "store"), box = join(tmp.dir, "x.mbox"), mm = join(tmp.dir, "mailmap"), empty = join(tmp.dir, "empty.mailmap");
  writeFileSync(box, mail("a1@x", "Ann A <ann@old.example>") + mail("a2@x", "Annie B <ann@new.example>", "In-Reply-To: <a1@x>\n"));
  writeFileSync(mm, "Some Name <no-at-sign.example>\nnot a line of a mailmap\nAnn A <ann@new.example> <ann@old.example>\n");
  writeFileSync(empty, "# nothing mapped yet\n\n");
  assert.equal((await cli(["ingest", "--store", store, "--no-analyze", "--mailmap", mm, `netdev=${box}`])).status, 0);
  assert.equal(JSON.parse((await cli(["query", "--store", store, "SELECT count(*)::INT AS n FROM people"])).stdout.trim()).n, 1);
  const r = await cli(["ingest", "--store", store, "--no-analyze", "--mailmap", empty, `netdev=${box}`]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse((await cli(["query", "--store", store, "SELECT count(*)::INT AS n FROM people"])).stdout.trim()).n, 2);
});

test("a mailmap or overrides file far too big for one (another file given by mistake) is a clear error naming it, read no further", { timeout: 60_000 }, async (t) => {
  const tmp = tempDir("tg-huge-identity-");
  t.after(tmp.cleanup);
  const store = join(tmp.dir, "store"), box = join(tmp.dir, "x.mbox"), huge = join(tmp.dir, "huge");
  writeFileSync(box, mail("a1@x", "Ann A <ann@old.example>"));
  writeFileSync(huge, "");
  truncateSync(huge, 1 << 30); // sparse: 1 GiB read as a string was V8's "Cannot create a string longer than 0x1fffffe8 characters", no file named
  for (const flag of ["--mailmap", "--overrides"]) {
    const r = await cli(["ingest", "--store", store, "--no-analyze", flag, huge, `netdev=${box}`]);
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`${flag.slice(2)} file ${huge} is 1073741824 bytes.*Nothing was changed`));
  }
});
