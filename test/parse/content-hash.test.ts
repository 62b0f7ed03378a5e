// The content hash of CRLF bodies: only the hashed parts are normalised now (the whole body was,
// a string per line), and every hash must stay what it was (stores dedup by it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { contentHash } from "../../loaders/parse/message.ts";
import { parseHeaders } from "../../loaders/parse/headers.ts";

/** The former formula, verbatim in effect: normalise the whole body, then cut. */
function reference(headText: string, body: Buffer): string {
  const hash = createHash("sha1");
  hash.update(headText);
  let end = body.length;
  while (end > 0 && (body[end - 1] === 0x0a || body[end - 1] === 0x0d || body[end - 1] === 0x20)) end--;
  const b: Buffer | string = body.indexOf("\r\n") >= 0 ? body.toString("latin1", 0, end).replace(/\r\n/g, "\n") : body.subarray(0, end);
  const n = b.length;
  const upd = (x: Buffer | string) => (typeof x === "string" ? hash.update(x, "latin1") : hash.update(x));
  if (n <= 20 * 1024) upd(b);
  else {
    hash.update(`len:${n}\n`);
    upd(b.slice(0, 16 * 1024));
    upd(b.slice(n - 4 * 1024));
  }
  return hash.digest("hex");
}

test("content hash: CRLF bodies hash as before, at every size around the head/tail cuts", () => {
  const h = parseHeaders(Buffer.from("Message-ID: <a@b>\nSubject: x\n\n"));
  const headText = ["message-id", "date", "from", "to", "cc", "subject", "in-reply-to", "references"]
    .map((k) => k + ":" + (h.fields.get(k)?.join("\n") ?? "").replace(/\s+/g, " ") + "\n").join("");
  const pieces = ["a", "\r\n", "\r\n", "\r", "\n", " ", "\r\r\n", "\xe9", "xy\r\n"];
  let seed = 11;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  const sizes = [0, 1, 100, 20 * 1024 - 2, 20 * 1024, 20 * 1024 + 3, 33 * 1024, 40 * 1024 + 1, 41 * 1024, 70 * 1024, 300 * 1024];
  for (const size of sizes) {
    for (let k = 0; k < 12; k++) {
      let s = "";
      while (s.length < size) s += pieces[rnd(k % 3 === 0 ? 3 : pieces.length)]; // some bodies nearly all CRLF
      const body = Buffer.from(s, "latin1");
      assert.equal(contentHash(h, body), reference(headText, body), `size ${size}, body ${k}`);
    }
  }
  // a hostile body of 4 MiB short CRLF lines: the same hash too
  const big = Buffer.from("a\r\n".repeat(Math.floor((4 << 20) / 3)), "latin1");
  assert.equal(contentHash(h, big), reference(headText, big));
});
