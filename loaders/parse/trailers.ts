// Trailers and NAKs in a body, outside quoted ("> ") text. Works on the raw bytes: native
// indexOf finds the few candidate lines ("-by:", a line starting "NA"/"na"), and only those
// lines become strings (decoded as UTF-8, or latin1 for Latin-1 bodies).
import type { Trailer, TrailerKind } from "../model/records.ts";
import type { Address } from "../model/records.ts";
import { normalizeEmail, parseAddress } from "./addresses.ts";
import { decodeWords } from "./rfc2047.ts";
import { collapseSpaces, trimEndWhere, withoutHashNote } from "./linear-text.ts";

// "<Keyword>-by:" at the line start (after blanks); the value is read by hand, not by a
// `(.*?)[ \t\r]*$` regex, which backtracks quadratically on a long run of blanks.
const TRAILER_HEAD = /^[ \t]*(reviewed|acked|tested|nacked|naked|reported|suggested|signed-off)-by:/i;
// A free-text NAK: the line starts with NAK/NACK ("Nacked." / "NAK:"), not "Nacked-by:".
const NAK = /^[ \t]*(nak|nack|nacked)(?![\w-])(?![ \t]*-by)/i;

const KIND = new Map<string, TrailerKind>(Object.entries({
  reviewed: "reviewed-by", acked: "acked-by", tested: "tested-by", nacked: "nacked-by", naked: "nacked-by",
  reported: "reported-by", suggested: "suggested-by", "signed-off": "signed-off-by",
}));

const isBlank = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;

export interface BodyScan {
  trailers: Trailer[];
  nakLine: boolean;
  /**
   * A line outside quotes that a verdict rule may fire on ("Applied...", "Thanks, applied",
   * "Queued...", "pw-bot: ..."): parse/verdicts.ts reads the body only then. Set by scanBodyBytes;
   * scanBodyText leaves it to verdicts.ts's own pre-check.
   */
  verdictLine?: boolean;
}

// Lower-case first letters of the trailer keywords, and of NAK/NACK.
const TRAILER_FIRST = new Set([0x72, 0x61, 0x74, 0x6e, 0x73]); // r a t n s

// Lines verdicts.ts reads start "Applied", "Queued", "pw-bot:", or "Thanks,"/"OK," then the verb.
const PPLIED = Buffer.from("pplied"), UEUED = Buffer.from("ueued"), PW_BOT = Buffer.from("pw-bot:");
const VERDICT_FIRST = new Set([0x61, 0x71, 0x70, 0x74, 0x6f]); // a q p t o

const wordAt = (b: Buffer, i: number, e: number, w: Buffer) => {
  if (i + w.length > e) return false;
  for (let k = 0; k < w.length; k++) if (b[i + k] !== w[k]) return false;
  return true;
};

/** Could the line [s, e) (s: its first non-blank byte, c: that byte lower-cased) be a verdict line? */
function verdictCandidate(b: Buffer, s: number, e: number, c: number): boolean {
  if (c === 0x61) return wordAt(b, s + 1, e, PPLIED);
  if (c === 0x71) return wordAt(b, s + 1, e, UEUED);
  if (c === 0x70) return wordAt(b, s, e, PW_BOT);
  // "Thanks, applied" / "Thank you, queued" / "OK, applied": the verb within the first 24 bytes
  const second = b[s + 1] | 0x20;
  if (!((c === 0x74 && second === 0x68) || (c === 0x6f && second === 0x6b))) return false;
  for (let i = s + 2; i < Math.min(e, s + 24); i++) if (wordAt(b, i, e, PPLIED) || wordAt(b, i, e, UEUED)) return true;
  return false;
}

/** Does the line [s, e) contain "-by:" (any case) within its first 24 bytes? */
function hasBy(b: Buffer, s: number, e: number): boolean {
  const lim = Math.min(e, s + 24) - 3;
  for (let i = s + 4; i < lim; i++) {
    if (b[i] === 0x2d && (b[i + 1] | 0x20) === 0x62 && (b[i + 2] | 0x20) === 0x79 && b[i + 3] === 0x3a) return true;
  }
  return false;
}

/**
 * Scan raw body bytes (text/plain, not transfer-encoded) line by line. Only the first byte of
 * each line is looked at in JS; candidate lines alone become strings.
 */
export function scanBodyBytes(b: Buffer, latin1 = false): BodyScan {
  const enc = latin1 ? "latin1" : "utf8";
  const trailers: Trailer[] = [];
  let nakLine = false;
  let verdictLine = false;
  const n = b.length;
  let s = 0;
  while (s < n) {
    let e = b.indexOf(0x0a, s);
    if (e < 0) e = n;
    let i = s;
    while (i < e && (b[i] === 0x20 || b[i] === 0x09)) i++;
    const c = b[i] | 0x20;
    if (!verdictLine && i < e && VERDICT_FIRST.has(c) && verdictCandidate(b, i, e, c)) verdictLine = true;
    if (i < e && TRAILER_FIRST.has(c)) {
      if (hasBy(b, i, e)) addTrailer(b.toString(enc, s, e), trailers);
      else if (!nakLine && c === 0x6e && (b[i + 1] | 0x20) === 0x61 && NAK.test(b.toString("latin1", i, Math.min(e, i + 32)))) nakLine = true;
    }
    s = e + 1;
  }
  return { trailers, nakLine, verdictLine };
}

function addTrailer(line: string, out: Trailer[]) {
  const m = TRAILER_HEAD.exec(line);
  if (!m) return;
  let s = m[0].length;
  while (s < line.length && (line.charCodeAt(s) === 0x20 || line.charCodeAt(s) === 0x09)) s++;
  const a = parsePerson(trimEndWhere(line.slice(s), isBlank));
  if (!a.email) return; // "Tested-by: for them?", "Reported-by: https://...": names nobody
  out.push({ kind: KIND.get(m[1].toLowerCase())!, name: a.name, email: a.email, raw: line.trim() });
}

/**
 * The one person a trailer names. Unlike an address list, commas do not separate people here
 * ("Reviewed-by: Huang, Ying <ying@x>"), and a trailing "# v6.1" or "[tweak]" note is dropped.
 */
export function parsePerson(v: string): Address {
  const a = angleAddress(v);
  if (a) {
    const name = collapseSpaces(decodeWords(v.slice(0, a.lt).trim().replace(/^"(.*)"$/, "$1"))).trim();
    return { name, email: normalizeEmail(v.slice(a.lt + 1, a.gt)) };
  }
  return parseAddress(withoutHashNote(v));
}

/**
 * The first "<local@domain>" of v (no blanks or brackets inside, text on both sides of an '@'),
 * as `/<([^<>\s]+@[^<>\s]+)>/` finds it, in one pass: a candidate ends at the first '<', '>'
 * or blank after its '<', so no character is looked at twice.
 */
function angleAddress(v: string): { lt: number; gt: number } | null {
  let lt = v.indexOf("<");
  while (lt >= 0) {
    let i = lt + 1;
    let at = -1;
    for (; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c === 0x3e || c === 0x3c || BLANK.test(v[i])) break;
      if (c === 0x40 && at < 0 && i > lt + 1) at = i;
    }
    // closed by '>', with an '@' that has text on both sides
    if (i < v.length && v.charCodeAt(i) === 0x3e && at >= 0 && at < i - 1) return { lt, gt: i };
    lt = i < v.length && v.charCodeAt(i) === 0x3c ? i : v.indexOf("<", i);
  }
  return null;
}

const BLANK = /\s/;

/** Scan already decoded text (the MIME slow path). */
export function scanBodyText(text: string): BodyScan {
  const trailers: Trailer[] = [];
  let nakLine = false;
  for (const line of text.split("\n")) {
    if (line.length > 12 && line.includes("-") && /-by:/i.test(line)) addTrailer(line, trailers);
    else if (!nakLine && NAK.test(line)) nakLine = true;
  }
  return { trailers, nakLine };
}
