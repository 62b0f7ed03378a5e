// The slow path for bodies the fast path cannot read as-is: quoted-printable, base64,
// multipart, and charsets other than UTF-8/ASCII/Latin-1. It uses mailparser's own decoding
// libraries (libmime, libqp: synchronous), and returns the text/plain parts for body scanning.
import { createRequire } from "node:module";
import { decodeBytes, hasDecoder } from "./rfc2047.ts";
import { findHeaderEnd } from "./headers.ts";

const require = createRequire(import.meta.url);
const libqp: { decode(s: string): Buffer } = require("libqp");
const libmime: { parseHeaderValue(v: string): { value: string; params: Record<string, string> } } = require("libmime");
const iconv: { encodingExists(c: string): boolean; decode(b: Buffer, c: string): string } = require("iconv-lite");

export interface ContentInfo {
  type: string; // lower-case "text/plain"
  charset: string; // lower-case, "" when absent
  boundary: string;
  encoding: string; // lower-case transfer encoding, "" for 7bit/8bit/binary
}

export function contentInfo(contentType: string | undefined, cte: string | undefined): ContentInfo {
  let type = "text/plain";
  let charset = "";
  let boundary = "";
  if (contentType) {
    const p = libmime.parseHeaderValue(contentType);
    type = (p.value || "text/plain").toLowerCase().trim();
    charset = (p.params.charset ?? "").toLowerCase().trim();
    boundary = p.params.boundary ?? "";
  }
  let encoding = (cte ?? "").toLowerCase().trim();
  if (encoding === "7bit" || encoding === "8bit" || encoding === "binary") encoding = "";
  return { type, charset, boundary, encoding };
}

const FAST_CHARSETS = new Set(["", "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1"]);

/** Can the fast path scan this body directly? */
export function fastBody(ci: ContentInfo): boolean {
  return ci.encoding === "" && FAST_CHARSETS.has(ci.charset) && !ci.type.startsWith("multipart/") && ci.type.startsWith("text/");
}

function decodePart(body: Buffer, ci: ContentInfo): string {
  let bytes = body;
  if (ci.encoding === "quoted-printable") bytes = libqp.decode(body.toString("latin1"));
  else if (ci.encoding === "base64") bytes = Buffer.from(body.toString("latin1"), "base64");
  return decodeCharset(bytes, ci.charset || "utf-8");
}

/**
 * TextDecoder knows most charsets; iconv-lite (mailparser's) covers the rest; else Latin-1.
 * iconv-lite looks charsets up in a plain object, so "charset=constructor" passes
 * encodingExists and then throws: that too falls back to Latin-1 instead of losing the body.
 */
function decodeCharset(bytes: Buffer, charset: string): string {
  if (hasDecoder(charset)) return decodeBytes(bytes, charset);
  if (iconv.encodingExists(charset)) {
    try {
      return iconv.decode(bytes, charset);
    } catch {
      // fall through
    }
  }
  return bytes.toString("latin1");
}

/** Split a part's header block from its body (part headers are few: parse them here). */
function partHeaders(part: Buffer): { ct?: string; cte?: string; body: Buffer } {
  // The same blank-line rule as a message's header block ("\n\n", "\r\n\r\n" or a mix, "\n\r\n")
  const { headerEnd, bodyStart } = findHeaderEnd(part);
  if (headerEnd === part.length) return { body: Buffer.alloc(0) };
  const head = part.toString("latin1", 0, headerEnd).replace(/\r?\n[ \t]+/g, " ");
  const ct = /^content-type:[ \t]*(.*)$/im.exec(head)?.[1];
  const cte = /^content-transfer-encoding:[ \t]*(.*)$/im.exec(head)?.[1];
  return { ct, cte, body: part.subarray(bodyStart) };
}

/** Text of the text/plain parts (depth-limited), joined by blank lines. */
export function slowBodyText(body: Buffer, ci: ContentInfo, depth = 0): string {
  if (ci.type.startsWith("multipart/")) {
    if (!ci.boundary || depth > 4) return "";
    const delim = Buffer.from("--" + ci.boundary);
    const texts: string[] = [];
    let pos = body.indexOf(delim);
    while (pos >= 0) {
      let start = pos + delim.length;
      if (body[start] === 0x2d && body[start + 1] === 0x2d) break; // closing delimiter
      const nl = body.indexOf(0x0a, start);
      if (nl < 0) break;
      start = nl + 1;
      const next = body.indexOf(delim, start);
      const part = body.subarray(start, next < 0 ? body.length : next);
      const ph = partHeaders(part);
      const pci = contentInfo(ph.ct, ph.cte);
      if (pci.type === "text/plain" || pci.type.startsWith("multipart/")) {
        const t = slowBodyText(ph.body, pci, depth + 1);
        if (t) texts.push(t);
      }
      pos = next;
    }
    return texts.join("\n\n");
  }
  if (!ci.type.startsWith("text/")) return "";
  return decodePart(body, ci);
}
