import { test } from "node:test";
import assert from "node:assert/strict";
import { scanBodyBytes, scanBodyText, parsePerson } from "../../loaders/parse/trailers.ts";

const body = [
  "Some text mentioning Reviewed-by: inline is not a trailer line start? it is not.",
  "> Acked-by: Quoted <q@x.org>",
  ">> NAK",
  "Reviewed-by: Ann Lee <ann@x.org>",
  "  Tested-by: Bo <bo@x.org> # on arm64",
  "Suggested-by: \"Huang, Ying\" <ying@x.org>",
  "NAKed-by: Cy <cy@x.org>",
  "Reported-by: syzbot+abc123@syzkaller.appspotmail.com",
  "signed-off-by: lower case <lc@x.org>",
  "Reviewed-by: Jürgen <j@x.de>",
].join("\n");

test("trailers: kinds, persons, quoted lines skipped, UTF-8 names", () => {
  const { trailers, nakLine } = scanBodyBytes(Buffer.from(body));
  assert.deepEqual(trailers.map((t) => [t.kind, t.name, t.email]), [
    ["reviewed-by", "Ann Lee", "ann@x.org"],
    ["tested-by", "Bo", "bo@x.org"],
    ["suggested-by", "Huang, Ying", "ying@x.org"],
    ["nacked-by", "Cy", "cy@x.org"],
    ["reported-by", "", "syzbot+abc123@syzkaller.appspotmail.com"],
    ["signed-off-by", "lower case", "lc@x.org"],
    ["reviewed-by", "Jürgen", "j@x.de"],
  ]);
  assert.equal(trailers[1].raw, "Tested-by: Bo <bo@x.org> # on arm64");
  assert.equal(nakLine, false, "quoted NAK and NAKed-by trailer are not free-text NAKs");
});

test("trailers: free-text NAK / Nack lines", () => {
  for (const line of ["NAK.", "Nack, this is wrong", "  NACK", "nak"]) {
    assert.equal(scanBodyBytes(Buffer.from(`Hi,\n\n${line}\n\nThanks\n`)).nakLine, true, line);
  }
  for (const line of ["Naked eye", "Nacked-by: X <x@y>", "> NAK", "Snack time", "NAKAMURA wrote:"]) {
    assert.equal(scanBodyBytes(Buffer.from(`Hi,\n${line}\n`)).nakLine, false, line);
  }
});

test("trailers: CRLF bodies and the decoded-text scanner agree", () => {
  const crlf = Buffer.from(body.replace(/\n/g, "\r\n"));
  const a = scanBodyBytes(crlf).trailers.map((t) => [t.kind, t.email]);
  const b = scanBodyText(body).trailers.map((t) => [t.kind, t.email]);
  assert.deepEqual(a, b);
  assert.equal(a.length, 7);
});

test("trailers: parsePerson", () => {
  assert.deepEqual(parsePerson("Huang, Ying <Ying@X.org>"), { name: "Huang, Ying", email: "ying@x.org" });
  assert.deepEqual(parsePerson("bare@x.org"), { name: "", email: "bare@x.org" });
  assert.deepEqual(parsePerson("Name <n@x.org> [fixed typo]"), { name: "Name", email: "n@x.org" });
});

test("trailers: lines that name nobody are not trailers", () => {
  const r = scanBodyText("Tested-by: for them?\nReported-by: https://example.org/issues/1\nReviewed-by: <>\nNacked-by:\nAcked-by: Di <di@x.org>\n");
  assert.deepEqual(r.trailers.map((t) => [t.kind, t.email]), [["acked-by", "di@x.org"]]);
});
