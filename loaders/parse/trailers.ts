// Trailers and NAKs in a body, outside quoted ("> ") text. Works on the raw bytes: native
// indexOf finds the few candidate lines ("-by:", a line starting "NA"/"na"), and only those
// lines become strings (decoded as UTF-8, or latin1 for Latin-1 bodies).
import type { Trailer, TrailerKind } from "../model/records.ts";
import type { Address } from "../model/records.ts";
import { normalizeEmail, parseAddress } from "./addresses.ts";
import { decodeWords } from "./rfc2047.ts";

const TRAILER = /^[ \t]*(reviewed|acked|tested|nacked|naked|reported|suggested|signed-off)-by:[ \t]*(.*?)[ \t\r]*$/i;
// A free-text NAK: the line starts with NAK/NACK ("Nacked." / "NAK:"), not "Nacked-by:".
const NAK = /^[ \t]*(nak|nack|nacked)(?![\w-])(?![ \t]*-by)/i;

const KIND: Record<string, TrailerKind> = {
  reviewed: "reviewed-by", acked: "acked-by", tested: "tested-by", nacked: "nacked-by", naked: "nacked-by",
  reported: "reported-by", suggested: "suggested-by", "signed-off": "signed-off-by",
};

export interface BodyScan {
  trailers: Trailer[];
  nakLine: boolean;
}

// Lower-case first letters of the trailer keywords, and of NAK/NACK.
const TRAILER_FIRST = new Set([0x72, 0x61, 0x74, 0x6e, 0x73]); // r a t n s

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
  const n = b.length;
  let s = 0;
  while (s < n) {
    let e = b.indexOf(0x0a, s);
    if (e < 0) e = n;
    let i = s;
    while (i < e && (b[i] === 0x20 || b[i] === 0x09)) i++;
    const c = b[i] | 0x20;
    if (i < e && TRAILER_FIRST.has(c)) {
      if (hasBy(b, i, e)) addTrailer(b.toString(enc, s, e), trailers);
      else if (!nakLine && c === 0x6e && (b[i + 1] | 0x20) === 0x61 && NAK.test(b.toString("latin1", i, Math.min(e, i + 32)))) nakLine = true;
    }
    s = e + 1;
  }
  return { trailers, nakLine };
}

function addTrailer(line: string, out: Trailer[]) {
  const m = TRAILER.exec(line);
  if (!m) return;
  const a = parsePerson(m[2]);
  if (!a.email) return; // "Tested-by: for them?", "Reported-by: https://...": names nobody
  out.push({ kind: KIND[m[1].toLowerCase()], name: a.name, email: a.email, raw: line.trim() });
}

/**
 * The one person a trailer names. Unlike an address list, commas do not separate people here
 * ("Reviewed-by: Huang, Ying <ying@x>"), and a trailing "# v6.1" or "[tweak]" note is dropped.
 */
export function parsePerson(v: string): Address {
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>/.exec(v);
  if (m) {
    const name = decodeWords(m[1].trim().replace(/^"(.*)"$/, "$1")).replace(/\s+/g, " ").trim();
    return { name, email: normalizeEmail(m[2]) };
  }
  return parseAddress(v.replace(/\s+#.*$/, ""));
}

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
