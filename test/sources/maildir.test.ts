import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, renameSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { maildirSource, maildirKey } from "../../loaders/sources/maildir.ts";
import { tempDir, msg, drain, ids } from "./helpers.ts";

function maildir(d: string) {
  for (const s of ["cur", "new", "tmp"]) mkdirSync(join(d, s), { recursive: true });
}

test("maildir: key strips the :2, info part", () => {
  assert.equal(maildirKey("1720000000.M1P2.host:2,RS"), "1720000000.M1P2.host");
  assert.equal(maildirKey("1720000000.M1P2.host!2,S"), "1720000000.M1P2.host");
  assert.equal(maildirKey("plain"), "plain");
});

test("maildir: reads cur/ and new/; re-run yields nothing; a new->cur move is not new; new files are", async (t) => {
  const d = tempDir(t);
  maildir(d);
  writeFileSync(join(d, "new", "1720000001.A.host"), msg("a"));
  writeFileSync(join(d, "cur", "1720000002.B.host:2,S"), msg("b"));
  writeFileSync(join(d, "tmp", "1720000003.C.host"), msg("c")); // tmp/ is never read
  const src = maildirSource(d, { list: "ksummit" });
  const first = await drain(src);
  assert.deepEqual(ids(first.items), ["a@example.com", "b@example.com"]);
  assert.equal(first.items[0].provenance.position, "1720000001.A.host");
  assert.equal(first.items[0].provenance.list, "ksummit");
  assert.equal((await drain(src, first.cursor)).items.length, 0);

  renameSync(join(d, "new", "1720000001.A.host"), join(d, "cur", "1720000001.A.host:2,S"));
  writeFileSync(join(d, "new", "1720000004.D.host"), msg("d"));
  const second = await drain(src, first.cursor);
  assert.deepEqual(ids(second.items), ["d@example.com"]);
  assert.equal((await drain(src, second.cursor)).items.length, 0);
});

test("maildir: a cursor taken mid-run resumes after that message", async (t) => {
  const d = tempDir(t);
  maildir(d);
  for (const k of ["1", "2", "3"]) writeFileSync(join(d, "cur", `17200000${k}.X.host:2,`), msg(`m${k}`));
  const all = await drain(maildirSource(d));
  const mid = JSON.parse(JSON.stringify(all.items[0].cursor));
  assert.deepEqual(ids((await drain(maildirSource(d), mid)).items), ["m2@example.com", "m3@example.com"]);
});

test("maildir: a directory, a FIFO, dangling and looping symlinks in cur/ and new/ are error items; good mail is read", { timeout: 20_000 }, async (t) => {
  const d = tempDir(t);
  maildir(d);
  writeFileSync(join(d, "cur", "1720000001.A.host:2,S"), msg("a"));
  writeFileSync(join(d, "new", "1720000009.Z.host"), msg("z"));
  writeFileSync(join(d, "outside.eml"), msg("linked"));
  symlinkSync(join(d, "outside.eml"), join(d, "cur", "1720000002.L.host:2,S")); // a good symlink
  mkdirSync(join(d, "cur", "1720000003.D.host:2,S")); // a directory
  symlinkSync(join(d, "nowhere"), join(d, "cur", "1720000004.G.host:2,S")); // dangling
  symlinkSync(join(d, "cur", "1720000005.Y.host:2,S"), join(d, "cur", "1720000005.X.host:2,S")); // loop X -> Y -> X
  symlinkSync(join(d, "cur", "1720000005.X.host:2,S"), join(d, "cur", "1720000005.Y.host:2,S"));
  execFileSync("mkfifo", [join(d, "new", "1720000006.F.host")]); // a FIFO: reading it would block forever
  const r = await drain(maildirSource(d));
  assert.equal(r.error, undefined, String(r.error));
  const got = r.items.map((i) => `${i.provenance.position} ${i.kind === "error" ? i.reason : ids([i])[0]}`);
  assert.equal(got.length, 8);
  assert.deepEqual(got.filter((g) => !g.includes("cannot read")), [
    "1720000001.A.host a@example.com", "1720000002.L.host linked@example.com", "1720000009.Z.host z@example.com",
  ]);
  for (const [key, why] of [["1720000003.D", /directory/], ["1720000004.G", /ENOENT/], ["1720000005.X", /ELOOP/], ["1720000005.Y", /ELOOP/], ["1720000006.F", /FIFO/]] as const) {
    const line = got.find((g) => g.startsWith(key));
    assert.ok(line && why.test(line), `${key}: ${line}`);
  }
  // each bad entry is reported once: the re-run reads nothing
  assert.equal((await drain(maildirSource(d), r.cursor)).items.length, 0);
});

test("maildir: file names that are not UTF-8 (or hold a newline, a backslash, two ':2,') are read, each once", async (t) => {
  const d = tempDir(t);
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(d, sub));
  const dir = (sub: string, name: Buffer) => Buffer.concat([Buffer.from(join(d, sub) + "/"), name]);
  writeFileSync(dir("cur", Buffer.from([0x31, 0x2e, 0xff, 0xfe, 0x2e, 0x68, 0x3a, 0x32, 0x2c, 0x53])), msg("latin1")); // "1.\xff\xfe.h:2,S"
  writeFileSync(dir("cur", Buffer.from("2.caf\u00e9.h:2,S")), msg("utf8"));
  writeFileSync(dir("new", Buffer.from("3.a\nb")), msg("newline"));
  writeFileSync(dir("new", Buffer.from("4.back\\slash\\xff")), msg("backslash"));
  writeFileSync(dir("new", Buffer.from([0x35, 0x2e, 0x5c, 0x78, 0x66, 0x66])), msg("lookalike")); // "5.\xff" spelled with a backslash
  writeFileSync(dir("new", Buffer.from([0x35, 0x2e, 0xff])), msg("realbyte"));
  writeFileSync(dir("new", Buffer.from("6.x:2,:2,S")), msg("double"));
  const src = maildirSource(d);
  const r = await drain(src);
  assert.equal(r.error, undefined);
  assert.deepEqual(ids(r.items).sort(), ["backslash", "double", "latin1", "lookalike", "newline", "realbyte", "utf8"].map((x) => `${x}@example.com`));
  assert.equal(new Set(r.items.map((i) => i.provenance.position)).size, 7, "every file has its own key");
  assert.equal((await drain(src, r.cursor)).items.length, 0, "a re-run reads nothing again");
});
