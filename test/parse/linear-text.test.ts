// The one-pass rewrites of backtracking regexes must give what the regexes gave. Checked on many
// small random strings over the alphabet that matters to each (brackets, blanks, '#', "via"...).
import { test } from "node:test";
import assert from "node:assert/strict";
import { collapseSpaces, dropComments, hasVia, isSpaceCode, withoutHashNote, withoutVia } from "../../loaders/parse/linear-text.ts";
import { parsePerson } from "../../loaders/parse/trailers.ts";
import { parseAddress } from "../../loaders/parse/addresses.ts";
import { normalizeEmail } from "../../loaders/parse/addresses.ts";
import { decodeWords } from "../../loaders/parse/rfc2047.ts";
import { stripReplyPrefix } from "../../loaders/parse/subject-patch.ts";
import { isBot } from "../../loaders/parse/bots.ts";
import { parseMailmap } from "../../loaders/identity/mailmap.ts";
import { normalizeEmail as identityEmail } from "../../loaders/identity/normalize.ts";

/** Deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Random strings made of the given pieces. */
function* strings(pieces: string[], n = 4000, maxLen = 12, seed = 1): Generator<string> {
  const r = rng(seed);
  for (let k = 0; k < n; k++) {
    const len = Math.floor(r() * maxLen);
    let s = "";
    for (let i = 0; i < len; i++) s += pieces[Math.floor(r() * pieces.length)];
    yield s;
  }
}

test("dropComments = replace(/\\([^)]*\\)/g)", () => {
  for (const s of strings(["(", ")", "a", " ", "\n"])) {
    assert.equal(dropComments(s, " "), s.replace(/\([^)]*\)/g, " "), JSON.stringify(s));
    assert.equal(dropComments(s, ""), s.replace(/\([^)]*\)/g, ""), JSON.stringify(s));
  }
});

test("withoutVia / hasVia = the relay-suffix regexes", () => {
  for (const s of strings(["via", "VIA", " ", "\t", "a", "v", "x"], 6000)) {
    assert.equal(withoutVia(s), s.replace(/\s+via\s+.*$/i, ""), JSON.stringify(s));
    assert.equal(hasVia(s), /\svia\s+\S.*$/i.test(s), JSON.stringify(s));
  }
});

test("withoutHashNote = replace(/\\s+#.*$/)", () => {
  for (const s of strings(["#", " ", "\t", "a", "<", ">"])) {
    assert.equal(withoutHashNote(s), s.replace(/\s+#.*$/, ""), JSON.stringify(s));
  }
});

// The trailer person parser as it was (regexes), for comparison.
function oldParsePerson(v: string) {
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(v);
  if (m) {
    const name = decodeWords(m[1].trim().replace(/^"(.*)"$/, "$1")).replace(/\s+/g, " ").trim();
    return { name, email: normalizeEmail(m[2]) };
  }
  return parseAddress(v.replace(/\s+#.*$/, ""));
}

test("parsePerson finds the same <local@domain> as its old regex", () => {
  for (const s of strings(["<", ">", "@", "a", " ", "#", '"', "b"], 8000, 14)) {
    assert.deepEqual(parsePerson(s), oldParsePerson(s), JSON.stringify(s));
  }
});

test("stripReplyPrefix (one prefix at a time) = the old nested regex", () => {
  const old = (subject: string) => {
    const m = /^\s*((re|fwd?|aw|sv|antw|vs)(\[\d+\])?\s*:\s*)+/i.exec(subject);
    return m ? { rest: subject.slice(m[0].length), isRe: /^\s*re/i.test(m[0]) } : { rest: subject, isRe: false };
  };
  for (const s of strings(["Re", "re", "Fwd", "fw", "AW", ":", " ", "[2]", "[", "x", "d"], 6000)) {
    assert.deepEqual(stripReplyPrefix(s), old(s), JSON.stringify(s));
  }
});

test("isBot: kernelci...bot name rule and address patterns as before (addresses up to 254 chars)", () => {
  for (const s of strings(["kernelci", "bot", " ", "-", "x", "KernelCI"], 4000)) {
    const was = /\bkernelci\b.*\bbot\b/i.test(s.trim());
    if (was) assert.equal(isBot({ name: s, email: "" }), true, JSON.stringify(s));
  }
  assert.equal(isBot({ name: "KernelCI bot", email: "x@y.z" }), true);
  assert.equal(isBot({ name: "kernelci test bot", email: "x@y.z" }), true);
  assert.equal(isBot({ name: "kernelci about", email: "x@y.z" }), false);
  assert.equal(isBot({ name: "", email: "x.bot+tag@example.org" }), true);
  assert.equal(isBot({ name: "", email: `x.bot+${"t".repeat(300)}@example.org` }), false); // no real address is that long
});

test("mailmap: comment and <...> splitting as with the old regexes", () => {
  const old = (line: string) => {
    const hash = line.search(/#(?![^<]*>)/);
    const body = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (!body) return "empty";
    const parts = [...body.matchAll(/([^<]*)<([^>]*)>/g)];
    const consumed = parts.reduce((n, m) => n + m[0].length, 0);
    if (parts.length === 0 || parts.length > 2 || body.slice(consumed).trim() !== "") return "skip";
    return JSON.stringify(parts.map((m) => [m[1].trim(), m[2]]));
  };
  for (const s of strings(["<", ">", "#", "a@b", "A", " ", "x"], 6000, 10)) {
    const m = parseMailmap(s, "f");
    const o = old(s);
    if (o === "empty") assert.deepEqual([m.entries.length, m.skipped.length], [0, 0], JSON.stringify(s));
    else if (o === "skip") assert.equal(m.skipped.length, 1, JSON.stringify(s));
    else assert.equal(m.skipped.length + m.entries.length, 1, JSON.stringify(s));
  }
});

test("identity normalizeEmail drops trailing dots as before", () => {
  for (const s of strings(["a", "@", ".", "b"], 3000)) {
    const old = (() => {
      let e = s.trim();
      e = e.replace(/\.+$/, "").toLowerCase();
      return e.includes("@") && !/\s/.test(e) ? e : "";
    })();
    assert.equal(identityEmail(s), old, JSON.stringify(s));
  }
});

test("collapseSpaces = s.replace(/\\s+/g, ' ') (every code unit JS calls \\s, long and short strings, lone surrogates)", () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isSpaceCode(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
  const chars = [" ", "\t", "\n", "\r", "\v", "\f", "a", "é", "\u00a0", "\u2028", "\u3000", "\ufeff", "\u180e", "\u200b", "\u0085", "\ud800", "x y"];
  let seed = 7;
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
  for (const len of [0, 1, 5, 4095, 4096, 5000, 20_000]) {
    for (let k = 0; k < 30; k++) {
      let s = "";
      while (s.length < len) s += chars[rnd(chars.length)];
      assert.equal(collapseSpaces(s), s.replace(/\s+/g, " "), JSON.stringify(s.slice(0, 40)));
    }
  }
  const big = "v\t \n".repeat(1 << 20);
  assert.equal(collapseSpaces(big), "v ".repeat(1 << 20));
  const clean = "v ".repeat(1 << 20);
  assert.equal(collapseSpaces(clean), clean);
});
