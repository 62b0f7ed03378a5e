// One message is held whole (split, parse, store), so a message over the per-message limit
// (sources/message-limit.ts) is an errors row and reading goes on: a gzip bomb inside an
// mbox.gz, a huge Maildir file or git blob no longer grows memory by its size. Every source kind,
// every position (first, middle, last), LF and CRLF, plain and gzip.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { mboxSource, splitMbox } from "../../loaders/sources/mbox.ts";
import { maildirSource } from "../../loaders/sources/maildir.ts";
import { publicInboxSource } from "../../loaders/sources/public-inbox.ts";
import { buildEpoch } from "./git-epoch.ts";
import { drain, ids, mboxrd, msg, tempDir } from "./helpers.ts";
import { NODE_FLAGS } from "../../loaders/commands/node-flags.ts";

const LIMIT = 64 * 1024;
/** A message well over LIMIT: a long body of short lines, or one line without any newline. */
const big = (id: string, oneLine = false) => msg(id, oneLine ? `${"x".repeat(5 * LIMIT)}\n` : "line of text\n".repeat(5 * LIMIT / 13 + 1));
const crlf = (s: string) => s.replace(/\n/g, "\r\n");

for (const eol of ["LF", "CRLF"] as const) {
  for (const where of ["first", "middle", "last"] as const) {
    for (const oneLine of [false, true]) {
      test(`mbox (${eol}, oversized message ${where}${oneLine ? ", one long line" : ""}): an errors row, every other message whole`, async (t) => {
        const d = tempDir(t);
        const order = where === "first" ? [1, 0, 2] : where === "middle" ? [0, 1, 2] : [0, 2, 1];
        const all = [msg("a0"), big("a1", oneLine), msg("a2", "From here on a body line\nend\n")];
        const text = mboxrd(order.map((i) => all[i]));
        const body = eol === "CRLF" ? crlf(text) : text;
        const plain = join(d, "x.mbox");
        writeFileSync(plain, body);
        writeFileSync(`${plain}.gz`, gzipSync(body));
        const expected = order.map((i) => (i === 1 ? "oversized" : `a${i}@example.com`));
        for (const p of [plain, `${plain}.gz`]) {
          const capped = await drain(mboxSource(p, { maxMessageBytes: LIMIT }));
          assert.equal(capped.error, undefined);
          assert.deepEqual(ids(capped.items).map((x) => (/over the 65536-byte limit/.test(x) ? "oversized" : x)), expected, p);
          // the others are exactly what an uncapped read gives, and positions agree
          const full = await drain(mboxSource(p));
          const small = (r: typeof full) => r.items.filter((it) => it.kind === "message" && it.bytes.length < LIMIT);
          assert.deepEqual(small(capped).map((it) => it.kind === "message" && it.bytes.toString()), small(full).map((it) => it.kind === "message" && it.bytes.toString()));
          assert.deepEqual(capped.items.map((it) => it.provenance.position), full.items.map((it) => it.provenance.position));
          // a re-run resumes after the last item: nothing again
          assert.equal((await drain(mboxSource(p, { maxMessageBytes: LIMIT }), capped.cursor)).items.length, 0);
        }
      });
    }
  }
}

test("splitMbox: an oversized message arriving in small chunks, and a long 'From ' line inside it, are dropped as they come", async () => {
  // an unquoted "From " line (no time or year: not a separator) whose end comes late
  const text = mboxrd([msg("b0")]) + mboxrd([msg("b1", `x\n\nFrom ${"y".repeat(3 * LIMIT)}\n${"z\n".repeat(LIMIT)}`)]).replace(">From y", "From y") + mboxrd([msg("b2")]);
  assert.ok(text.includes("\n\nFrom yyy"));
  async function* chunks(size: number) {
    const b = Buffer.from(text);
    for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
  }
  for (const size of [7, 4096, 1 << 20]) {
    const out = [];
    for await (const m of splitMbox(chunks(size), { maxMessageBytes: LIMIT })) out.push(m.oversized ? `over:${m.oversized}` : /Message-ID: <([^>]+)>/.exec(m.bytes.toString())?.[1]);
    assert.equal(out.length, 3, `chunks of ${size}`);
    assert.equal(out[0], "b0@example.com");
    assert.match(String(out[1]), /^over:\d+$/);
    assert.ok(Number(String(out[1]).slice(5)) > 3 * LIMIT);
    assert.equal(out[2], "b2@example.com");
  }
});

test("Maildir: a file over the limit is an errors row; the other mail is read", async (t) => {
  const d = tempDir(t);
  for (const sub of ["cur", "new", "tmp"]) mkdirSync(join(d, sub));
  writeFileSync(join(d, "cur", "1.a:2,S"), msg("c1"));
  writeFileSync(join(d, "cur", "2.b:2,S"), big("c2"));
  writeFileSync(join(d, "new", "3.c"), msg("c3"));
  const r = await drain(maildirSource(d, { maxMessageBytes: LIMIT }));
  assert.equal(r.error, undefined);
  const got = ids(r.items);
  assert.equal(got.length, 3);
  assert.equal(got[0], "c1@example.com");
  assert.match(got[1], /^error:cannot read cur\/2\.b:2,S: message of \d+ bytes is over the 65536-byte limit/);
  assert.equal(got[2], "c3@example.com");
});

test("public-inbox: a blob over the limit is an errors row; the blobs after it are read", async (t) => {
  const d = tempDir(t);
  buildEpoch(d, 0, [["m", msg("g1"), 1719800000], ["m", big("g2"), 1719800100], ["m", msg("g3"), 1719800200], ["d", big("g2"), 1719800300]]);
  const r = await drain(publicInboxSource(d, { maxMessageBytes: LIMIT }));
  assert.equal(r.error, undefined);
  const got = ids(r.items);
  assert.equal(got.length, 4);
  assert.deepEqual([got[0], got[2]], ["g1@example.com", "g3@example.com"]);
  for (const i of [1, 3]) assert.match(got[i], /^error:message of \d+ bytes is over the 65536-byte limit/);
});

test("a gzip bomb in a local mbox.gz (one 512 MiB message) is read in bounded memory", { timeout: 300_000 }, (t) => {
  const d = tempDir(t);
  const file = join(d, "bomb.mbox.gz");
  // Written by a child that streams it (never holding it), then read by another with the default limit.
  const script = (code: string) => spawnSync(process.execPath, [...NODE_FLAGS, "--import", "tsx", "-e", code], { encoding: "utf8", cwd: process.cwd() });
  const w = script(`
    const { createGzip } = require("node:zlib"); const { createWriteStream } = require("node:fs");
    const gz = createGzip({ level: 1 }); gz.pipe(createWriteStream(${JSON.stringify(file)}));
    const head = (id) => "From x@y Mon Jul  1 00:00:00 2024\\nFrom: A <a@b.c>\\nDate: Mon, 1 Jul 2024 00:00:00 +0000\\nMessage-ID: <" + id + ">\\n\\n";
    gz.write(head("before@x") + "ok\\n\\n" + head("bomb@x"));
    const line = Buffer.alloc(1 << 20, "a"); line[line.length - 1] = 10;
    let i = 0;
    (function more() { while (i < 512) { i++; if (!gz.write(line)) return gz.once("drain", more); } gz.end("\\n" + head("after@x") + "ok\\n"); })();
  `);
  assert.equal(w.status, 0, w.stderr);
  const r = script(`
    import("${join(process.cwd(), "loaders/sources/mbox.ts")}").then(async ({ mboxSource }) => {
      const out = [];
      for await (const it of mboxSource(${JSON.stringify(file)}).read()) out.push(it.kind === "error" ? "error" : /Message-ID: <([^>]+)>/.exec(it.bytes.toString())?.[1]);
      console.log(JSON.stringify({ out, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
    });
  `);
  assert.equal(r.status, 0, r.stderr);
  const res = JSON.parse(r.stdout.trim().split("\n").pop()!);
  assert.deepEqual(res.out, ["before@x", "error", "after@x"]);
  // holding the message would need over 512 MB (more with its copies); the limit keeps it near 64 MiB
  assert.ok(res.maxRssMb < 400, `peak RSS ${Math.round(res.maxRssMb)} MB`);
});
