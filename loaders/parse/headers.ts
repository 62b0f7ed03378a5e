import { isAscii } from "node:buffer";

// Header block splitting on Buffers. Only the fields the pipeline uses are decoded to strings;
// the rest are skipped by name without allocating their values.

/** Header fields we decode (lower-case). Everything else is skipped. */
const WANTED = new Set([
  "from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references", "list-id", "x-mailing-list",
  "x-original-from", "reply-to", "content-type", "content-transfer-encoding",
  "x-patchwork-bot", "x-kernelci-report", "x-kernelci-tree", "x-syzbot", "x-lkp", "auto-submitted",
]);

// Cheap pre-check before allocating a name string: (length, first letter) of the wanted names.
const WANTED_SHAPE = new Set([...WANTED].map((n) => n.length * 256 + n.charCodeAt(0)));

export interface HeaderBlock {
  /** Lower-case name -> unfolded values in order of appearance. */
  fields: Map<string, string[]>;
  /** Offset where the body starts (after the blank line), or bytes.length when there is none. */
  bodyStart: number;
  /** Offset of the end of the header block. */
  headerEnd: number;
  /** Header lines had raw bytes >= 0x80. */
  eightBit: boolean;
  /** Number of header lines that looked like "Name: value". */
  count: number;
  /** Byte ranges [start, end) of Received values, decoded only when the Date is unusable. */
  received: number[];
  raw: Buffer;
}

const NL = 0x0a;
const CR = 0x0d;

const LFLF = Buffer.from("\n\n");
const CRLFCRLF = Buffer.from("\n\r\n");

/** Where the header block ends: the first empty line ("\n\n" or "\n\r\n"), found natively. */
export function findHeaderEnd(b: Buffer): { headerEnd: number; bodyStart: number } {
  if (b[0] === NL) return { headerEnd: 0, bodyStart: 1 };
  if (b[0] === CR && b[1] === NL) return { headerEnd: 0, bodyStart: 2 };
  const lf = b.indexOf(LFLF);
  // only look for a CRLF blank line when the message uses CR at all before the LF one
  const crAt = b.indexOf(CR);
  const cr = crAt >= 0 && (lf < 0 || crAt < lf) ? b.indexOf(CRLFCRLF) : -1;
  if (cr >= 0 && (lf < 0 || cr < lf)) return { headerEnd: cr + 1, bodyStart: cr + 3 };
  if (lf >= 0) return { headerEnd: lf + 1, bodyStart: lf + 2 };
  return { headerEnd: b.length, bodyStart: b.length };
}

function has8bit(b: Buffer, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] >= 0x80) return true;
  return false;
}

/** Decode header bytes: UTF-8 when they hold 8-bit bytes that are valid UTF-8, else latin1. */
function decodeValue(b: Buffer, s: number, e: number, eight: boolean): string {
  if (!eight) return b.toString("latin1", s, e);
  const u = b.toString("utf8", s, e);
  return u.includes("\uFFFD") ? b.toString("latin1", s, e) : u;
}

/** Unfold: line breaks followed by whitespace become nothing (the whitespace stays). */
function unfold(v: string): string {
  if (v.indexOf("\n") < 0) return v.trim();
  return v.replace(/\r?\n(?=[ \t])/g, "").replace(/\r?\n/g, " ").trim();
}

export function parseHeaders(b: Buffer): HeaderBlock {
  const { headerEnd, bodyStart } = findHeaderEnd(b);
  const ascii = isAscii(b.subarray(0, headerEnd)); // one native pass instead of per-field loops
  const fields = new Map<string, string[]>();
  let eightBit = false;
  let count = 0;
  const received: number[] = [];
  // The next ':' at or after i, found once and reused: searching from every line start would
  // rescan a long run of colon-less lines once per line (quadratic).
  let colon = -1;
  let i = 0;
  while (i < headerEnd) {
    let nl = b.indexOf(NL, i);
    if (nl < 0 || nl > headerEnd) nl = headerEnd;
    // extend over continuation lines
    let end = nl;
    while (end + 1 < headerEnd && (b[end + 1] === 0x20 || b[end + 1] === 0x09)) {
      const n2 = b.indexOf(NL, end + 1);
      end = n2 < 0 || n2 > headerEnd ? headerEnd : n2;
    }
    if (colon < i) {
      colon = b.indexOf(0x3a, i);
      if (colon < 0) colon = b.length;
    }
    if (colon > i && colon < nl) {
      count++;
      let ne = colon;
      while (ne > i && (b[ne - 1] === 0x20 || b[ne - 1] === 0x09)) ne--;
      const nameLen = ne - i;
      const c0 = b[i] | 0x20;
      const eight = !ascii && has8bit(b, colon + 1, end);
      if (eight) eightBit = true;
      if (nameLen === 8 && c0 === 0x72 && b.toString("latin1", i, ne).toLowerCase() === "received") {
        received.push(colon + 1, end);
      } else if (WANTED_SHAPE.has(nameLen * 256 + c0)) {
        const name = b.toString("latin1", i, ne).toLowerCase();
        if (WANTED.has(name)) {
          const v = unfold(decodeValue(b, colon + 1, end, eight));
          const arr = fields.get(name);
          if (arr) arr.push(v);
          else fields.set(name, [v]);
        }
      }
    } else if (!ascii && has8bit(b, i, end)) eightBit = true;
    i = end + 1;
  }
  return { fields, bodyStart, headerEnd, eightBit, count, received, raw: b };
}

/** Received header values (unfolded), decoded on demand. */
export function receivedValues(h: HeaderBlock): string[] {
  const out: string[] = [];
  for (let k = 0; k < h.received.length; k += 2) out.push(unfold(h.raw.toString("latin1", h.received[k], h.received[k + 1])));
  return out;
}

/** First value of a field, or undefined. */
export function first(h: HeaderBlock, name: string): string | undefined {
  return h.fields.get(name)?.[0];
}
