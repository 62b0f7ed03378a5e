import { test } from "node:test";
import assert from "node:assert/strict";
import { parseAddressList, parseAddress, normalizeEmail } from "../../loaders/parse/addresses.ts";

test("addresses: quoted display names keep their commas", () => {
  assert.deepEqual(parseAddressList('"Huang, Ying" <ying.huang@Intel.com>, Bob <bob@x.org>'), [
    { name: "Huang, Ying", email: "ying.huang@intel.com" },
    { name: "Bob", email: "bob@x.org" },
  ]);
});

test("addresses: bare addresses, comments as names, escaped quotes", () => {
  assert.deepEqual(parseAddressList("a@x.org, b@y.org (Bee Person)"), [
    { name: "", email: "a@x.org" },
    { name: "Bee Person", email: "b@y.org" },
  ]);
  assert.deepEqual(parseAddress('"Tim \\"T\\" O\'Neil" <tim@x.org>'), { name: 'Tim "T" O\'Neil', email: "tim@x.org" });
  assert.deepEqual(parseAddress("Name (nick, comma) <n@x.org>"), { name: "Name", email: "n@x.org" });
});

test("addresses: groups are flattened and empty groups vanish", () => {
  assert.deepEqual(parseAddressList("undisclosed-recipients:;"), []);
  assert.deepEqual(parseAddressList("Team: a@x.org, \"B, C\" <bc@x.org>;, d@x.org").map((a) => a.email), ["a@x.org", "bc@x.org", "d@x.org"]);
});

test("addresses: RFC 2047 names are decoded; encoded words with commas stay one name", () => {
  assert.deepEqual(parseAddressList("=?UTF-8?Q?M=C3=BCller=2C_J=C3=BCrgen?= <jm@x.de>, z@x.de"), [
    { name: "Müller, Jürgen", email: "jm@x.de" },
    { name: "", email: "z@x.de" },
  ]);
});

test("addresses: odd spacing, missing closing bracket, empty input", () => {
  assert.deepEqual(parseAddressList("  Ann   Lee   <ann@x.org>  ,,"), [{ name: "Ann Lee", email: "ann@x.org" }]);
  assert.deepEqual(parseAddressList("Ann <ann@x.org"), [{ name: "Ann", email: "ann@x.org" }]);
  assert.deepEqual(parseAddressList(""), []);
  assert.deepEqual(parseAddressList(undefined), []);
  assert.equal(normalizeEmail(" <x> ".replace(/[<>]/g, "")), "x");
  assert.equal(normalizeEmail("mailto:A@B.C"), "a@b.c");
});

test("addresses: a quoted local part stays part of the address", () => {
  assert.deepEqual(parseAddressList('"odd:local"@x.org, b@x.org').map((a) => a.email), ['"odd:local"@x.org', "b@x.org"]);
});

test("addresses: quoted names on the quick path and odd quoting through the tokenizer agree", () => {
  assert.deepEqual(parseAddressList('"Last, First" <lf@x.org>, "A  B" <ab@x.org>'), [
    { name: "Last, First", email: "lf@x.org" },
    { name: "A B", email: "ab@x.org" },
  ]);
  assert.deepEqual(parseAddressList('"Q" Tail <qt@x.org>'), [{ name: "Q Tail", email: "qt@x.org" }]);
  assert.deepEqual(parseAddressList('"unbalanced <u@x.org>'), [{ name: "unbalanced", email: "u@x.org" }]);
});
