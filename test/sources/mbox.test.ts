import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { mboxSource, splitMbox, unquoteFrom } from "../../loaders/sources/mbox.ts";
import { tempDir, msg, mboxrd, drain, ids } from "./helpers.ts";

async function split(text: string | Buffer, chunk = 7, format?: "mboxrd" | "mboxo") {
  const b = Buffer.from(text);
  const parts: Buffer[] = [];
  for (let i = 0; i < b.length; i += chunk) parts.push(b.subarray(i, i + chunk));
  const out = [];
  for await (const m of splitMbox(Readable.from(parts), { format })) out.push(m);
  return out;
}

test("splitMbox: messages, offsets and mboxrd unquoting across tiny chunks", async () => {
  const m1 = msg("a", "line\nFrom the start, >From quoted\n>From me\n>>From deeper\n");
  const m2 = msg("b");
  const text = mboxrd([m1, m2]);
  const out = await split(text, 5);
  assert.equal(out.length, 2);
  assert.equal(out[0].bytes.toString(), m1);
  assert.equal(out[1].bytes.toString(), m2);
  assert.equal(out[0].offset, 0);
  assert.equal(out[1].offset, text.indexOf("From mboxrd@z", 10));
  assert.equal(out[0].end, out[1].offset);
});

test("splitMbox: mboxo only unquotes one level", () => {
  const q = Buffer.from("X: y\n\n>From a\n>>From b\n");
  assert.equal(unquoteFrom(q, "mboxo").toString(), "X: y\n\nFrom a\n>>From b\n");
  assert.equal(unquoteFrom(q, "mboxrd").toString(), "X: y\n\nFrom a\n>From b\n");
});

test("splitMbox: an unquoted 'From ' body line that is not a separator stays in the body", async () => {
  const body = "Text\n\nFrom here on, we agree.\nFrom: someone\n";
  const text = `From x@y Mon Jul  1 12:00:00 2024\n${msg("a", body)}\nFrom x@y Mon Jul  1 12:00:01 2024\n${msg("b")}`;
  const out = await split(text, 3);
  assert.deepEqual(out.map((m) => /Message-ID: <([^>]+)>/.exec(m.bytes.toString())?.[1]), ["a@example.com", "b@example.com"]);
  assert.ok(out[0].bytes.toString().includes("From here on, we agree."));
});

test("splitMbox: CRLF, missing trailing newline, empty stream, preamble garbage", async () => {
  const crlf = mboxrd([msg("a"), msg("b")]).replace(/\n/g, "\r\n");
  const out = await split(crlf);
  assert.equal(out.length, 2);
  assert.ok(out[1].bytes.toString().endsWith("Hello.\r\n"));
  const noNl = mboxrd([msg("a"), msg("b", "last line")]).replace(/\n+$/, "");
  const o2 = await split(noNl);
  assert.equal(o2.length, 2);
  assert.ok(o2[1].bytes.toString().endsWith("last line"));
  assert.equal((await split("")).length, 0);
  assert.equal((await split("garbage\nmore\n\n" + mboxrd([msg("a")]))).length, 1);
});

test("mbox source: plain and gzip give the same items; positions are offsets", async (t) => {
  const d = tempDir(t);
  const text = mboxrd([msg("a"), msg("b"), msg("c")]);
  writeFileSync(join(d, "x.mbox"), text);
  writeFileSync(join(d, "x.mbox.gz"), gzipSync(text));
  const plain = await drain(mboxSource(join(d, "x.mbox"), { list: "netdev" }));
  const gz = await drain(mboxSource(join(d, "x.mbox.gz")));
  assert.deepEqual(ids(plain.items), ["a@example.com", "b@example.com", "c@example.com"]);
  assert.deepEqual(ids(gz.items), ids(plain.items));
  assert.equal(plain.items[0].provenance.list, "netdev");
  assert.deepEqual(plain.items.map((i) => i.provenance.position), gz.items.map((i) => i.provenance.position));
  assert.equal(Number(plain.items[1].provenance.position), text.indexOf("From mboxrd", 1));
});

for (const gz of [false, true]) {
  const name = gz ? "x.mbox.gz" : "x.mbox";
  const write = (p: string, s: string) => writeFileSync(p, gz ? gzipSync(s) : s);
  const append = (p: string, s: string) => appendFileSync(p, gz ? gzipSync(s) : s); // gzip members concatenate

  test(`mbox cursor (${gz ? "gz" : "plain"}): re-run yields nothing; appended messages only; changed file starts over`, async (t) => {
    const d = tempDir(t);
    const p = join(d, name);
    write(p, mboxrd([msg("a"), msg("b")]));
    const first = await drain(mboxSource(p));
    assert.equal(first.items.length, 2);
    assert.equal((await drain(mboxSource(p), first.cursor)).items.length, 0, "unchanged file yields nothing");

    append(p, mboxrd([msg("c"), msg("d")]));
    const second = await drain(mboxSource(p), first.cursor);
    assert.deepEqual(ids(second.items), ["c@example.com", "d@example.com"]);
    assert.equal((await drain(mboxSource(p), second.cursor)).items.length, 0);

    // resume after an interrupted read (cursor of the first item only)
    const mid = JSON.parse(JSON.stringify(second.items[0].cursor));
    assert.deepEqual(ids((await drain(mboxSource(p), mid)).items), ["d@example.com"]);

    write(p, mboxrd([msg("z"), msg("a")]));
    assert.deepEqual(ids((await drain(mboxSource(p), second.cursor)).items), ["z@example.com", "a@example.com"]);
  });
}

test("mbox source: empty file yields nothing; truncated .gz delivers earlier messages then throws naming the path", async (t) => {
  const d = tempDir(t);
  writeFileSync(join(d, "empty.mbox"), "");
  assert.equal((await drain(mboxSource(join(d, "empty.mbox")))).items.length, 0);

  const big = mboxrd(Array.from({ length: 400 }, (_, i) => msg(`m${i}`, `body ${i} `.repeat(200) + "\n")));
  const gz = gzipSync(big);
  const p = join(d, "cut.mbox.gz");
  writeFileSync(p, gz.subarray(0, Math.floor(gz.length * 0.6)));
  const r = await drain(mboxSource(p));
  assert.ok(r.error, "a truncated gzip must be an error");
  assert.match(r.error!.message, new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
  assert.match(r.error!.message, /truncated|unexpected end/i);
  assert.ok(r.items.length > 50 && r.items.length < 400, `delivered ${r.items.length} before the damage`);
  // every delivered message is complete
  for (const it of r.items) assert.equal(it.kind === "message" && it.bytes.toString().split("body ").length - 1, 200, "complete body");
  assert.ok(readFileSync(p).length > 0);
});
