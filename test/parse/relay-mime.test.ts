import { test } from "node:test";
import assert from "node:assert/strict";
import { isRelaySender, recoverSender } from "../../loaders/parse/relay.ts";
import { bodyFromLine } from "../../loaders/parse/in-body.ts";
import { contentInfo, fastBody, slowBodyText } from "../../loaders/parse/mime-slow.ts";

test("relay: B4 Relay and 'via list' senders are detected; plain senders are not", () => {
  assert.ok(isRelaySender({ name: "A B via B4 Relay", email: "devnull+ab.x.org@kernel.org" }));
  assert.ok(isRelaySender({ name: "A B via Linux-kernel", email: "linux-kernel@vger.kernel.org" }));
  assert.equal(isRelaySender({ name: "Octavia Butler", email: "ob@x.org" }), false);
});

test("relay: recovery order is X-Original-From, single Reply-To, body From: line", () => {
  const from = { name: "A B via B4 Relay", email: "devnull+ab.x.org@kernel.org" };
  assert.deepEqual(recoverSender(from, "A B <ab@x.org>", "other@x.org", ""), { name: "A B", email: "ab@x.org" });
  assert.deepEqual(recoverSender(from, undefined, "A B <ab@x.org>", ""), { name: "A B", email: "ab@x.org" });
  // two Reply-To addresses are ambiguous: fall through to the body
  assert.deepEqual(recoverSender(from, undefined, "a@x.org, b@x.org", "From: A B <ab@x.org>\n\ntext"), { name: "A B", email: "ab@x.org" });
  assert.equal(recoverSender(from, undefined, undefined, "no from line"), null);
  assert.equal(bodyFromLine("\n\nFrom: X <x@y>\n"), "X <x@y>");
  assert.equal(bodyFromLine("text first\n" + "x".repeat(400) + "\nFrom: X <x@y>\n"), null);
});

test("mime: fast path only for untransformed text in known charsets", () => {
  assert.ok(fastBody(contentInfo(undefined, undefined)));
  assert.ok(fastBody(contentInfo("text/plain; charset=UTF-8", "8bit")));
  assert.equal(fastBody(contentInfo("text/plain; charset=utf-8", "quoted-printable")), false);
  assert.equal(fastBody(contentInfo("text/plain; charset=koi8-r", undefined)), false);
  assert.equal(fastBody(contentInfo('multipart/mixed; boundary="b"', undefined)), false);
});

test("mime: base64 single part and unusual charsets decode; nested multipart finds text/plain", () => {
  const b64 = Buffer.from(Buffer.from("Acked-by: Ü <u@x.org>\n").toString("base64"));
  assert.equal(slowBodyText(b64, contentInfo("text/plain; charset=utf-8", "base64")), "Acked-by: Ü <u@x.org>\n");
  const koi = Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]);
  assert.equal(slowBodyText(koi, contentInfo("text/plain; charset=koi8-r", undefined)), "Привет");
  const nested = Buffer.from(
    "--o\r\nContent-Type: multipart/alternative; boundary=i\r\n\r\n--i\r\nContent-Type: text/plain\r\n\r\ninner text\r\n--i\r\nContent-Type: text/html\r\n\r\n<p>html</p>\r\n--i--\r\n--o--\r\n",
  );
  const t = slowBodyText(nested, contentInfo('multipart/mixed; boundary="o"', undefined));
  assert.ok(t.includes("inner text"));
  assert.ok(!t.includes("html</p>"));
});
