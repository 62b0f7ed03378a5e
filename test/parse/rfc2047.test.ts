import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeWords } from "../../loaders/parse/rfc2047.ts";

test("rfc2047: Q and B words in several charsets", () => {
  assert.equal(decodeWords("=?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?="), "Jürgen Müller");
  assert.equal(decodeWords("=?iso-8859-1?q?Fr=E9d=E9ric?="), "Frédéric");
  assert.equal(decodeWords("=?UTF-8?B?w6l0w6k=?="), "été");
  assert.equal(decodeWords("=?koi8-r?B?8NLJ18XU?="), "Привет");
  assert.equal(decodeWords("=?gb2312?B?xOO6ww==?="), "你好");
});

test("rfc2047: whitespace between encoded words is dropped, plain text around them kept", () => {
  assert.equal(decodeWords("=?UTF-8?Q?a?= =?UTF-8?Q?b?="), "ab");
  assert.equal(decodeWords("Re: =?UTF-8?Q?caf=C3=A9?= time"), "Re: café time");
});

test("rfc2047: a multi-byte character split across two words survives", () => {
  // "é" is C3 A9: split between two base64 words
  assert.equal(decodeWords("=?UTF-8?B?w6E=?= =?UTF-8?B?ww==?= =?UTF-8?B?qQ==?="), "áé");
});

test("rfc2047: unknown charsets and malformed words do not throw", () => {
  assert.equal(decodeWords("=?x-unknown?Q?abc?="), "abc");
  assert.equal(decodeWords("=?UTF-8?Q?unterminated"), "=?UTF-8?Q?unterminated");
  assert.equal(decodeWords("no words"), "no words");
});
