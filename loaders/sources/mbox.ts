// mbox source (plain or .gz, mboxrd/mboxo). Streams messages; the cursor is the uncompressed
// byte offset after the last message plus a content check (size, head and tail hashes of the
// file), so a re-run over an unchanged file yields nothing without decompressing it.
//
// Damage: a truncated or corrupt .gz yields every complete message before the damage, then
// read() THROWS a SourceError whose message names the path (the partial message is not yielded).
// Junk after complete gzip data: every message is yielded, then the SourceError. A UTF-8 BOM at
// the start is skipped. The last message of a plain mbox may be left for the next run while the
// file is being written (lastMessageComplete).
import { createReadStream, openSync, readSync, closeSync, statSync } from "node:fs";
import { createHash } from "node:crypto";
import { inflateRawSync, constants as zc } from "node:zlib";
import { resolve } from "node:path";
import type { Source, SourceCursor, SourceItem } from "../model/records.ts";
import { hasBom, headerClosed, splitMbox, type SplitOptions } from "./mbox-split.ts";
import { SourceError } from "./errors.ts";
import { MAX_MESSAGE_BYTES, oversizedReason } from "./message-limit.ts";
import { GzipDamage, gunzipFile, gzipHeaderLength, readAt } from "./gzip-reader.ts";

export { splitMbox, unquoteFrom, type MboxChunk, type SplitOptions } from "./mbox-split.ts";

const CHECK_BYTES = 64 * 1024;

export interface MboxCursor extends SourceCursor {
  /** Uncompressed offset just past the last delivered message. */
  offset: number;
  /** File size and hashes when the read started; they tell "unchanged", "grown" and "changed" apart. */
  size: number;
  head: string;
  tail: string;
  /** True on the last message of a complete read: nothing is left past `offset`. */
  done: boolean;
}

export function isGzipFile(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const b = Buffer.alloc(2);
    return readSync(fd, b, 0, 2, 0) === 2 && b[0] === 0x1f && b[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** Does the file (plain or gzip) start with an mbox "From " line? An empty archive counts as one. */
export function looksLikeMbox(path: string): boolean {
  const fd = openSync(path, "r");
  let head: Buffer;
  try {
    const b = Buffer.alloc(64 * 1024);
    head = b.subarray(0, readSync(fd, b, 0, b.length, 0));
  } finally {
    closeSync(fd);
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    // only the first member's start: junk after the gzip data must not hide that it is an mbox
    try {
      const hlen = gzipHeaderLength(head);
      if (hlen === null) return false;
      head = inflateRawSync(head.subarray(hlen), { finishFlush: zc.Z_SYNC_FLUSH }).subarray(0, 4096);
    } catch {
      return false;
    }
  }
  let i = hasBom(head) ? 3 : 0;
  while (i < head.length && (head[i] === 0x0a || head[i] === 0x0d)) i++;
  return i === head.length || head.subarray(i, i + 5).toString("latin1") === "From ";
}

/** Hash of bytes [start, end) of a file. */
function hashRange(path: string, start: number, end: number): string {
  const fd = openSync(path, "r");
  try {
    return createHash("sha1").update(readAt(fd, start, Math.max(0, end - start))).digest("hex");
  } finally {
    closeSync(fd);
  }
}

const HEAD_BYTES = 4096;
const headHash = (p: string, size: number) => hashRange(p, 0, Math.min(size, HEAD_BYTES));
const tailHash = (p: string, size: number) => hashRange(p, Math.max(0, size - CHECK_BYTES), size);

function isMboxCursor(c: SourceCursor | undefined): c is MboxCursor {
  return !!c && typeof c.offset === "number" && typeof c.size === "number" && typeof c.tail === "string";
}

export interface MboxSourceOptions extends Pick<SplitOptions, "format" | "maxMessageBytes"> {
  list?: string;
  /** The source id, when not `mbox:<path>` (a renamed archive keeps the id it was stored under). */
  id?: string;
}

/**
 * Does the file at `path` hold the archive `cursor` was taken on, unchanged or grown by appending
 * (same first bytes, same bytes where it ended)? Then it is that archive, moved or renamed.
 */
export function continuesCursor(path: string, cursor: SourceCursor | null | undefined): boolean {
  if (!cursor || !isMboxCursor(cursor) || cursor.size === 0) return false;
  let size;
  try { size = statSync(path).size; } catch { return false; }
  if (size < cursor.size) return false;
  const head = cursor.size >= HEAD_BYTES ? headHash(path, size) : headHash(path, cursor.size);
  return head === cursor.head && tailHash(path, cursor.size) === cursor.tail;
}

export function mboxSource(path: string, opts: MboxSourceOptions = {}): Source {
  const abs = resolve(path);
  const id = opts.id ?? `mbox:${abs}`;
  const list = opts.list;
  return {
    id,
    kind: "mbox",
    path: abs,
    list,
    sizeHint: statSync(abs).size,
    read: (cursor?: SourceCursor) => readMbox(abs, id, list, opts, cursor),
  };
}

async function* readMbox(
  abs: string, id: string, list: string | undefined, opts: MboxSourceOptions, cursor?: SourceCursor,
): AsyncGenerator<SourceItem> {
  let st;
  try {
    st = statSync(abs);
  } catch (e) {
    throw new SourceError(abs, `cannot read mbox: ${(e as Error).message}`);
  }
  const size = st.size;
  if (size === 0) return;
  const gz = isGzipFile(abs);
  const head = headHash(abs, size);
  const tail = tailHash(abs, size);

  // Decide where to start from the previous cursor.
  let skipTo = 0;
  if (isMboxCursor(cursor)) {
    // compare the head over the bytes the old cursor hashed (a small file's head grows with it)
    const sameHead = cursor.size >= HEAD_BYTES ? cursor.head === head : cursor.head === headHash(abs, cursor.size);
    if (cursor.size === size && sameHead && cursor.tail === tail) {
      if (cursor.done) return; // unchanged and fully read: nearly free
      skipTo = cursor.offset;
    } else if (size > cursor.size && sameHead && tailHash(abs, cursor.size) === cursor.tail) {
      skipTo = cursor.offset; // grown by appending
    } // else: content changed, start over (dedup downstream makes re-reading harmless)
  }

  const make = (offset: number, done: boolean): MboxCursor => ({ offset, size, head, tail, done });
  let input: AsyncIterable<Buffer>;
  // gzip damage ends the decoded stream quietly so the splitter hands over its last message;
  // whether that message is whole is decided below
  const damage: { error?: GzipDamage } = {};
  if (!gz) {
    // only the bytes present when the read started: the cursor's size and hashes describe them
    input = skipTo < size ? createReadStream(abs, { start: skipTo, end: size - 1, highWaterMark: 1 << 20 }) : nothing();
  } else {
    input = stopAtDamage(skipTo > 0 ? skipBytes(gunzipFile(abs), skipTo) : gunzipFile(abs), damage);
  }

  // Hold one message back: the last one carries done: true, or waits for the next run.
  let pending: { bytes: Buffer; offset: number; end: number; oversized?: number } | null = null;
  const maxMessageBytes = opts.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  try {
    for await (const m of splitMbox(input, { startOffset: skipTo, format: opts.format, maxMessageBytes })) {
      if (pending) yield item(pending, make(pending.end, false));
      pending = m;
    }
  } catch (e) {
    throw new SourceError(abs, `read error: ${(e as Error).message}`);
  }
  if (damage.error) {
    // junk after complete gzip data: the last message is whole; a cut or corrupt member: it is not
    if (damage.error.cleanEnd && pending) yield item(pending, make(pending.end, false));
    throw new SourceError(abs, `damaged gzip, every complete message before the damage was read: ${damage.error.message}`);
  }
  if (pending && (gz || lastMessageComplete(abs, st, pending.bytes, pending.oversized !== undefined))) yield item(pending, make(pending.end, true));

  function item(m: { bytes: Buffer; offset: number; oversized?: number }, c: MboxCursor): SourceItem {
    const provenance = { source: id, position: String(m.offset), list };
    if (m.oversized !== undefined) return { kind: "error", provenance, reason: oversizedReason(m.oversized, maxMessageBytes), cursor: c };
    return { kind: "message", bytes: m.bytes, provenance, cursor: c };
  }
}

/** A plain mbox untouched this long has no writer left: its last message is as complete as it gets. */
export const QUIET_MS = 60_000;

/**
 * Is the last message of a plain mbox complete? Only the next "From " line proves it, and a
 * writer may be appending right now: a message cut mid-line or inside its header would be stored
 * truncated, often with a wrong or synthetic Message-ID. So it counts as complete when the file
 * did not change while it was read, ends with a newline, and the message's header block is
 * closed by its blank line; or when the file has not been modified for QUIET_MS. Otherwise it is
 * left for the next run (the cursor stays before it). A cut exactly at a body line end while the
 * writer pauses cannot be told from a finished file; the header rule keeps the Message-ID right.
 */
function lastMessageComplete(abs: string, before: { size: number; mtimeMs: number }, message: Buffer, oversized = false): boolean {
  let now;
  try {
    now = statSync(abs);
  } catch {
    return false;
  }
  if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) return false;
  if (Date.now() - now.mtimeMs >= QUIET_MS) return true;
  if (oversized) return true; // not stored anyway (an errors row): the file did not change while read
  if (message.length === 0 || message[message.length - 1] !== 0x0a) return false;
  return headerClosed(message);
}


async function* nothing(): AsyncGenerator<Buffer> {}

async function* stopAtDamage(src: AsyncIterable<Buffer>, box: { error?: GzipDamage }): AsyncGenerator<Buffer> {
  try {
    yield* src;
  } catch (e) {
    if (!(e instanceof GzipDamage)) throw e;
    box.error = e;
  }
}

/** Drop the first `n` bytes of a stream (resuming inside a .gz: decompress and skip). */
async function* skipBytes(src: AsyncIterable<Buffer>, n: number): AsyncGenerator<Buffer> {
  let left = n;
  for await (const chunk of src) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}
