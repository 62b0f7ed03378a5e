// Damaged and growing mbox archives: junk after gzip data, cut and corrupt gzip streams, a BOM,
// and a file being appended to while it is read. All fixtures are synthetic.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appendFileSync, writeFileSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { gzipSync, gunzipSync, constants as zc } from "node:zlib";
import { mboxSource } from "../../loaders/sources/mbox.ts";
import { openSource } from "../../loaders/sources/index.ts";
import { tempDir, msg, mboxrd, drain, ids } from "./helpers.ts";

const names = (n: number, p = "m") => Array.from({ length: n }, (_, i) => `${p}${i}@example.com`);
const many = (n: number, p = "m") => mboxrd(Array.from({ length: n }, (_, i) => msg(`${p}${i}`, `body ${i} `.repeat(200) + "\n")));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

for (const count of [3, 400]) {
  test(`gzip + junk after complete data (${count} messages): every message, then an error naming the file`, async (t) => {
    const d = tempDir(t);
    const p = join(d, "x.mbox.gz");
    writeFileSync(p, Buffer.concat([gzipSync(many(count)), Buffer.from("this is not gzip, just junk\n")]));
    const src = openSource(`netdev=${p}`); // not "not an mbox"
    assert.equal(src.kind, "mbox");
    const r = await drain(src);
    assert.deepEqual(ids(r.items), names(count));
    for (const it of r.items) assert.equal(it.kind === "message" && it.bytes.toString().split("body ").length - 1, 200, "complete body");
    assert.ok(r.error, "the junk is reported");
    assert.match(r.error!.message, new RegExp(escape(p)));
    assert.match(r.error!.message, /junk/);
    // a re-run reports it again and yields nothing twice
    const again = await drain(mboxSource(p), r.cursor);
    assert.equal(again.items.length, 0);
    assert.match(String(again.error), /junk/);
  });
}

test("cut .gz: exactly the messages complete before the cut, at any cut point", async (t) => {
  const d = tempDir(t);
  const text = many(300);
  const gz = gzipSync(text);
  const p = join(d, "cut.mbox.gz");
  for (const frac of [0.1, 0.37, 0.5, 0.83, 0.999]) {
    const cut = gz.subarray(0, Math.floor(gz.length * frac));
    writeFileSync(p, cut);
    // what a tolerant decoder recovers; its last separator starts the incomplete message
    const decoded = gunzipSync(cut, { finishFlush: zc.Z_SYNC_FLUSH }).toString();
    const complete = decoded.split("From mboxrd@z").length - 2;
    const r = await drain(mboxSource(p));
    assert.deepEqual(ids(r.items), names(complete), `cut at ${frac}`);
    assert.match(String(r.error), new RegExp(`${escape(p)}.*(cut short|unexpected end)`));
  }
});

test("gzip members: a complete member then a cut one, or a corrupt one: the complete member's messages all arrive", async (t) => {
  const d = tempDir(t);
  const p = join(d, "m.mbox.gz");
  const second = gzipSync(many(50, "n"));
  writeFileSync(p, Buffer.concat([gzipSync(many(5)), second.subarray(0, 12)]));
  let r = await drain(mboxSource(p));
  assert.deepEqual(ids(r.items), names(5));
  assert.match(String(r.error), /cut short/);

  const bad = Buffer.from(second);
  bad.fill(0xff, 200, 400); // corrupt deflate data inside the second member
  writeFileSync(p, Buffer.concat([gzipSync(many(5)), bad]));
  r = await drain(mboxSource(p));
  assert.ok(r.error && r.error.message.includes(p), String(r.error));
  assert.deepEqual(ids(r.items).slice(0, 5), names(5), "the first member is all there");
  for (const it of r.items) assert.equal(it.kind === "message" && it.bytes.toString().split("body ").length - 1, 200, "complete body");

  // NUL padding after the data (tape/dd blocks) is not damage
  writeFileSync(p, Buffer.concat([gzipSync(many(2)), Buffer.alloc(512)]));
  r = await drain(mboxSource(p));
  assert.equal(r.error, undefined);
  assert.deepEqual(ids(r.items), names(2));
});

test("a UTF-8 BOM before the first separator: plain and gzip are read, nothing lost", async (t) => {
  const d = tempDir(t);
  const text = "\ufeff" + mboxrd([msg("a"), msg("b")]);
  writeFileSync(join(d, "bom.mbox"), text);
  writeFileSync(join(d, "bom.mbox.gz"), gzipSync(text));
  for (const f of ["bom.mbox", "bom.mbox.gz"]) {
    const src = openSource(join(d, f));
    const r = await drain(src);
    assert.equal(r.error, undefined);
    assert.deepEqual(ids(r.items), ["a@example.com", "b@example.com"], f);
    assert.ok(r.items[0].kind === "message" && r.items[0].bytes.toString().startsWith("From: Tester"), "the BOM is not part of the message");
  }
});

test("blank lines before the first separator, after a BOM or not, LF or CRLF: the first message is kept", async (t) => {
  const d = tempDir(t);
  for (const bom of ["", "\ufeff"]) {
    for (const lead of ["\n", "\r\n", "\n\n\r\n"]) {
      for (const crlf of [false, true]) {
        for (const n of [1, 2]) {
          const body = mboxrd([msg("a"), msg("b")].slice(0, n));
          const text = bom + lead + (crlf ? body.replace(/\n/g, "\r\n") : body);
          const name = `lead-${bom ? "bom" : "nobom"}-${JSON.stringify(lead).replace(/\W/g, "")}-${crlf ? "crlf" : "lf"}-${n}`;
          writeFileSync(join(d, `${name}.mbox`), text);
          writeFileSync(join(d, `${name}.mbox.gz`), gzipSync(text));
          for (const f of [`${name}.mbox`, `${name}.mbox.gz`]) {
            const r = await drain(openSource(join(d, f)));
            assert.equal(r.error, undefined, f);
            assert.deepEqual(ids(r.items), ["a@example.com", "b@example.com"].slice(0, n), f);
            assert.ok(r.items[0].kind === "message" && r.items[0].bytes.toString().startsWith("From: Tester"), `${f}: the message starts at its header`);
          }
        }
      }
    }
  }
});

test("mbox appended while read: a message cut mid-way is left for the next run, then read whole", async (t) => {
  const d = tempDir(t);
  const p = join(d, "live.mbox");
  const full = mboxrd([msg("a"), msg("b"), msg("c", "first paragraph\n\nsecond paragraph\n")]);
  const third = full.indexOf("From mboxrd@z", full.indexOf("b@example.com"));
  // cut points inside the third message: mid-line in the headers, at a header line end, mid-body
  for (const cutAt of [third + 40, full.indexOf("\n", full.indexOf("Subject: test c")) + 1, full.indexOf("second") + 3]) {
    writeFileSync(p, full.slice(0, cutAt));
    const first = await drain(mboxSource(p));
    assert.deepEqual(ids(first.items), ["a@example.com", "b@example.com"], `cut at ${cutAt}`);
    appendFileSync(p, full.slice(cutAt));
    const second = await drain(mboxSource(p), first.cursor);
    assert.deepEqual(ids(second.items), ["c@example.com"]);
    assert.ok(second.items[0].kind === "message" && second.items[0].bytes.toString().endsWith("second paragraph\n"));
    assert.equal((await drain(mboxSource(p), second.cursor)).items.length, 0, "done after that");
  }
});

test("mbox last message: kept when complete, held while cut or growing, read once quiet", async (t) => {
  const d = tempDir(t);
  const p = join(d, "x.mbox");
  // cut mid-line (no final newline): held back while fresh, read once the file has been quiet a while
  writeFileSync(p, mboxrd([msg("a"), msg("b")]).replace(/\n+$/, "").slice(0, -2));
  const fresh = await drain(mboxSource(p));
  assert.deepEqual(ids(fresh.items), ["a@example.com"]);
  const old = new Date(Date.now() - 10 * 60_000);
  utimesSync(p, old, old);
  assert.equal((await drain(mboxSource(p), fresh.cursor)).items.length, 1);

  // cut at a line end inside the header: held, its Message-ID may be the next line's
  writeFileSync(p, mboxrd([msg("a")]) + "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: x@example.com\n");
  assert.deepEqual(ids((await drain(mboxSource(p))).items), ["a@example.com"]);

  // a finished message that ends with a single newline (no blank line after it) is kept at once
  writeFileSync(p, mboxrd([msg("a"), msg("b")]).replace(/\n+$/, "\n"));
  assert.deepEqual(ids((await drain(mboxSource(p))).items), ["a@example.com", "b@example.com"]);

  // the file grows while it is read: its last message (as of the start) waits for the next run
  writeFileSync(p, mboxrd([msg("a"), msg("b"), msg("c")]));
  const got: string[] = [];
  let cursor;
  for await (const it of mboxSource(p).read()) {
    if (got.length === 0) appendFileSync(p, "From mboxrd@z Thu Jan  1 00:00:00 1970\nFrom: x@example.com\nMessage-ID: <d@exa");
    got.push(ids([it])[0]);
    cursor = JSON.parse(JSON.stringify(it.cursor));
  }
  assert.deepEqual(got, ["a@example.com", "b@example.com"]);
  appendFileSync(p, "mple.com>\nSubject: d\n\nbody\n\n");
  assert.deepEqual(ids((await drain(mboxSource(p), cursor)).items), ["c@example.com", "d@example.com"]);
});
