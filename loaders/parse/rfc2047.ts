// RFC 2047 encoded-words (=?charset?B|Q?text?=). Adjacent words of one charset are decoded
// together so a multi-byte character split across words survives; whitespace between
// encoded words is dropped, as the RFC says.
const decoders = new Map<string, TextDecoder | null>();

// Charset names are short (the longest WHATWG label has 19 characters): anything else is junk,
// answered without constructing a TextDecoder (which throws, slowly) and without being cached,
// so hostile headers with thousands of made-up charsets neither stall nor grow the cache.
const CHARSET_NAME = /^[a-z0-9][a-z0-9._:+-]{0,39}$/;
const MAX_CACHED = 512;

/** New (uncached) charset look-ups one header value may make; the rest decode as Latin-1. */
const LOOKUPS_PER_VALUE = 32;

function decoderFor(charset: string, budget?: { left: number }): TextDecoder | null {
  const star = charset.indexOf("*"); // strip RFC 2231 language
  const cs = (star >= 0 ? charset.slice(0, star) : charset).toLowerCase();
  let d = decoders.get(cs);
  if (d === undefined) {
    if (!CHARSET_NAME.test(cs) || (budget && budget.left-- <= 0)) return null;
    try {
      d = new TextDecoder(cs === "utf8" ? "utf-8" : cs);
    } catch {
      d = null;
    }
    if (d !== null || decoders.size < MAX_CACHED) decoders.set(cs, d);
  }
  return d;
}

export function hasDecoder(charset: string): boolean {
  return decoderFor(charset) !== null;
}

export function decodeBytes(bytes: Buffer, charset: string, budget?: { left: number }): string {
  const d = decoderFor(charset, budget);
  return d ? d.decode(bytes) : bytes.toString("latin1");
}

function qDecode(text: string): Buffer {
  const out = Buffer.allocUnsafe(text.length);
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) out[o++] = 0x20; // '_' is space
    else if (c === 0x3d && i + 2 < text.length && /^[0-9a-fA-F]{2}$/.test(text.substr(i + 1, 2))) {
      out[o++] = parseInt(text.substr(i + 1, 2), 16);
      i += 2;
    } else out[o++] = c & 0xff;
  }
  return out.subarray(0, o);
}

const WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;

export function decodeWords(s: string): string {
  if (s.indexOf("=?") < 0) return s;
  let out = "";
  let last = 0;
  let pendCharset = "";
  let pend: Buffer[] = [];
  const budget = { left: LOOKUPS_PER_VALUE };
  const flush = () => {
    if (pend.length) out += decodeBytes(pend.length === 1 ? pend[0] : Buffer.concat(pend), pendCharset, budget);
    pend = [];
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(s); m; m = WORD.exec(s)) {
    const between = s.slice(last, m.index);
    const charset = m[1];
    const bytes = m[2] === "b" || m[2] === "B" ? Buffer.from(m[3], "base64") : qDecode(m[3]);
    if (pend.length && /^[ \t\r\n]*$/.test(between) && charset.toLowerCase() === pendCharset.toLowerCase()) {
      pend.push(bytes);
    } else {
      flush();
      // whitespace between two encoded words is not part of the text
      if (!(last > 0 && /^[ \t\r\n]*$/.test(between))) out += between;
      pendCharset = charset;
      pend = [bytes];
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + s.slice(last);
}
