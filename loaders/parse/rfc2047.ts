// RFC 2047 encoded-words (=?charset?B|Q?text?=). Adjacent words of one charset are decoded
// together so a multi-byte character split across words survives; whitespace between
// encoded words is dropped, as the RFC says.
const decoders = new Map<string, TextDecoder | null>();

function decoderFor(charset: string): TextDecoder | null {
  const cs = charset.toLowerCase().replace(/\*.*$/, ""); // strip RFC 2231 language
  let d = decoders.get(cs);
  if (d === undefined) {
    try {
      d = new TextDecoder(cs === "utf8" ? "utf-8" : cs);
    } catch {
      d = null;
    }
    decoders.set(cs, d);
  }
  return d;
}

export function hasDecoder(charset: string): boolean {
  return decoderFor(charset) !== null;
}

export function decodeBytes(bytes: Buffer, charset: string): string {
  const d = decoderFor(charset);
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
  const flush = () => {
    if (pend.length) out += decodeBytes(pend.length === 1 ? pend[0] : Buffer.concat(pend), pendCharset);
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
