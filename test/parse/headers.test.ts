import { test } from "node:test";
import assert from "node:assert/strict";
import { parseHeaders, findHeaderEnd, first, receivedValues } from "../../loaders/parse/headers.ts";

test("headers: header end for LF, CRLF, no body, empty header block", () => {
  const lf = Buffer.from("A: 1\nB: 2\n\nbody\n");
  assert.deepEqual(findHeaderEnd(lf), { headerEnd: 10, bodyStart: 11 });
  const crlf = Buffer.from("A: 1\r\nB: 2\r\n\r\nbody\r\n\r\nmore\n\n");
  assert.equal(crlf.toString("latin1", findHeaderEnd(crlf).bodyStart), "body\r\n\r\nmore\n\n");
  const none = Buffer.from("A: 1\nB: 2\n");
  assert.deepEqual(findHeaderEnd(none), { headerEnd: none.length, bodyStart: none.length });
  assert.deepEqual(findHeaderEnd(Buffer.from("\nbody")), { headerEnd: 0, bodyStart: 1 });
});

test("headers: unfolding, case-insensitive names, repeated fields in order, unwanted fields skipped", () => {
  const h = parseHeaders(Buffer.from(
    "SUBJECT: a\n  b\n\tc\nto: x@y\nTo: z@y\nX-Unrelated: skip me\nReceived: from a;\n Mon, 1 Jul 2024 00:00:00 +0000\nFrom : d@y\n\nFrom: not a header\n",
  ));
  assert.equal(first(h, "subject"), "a  b\tc");
  assert.deepEqual(h.fields.get("to"), ["x@y", "z@y"]);
  assert.equal(h.fields.has("x-unrelated"), false);
  assert.equal(first(h, "from"), "d@y", "a body line is not a header");
  assert.deepEqual(receivedValues(h), ["from a; Mon, 1 Jul 2024 00:00:00 +0000"]);
  assert.equal(h.eightBit, false);
  assert.equal(h.count, 6);
});

test("headers: 8-bit values decode as UTF-8 when valid, Latin-1 otherwise, and are flagged", () => {
  const utf8 = parseHeaders(Buffer.from("Subject: Grüße\n\n"));
  assert.equal(first(utf8, "subject"), "Grüße");
  assert.ok(utf8.eightBit);
  const latin1 = parseHeaders(Buffer.concat([Buffer.from("Subject: caf"), Buffer.from([0xe9]), Buffer.from("\n\n")]));
  assert.equal(first(latin1, "subject"), "café");
  assert.ok(latin1.eightBit);
});
